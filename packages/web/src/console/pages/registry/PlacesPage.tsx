// 场所与组织: the places (住宅小区、十小场所、公共设施) on a map and in a list, and the organisations of the
// area, with one pattern for both — filters in the caller's scope, add, edit, retire; the district keeps the
// whitelist of social organisations (`000`). The server decides what each row allows (allowedActions).
import { Suspense, lazy, useState } from 'react';
import { App, Button, Card, Checkbox, Col, Form, Input, Modal, Popconfirm, Row, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { api, get, patch, post } from '../../../api/client.ts';
import type { Organisation, OrganisationList, OrganisationSummary, Place, PlaceList } from '@gongzhi/domain/contract';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';
import type { PickedPoint } from '../../components/LocationPicker.tsx';
import { GROUP_COLOURS, PlacesMap } from './PlacesMap.tsx';

const LocationPicker = lazy(() => import('../../components/LocationPicker.tsx'));

export const PLACE_GROUPS = ['compound', 'small-venue', 'facility'] as const;
export const PLACE_KINDS: Record<(typeof PLACE_GROUPS)[number], string[]> = {
  compound: ['compound'],
  'small-venue': ['small-shop', 'restaurant', 'hair-salon', 'internet-cafe', 'hotel', 'entertainment', 'clinic', 'school', 'training', 'workshop'],
  facility: ['service-centre', 'elderly-care', 'park', 'sports', 'ev-charging', 'waste-station', 'fire-station', 'toilet'],
};
export const ORG_KINDS = ['social-org', 'property-company', 'owners-committee', 'merchant', 'volunteer-team', 'enterprise'];
const CREDIT_RE = /^[0-9A-HJ-NPQRTUWXY]{18}$/i;

export default function PlacesPage() {
  const t = useT();
  const [tab, setTab] = useState('places');
  return (
    <div className="gz-page" data-testid="places-page">
      <PageHeader title={t('places.title')} description={t('places.desc')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'places', label: <span data-testid="tab-places">{t('places.tab.places')}</span>, children: <PlacesTab /> },
          { key: 'orgs', label: <span data-testid="tab-orgs">{t('places.tab.orgs')}</span>, children: <OrgsTab /> },
        ]}
      />
    </div>
  );
}

function useFilters() {
  const [area, setArea] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [group, setGroup] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [retired, setRetired] = useState(false);
  const [page, setPage] = useState(1);
  return { area, setArea, kind, setKind, group, setGroup, q, setQ, retired, setRetired, page, setPage };
}

function PlacesTab() {
  const t = useT();
  const { tx } = useI18n();
  const { can } = useAuth();
  const me = useMe();
  const { message } = App.useApp();
  const f = useFilters();
  const [editing, setEditing] = useState<Place | 'new' | null>(null);
  const list = useApi(
    (signal) => get<PlaceList>('/api/places', { area: f.area, kind: f.kind, group: f.group, q: f.q || undefined, includeRetired: f.retired || undefined, pageSize: 500 }, signal),
    [f.area, f.kind, f.group, f.q, f.retired],
  );
  const items = list.data?.items ?? [];
  const shown = items.slice((f.page - 1) * 20, f.page * 20);
  const retire = async (p: Place) => {
    try {
      await api(`/api/places/${p.id}`, { method: 'DELETE' });
      message.success(t('places.saved'));
      list.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const columns: ColumnsType<Place> = [
    {
      title: t('places.name'),
      dataIndex: 'name',
      key: 'name',
      ellipsis: true,
      render: (n: string, p) => (
        <Space size={4}>
          <span className="gz-dot" style={{ background: GROUP_COLOURS[p.group ?? ''] ?? '#595959', display: 'inline-block', width: 8, height: 8, borderRadius: 4 }} />
          <Typography.Link onClick={() => setEditing(p)} data-testid="place-name">
            {n}
          </Typography.Link>
          {p.retiredAt && <Tag>{t('places.retired')}</Tag>}
        </Space>
      ),
    },
    { title: t('places.kind'), dataIndex: 'kind', key: 'kind', width: 150, render: (k: string) => tx(`places.kind.${k}`, '—') },
    { title: t('places.grid'), dataIndex: 'areaName', key: 'area', width: 130, ellipsis: true, render: (a: string | null) => a ?? '—' },
    {
      title: t('places.property'),
      key: 'property',
      width: 200,
      ellipsis: true,
      render: (_: unknown, p) => (p.kind !== 'compound' ? '—' : p.propertyOrg ? p.propertyOrg.name : <Tag color="orange">{t('places.noProperty')}</Tag>),
    },
    { title: t('places.address'), dataIndex: 'address', key: 'address', ellipsis: true, render: (a: string | null) => a ?? '—' },
    {
      title: t('places.actions'),
      key: 'actions',
      width: 120,
      render: (_: unknown, p) =>
        p.allowedActions.includes('retire') ? (
          <Popconfirm title={t('places.retireConfirm', { name: p.name })} onConfirm={() => void retire(p)}>
            <Button size="small" danger type="link">
              {t('places.retire')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <>
      <Card size="small" className="gz-filters">
        <Space wrap>
          <AreaTreeSelect value={f.area} onChange={(v) => (f.setArea(v), f.setPage(1))} placeholder={t('places.area')} style={{ width: 220 }} testId="places-area" />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('places.allGroups')}
            value={f.group}
            onChange={(v) => (f.setGroup(v), f.setKind(undefined), f.setPage(1))}
            options={PLACE_GROUPS.map((g) => ({ value: g, label: t(`places.group.${g}`) }))}
            aria-label={t('places.group')}
          />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('places.allKinds')}
            value={f.kind}
            onChange={(v) => (f.setKind(v), f.setPage(1))}
            options={(f.group ? PLACE_KINDS[f.group as keyof typeof PLACE_KINDS] : Object.values(PLACE_KINDS).flat()).map((k) => ({ value: k, label: tx(`places.kind.${k}`, '—') }))}
            aria-label={t('places.kind')}
          />
          <Input.Search allowClear placeholder={t('places.search')} onSearch={(v) => (f.setQ(v.trim()), f.setPage(1))} style={{ width: 200 }} aria-label={t('places.search')} />
          <Checkbox checked={f.retired} onChange={(e) => f.setRetired(e.target.checked)}>
            {t('places.includeRetired')}
          </Checkbox>
          {can('places.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="place-add">
              {t('places.add')}
            </Button>
          )}
        </Space>
      </Card>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} xl={10}>
            <PlacesMap area={f.area ?? me.scope.code} places={items} onSelect={(p) => setEditing(p)} />
            <div className="gz-muted" style={{ marginTop: 4 }}>
              {t('places.mapHint')}
            </div>
          </Col>
          <Col xs={24} xl={14}>
            <Table
              size="small"
              rowKey="id"
              loading={list.loading}
              columns={columns}
              dataSource={shown}
              locale={{ emptyText: t('places.empty') }}
              scroll={{ x: 800 }}
              data-testid="places-table"
              pagination={{ current: f.page, pageSize: 20, total: items.length, onChange: f.setPage, showSizeChanger: false, showTotal: (n) => t('places.total', { n: fmtNumber(n) }) }}
            />
          </Col>
        </Row>
      )}
      {editing && (
        <PlaceForm
          place={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </>
  );
}

interface PlaceValues {
  kind: string;
  name: string;
  areaCode?: string;
  address?: string;
  propertyOrgId?: string;
  note?: string;
}

function PlaceForm({ place, onClose, onSaved }: { place: Place | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { tx } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlaceValues>();
  const [point, setPoint] = useState<PickedPoint | null>(place ? { lat: place.lat, lng: place.lng } : null);
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? place?.kind;
  const editable = !place || place.allowedActions.includes('edit');
  const companies = useApi((signal) => get<OrganisationList>('/api/organisations', { kind: 'property-company', pageSize: 500 }, signal), []);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (!point) {
      message.error(t('places.pointRequired'));
      return;
    }
    const body = {
      kind: v.kind,
      name: v.name,
      lat: point.lat,
      lng: point.lng,
      areaCode: v.areaCode || null,
      address: v.address || null,
      note: v.note || null,
      ...(v.kind === 'compound' ? { propertyOrgId: v.propertyOrgId && v.propertyOrgId !== 'none' ? v.propertyOrgId : null } : {}),
    };
    setSaving(true);
    try {
      if (place) await patch(`/api/places/${place.id}`, body);
      else await post('/api/places', body);
      message.success(t('places.saved'));
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, message, ['kind', 'name', 'areaCode', 'address', 'propertyOrgId', 'note']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      width={760}
      title={place ? (editable ? t('places.edit') : place.name) : t('places.add')}
      onCancel={onClose}
      onOk={editable ? () => void submit() : onClose}
      okText={editable ? t('common.save') : t('common.close')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'place-save' } as never}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={
          place
            ? { kind: place.kind, name: place.name, areaCode: place.areaCode, address: place.address ?? undefined, note: place.note ?? undefined, propertyOrgId: place.propertyOrg?.id ?? 'none' }
            : { kind: 'small-shop', propertyOrgId: 'none' }
        }
      >
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="kind" label={t('places.kind')} rules={[{ required: true }]}>
              <Select
                data-testid="place-kind"
                options={PLACE_GROUPS.map((g) => ({ label: t(`places.group.${g}`), options: PLACE_KINDS[g].map((k) => ({ value: k, label: tx(`places.kind.${k}`, '—') })) }))}
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="name" label={t('places.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
              <Input maxLength={60} data-testid="place-name-input" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('places.point')} extra={t('places.pointHint')} required>
          <Suspense fallback={<div className="gz-map-placeholder" />}>
            <LocationPicker area={place?.areaCode ?? me.scope.code} scope={me.scope.code} value={point} onChange={editable ? setPoint : () => undefined} />
          </Suspense>
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="areaCode" label={t('places.grid')}>
              <AreaTreeSelect selectableLevels={['grid']} placeholder={t('places.grid')} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="address" label={t('places.address')} rules={[{ max: 120 }]}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'compound' && (
          <Form.Item name="propertyOrgId" label={t('places.property')}>
            <Select
              options={[{ value: 'none', label: t('places.noProperty') }, ...(companies.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))]}
              loading={companies.loading}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('places.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OrgsTab() {
  const t = useT();
  const { tx } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const f = useFilters();
  const [editing, setEditing] = useState<OrganisationSummary | 'new' | null>(null);
  const list = useApi(
    (signal) => get<OrganisationList>('/api/organisations', { area: f.area, kind: f.kind, q: f.q || undefined, includeRetired: f.retired || undefined, page: f.page, pageSize: 20 }, signal),
    [f.area, f.kind, f.q, f.retired, f.page],
  );
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('places.saved'));
      list.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const columns: ColumnsType<OrganisationSummary> = [
    {
      title: t('places.name'),
      dataIndex: 'name',
      key: 'name',
      ellipsis: true,
      render: (n: string, o) => (
        <Space size={4}>
          <Typography.Link onClick={() => setEditing(o)} data-testid="org-name">
            {n}
          </Typography.Link>
          {o.retiredAt && <Tag>{t('places.retired')}</Tag>}
        </Space>
      ),
    },
    { title: t('places.kind'), dataIndex: 'kind', key: 'kind', width: 130, render: (k: string) => tx(`orgs.kind.${k}`, '—') },
    { title: t('places.area'), dataIndex: 'areaName', key: 'area', width: 130, ellipsis: true, render: (a: string | null) => a ?? '—' },
    { title: t('orgs.contact'), dataIndex: 'contactName', key: 'contact', width: 90, render: (a: string | null) => a ?? '—' },
    { title: t('orgs.phone'), dataIndex: 'phone', key: 'phone', width: 130, render: (a: string | null) => <span className="gz-mono">{a ?? '—'}</span> },
    { title: t('orgs.creditCode'), dataIndex: 'creditCode', key: 'credit', width: 190, render: (a: string | null) => <span className="gz-mono">{a ?? '—'}</span> },
    {
      title: t('orgs.whitelist'),
      key: 'whitelist',
      width: 140,
      render: (_: unknown, o) =>
        o.kind !== 'social-org' ? (
          '—'
        ) : o.allowedActions.includes('whitelist') ? (
          <Switch
            size="small"
            checked={o.whitelisted}
            aria-label={t('orgs.whitelist')}
            onChange={(v) => void act(() => api(`/api/organisations/${o.id}/whitelist`, { method: 'PUT', body: { whitelisted: v } }))}
          />
        ) : o.whitelisted ? (
          <Tag color="green">{t('orgs.whitelisted')}</Tag>
        ) : (
          <span className="gz-muted">{t('orgs.notWhitelisted')}</span>
        ),
    },
    {
      title: t('places.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, o) =>
        o.allowedActions.includes('retire') ? (
          <Popconfirm title={t('orgs.retireConfirm', { name: o.name })} onConfirm={() => void act(() => api(`/api/organisations/${o.id}`, { method: 'DELETE' }))}>
            <Button size="small" danger type="link">
              {t('places.retire')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <>
      <Card size="small" className="gz-filters">
        <Space wrap>
          <AreaTreeSelect value={f.area} onChange={(v) => (f.setArea(v), f.setPage(1))} placeholder={t('places.area')} style={{ width: 220 }} />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('places.allKinds')}
            value={f.kind}
            onChange={(v) => (f.setKind(v), f.setPage(1))}
            options={ORG_KINDS.map((k) => ({ value: k, label: tx(`orgs.kind.${k}`, '—') }))}
            aria-label={t('places.kind')}
          />
          <Input.Search allowClear placeholder={t('places.search')} onSearch={(v) => (f.setQ(v.trim()), f.setPage(1))} style={{ width: 200 }} aria-label={t('places.search')} />
          <Checkbox checked={f.retired} onChange={(e) => f.setRetired(e.target.checked)}>
            {t('places.includeRetired')}
          </Checkbox>
          {can('places.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="org-add">
              {t('orgs.add')}
            </Button>
          )}
        </Space>
      </Card>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="id"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('orgs.empty') }}
          scroll={{ x: 1000 }}
          data-testid="orgs-table"
          pagination={{ current: f.page, pageSize: 20, total: list.data?.total ?? 0, onChange: f.setPage, showSizeChanger: false, showTotal: (n) => t('orgs.total', { n: fmtNumber(n) }) }}
        />
      )}
      {editing && (
        <OrgForm
          org={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </>
  );
}

interface OrgValues {
  kind: string;
  name: string;
  areaCode: string;
  contactName?: string;
  phone?: string;
  creditCode?: string;
  address?: string;
  note?: string;
}

function OrgForm({ org, onClose, onSaved }: { org: OrganisationSummary | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { tx } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgValues>();
  const [saving, setSaving] = useState(false);
  const editable = !org || org.allowedActions.includes('edit');
  const detail = useApi(org ? (signal) => get<Organisation>(`/api/organisations/${org.id}`, undefined, signal) : null, [org?.id]);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    // The phone is shown masked: sent only when typed anew.
    const body = { ...v, contactName: v.contactName || null, creditCode: v.creditCode || null, address: v.address || null, note: v.note || null, phone: v.phone ? v.phone : undefined };
    setSaving(true);
    try {
      if (org) await patch(`/api/organisations/${org.id}`, body);
      else await post('/api/organisations', body);
      message.success(t('places.saved'));
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, message, ['kind', 'name', 'areaCode', 'contactName', 'phone', 'creditCode', 'address', 'note']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      width={640}
      title={org ? (editable ? t('orgs.edit') : org.name) : t('orgs.add')}
      onCancel={onClose}
      onOk={editable ? () => void submit() : onClose}
      okText={editable ? t('common.save') : t('common.close')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={
          org
            ? { kind: org.kind, name: org.name, areaCode: org.areaCode, contactName: org.contactName ?? undefined, creditCode: org.creditCode ?? undefined, address: org.address ?? undefined, note: org.note ?? undefined }
            : { kind: 'merchant', areaCode: me.scope.level === 'village' || me.scope.level === 'grid' ? me.scope.code : undefined }
        }
      >
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="kind" label={t('places.kind')} rules={[{ required: true }]}>
              <Select options={ORG_KINDS.map((k) => ({ value: k, label: tx(`orgs.kind.${k}`, '—') }))} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="name" label={t('places.name')} rules={[{ required: true, whitespace: true, max: 80 }]}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="areaCode" label={t('places.area')} rules={[{ required: true }]}>
          <AreaTreeSelect selectableLevels={['village', 'grid', 'building', 'unit']} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="contactName" label={t('orgs.contact')} rules={[{ max: 40 }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="phone" label={t('orgs.phone')} extra={org?.phone ?? undefined} rules={[{ max: 20 }]}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="creditCode" label={t('orgs.creditCode')} rules={[{ pattern: CREDIT_RE, message: t('orgs.creditCodeBad') }]}>
          <Input maxLength={18} className="gz-mono" />
        </Form.Item>
        <Form.Item name="address" label={t('places.address')} rules={[{ max: 120 }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="note" label={t('places.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {detail.data?.compounds && detail.data.compounds.length > 0 && (
          <Form.Item label={t('orgs.compounds')}>
            <Space wrap>
              {detail.data.compounds.map((c) => (
                <Tag key={c.id}>{c.name}</Tag>
              ))}
            </Space>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
