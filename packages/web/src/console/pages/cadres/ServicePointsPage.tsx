// 服务点位: the service points of the 15-minute circle on a map and in a list; the community keeps them
// (add, edit, close). The server decides what each row allows (allowedActions).
import { Suspense, lazy, useState } from 'react';
import { App, Button, Card, Col, Form, Input, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { SERVICE_POINT_KIND_CODES as SERVICE_POINT_KINDS } from '@gongzhi/domain';
import type { ServicePoint } from '@gongzhi/domain/contract';
import { createServicePoint, listServicePoints, updateServicePoint } from '../../../api/cadres.ts';
import { KIND_COLOURS } from './colours.ts';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';
import type { PickedPoint } from '../../components/LocationPicker.tsx';
import { ServicePointsMap } from './ServicePointsMap.tsx';

const LocationPicker = lazy(() => import('../../components/LocationPicker.tsx'));

interface FormValues {
  areaCode: string;
  kind: (typeof SERVICE_POINT_KINDS)[number];
  name: string;
  address?: string;
  hours?: string;
  services?: string[];
  contactName?: string;
  contactPhone?: string;
}

export default function ServicePointsPage() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [area, setArea] = useState<string | undefined>();
  const [kind, setKind] = useState<(typeof SERVICE_POINT_KINDS)[number] | undefined>();
  const [editing, setEditing] = useState<ServicePoint | 'new' | null>(null);
  const list = useApi((signal) => listServicePoints({ area, kind, pageSize: 200 }, signal), [area, kind]);
  const items = list.data?.items ?? [];

  const retire = async (p: ServicePoint) => {
    try {
      await updateServicePoint(p.id, { retired: true });
      message.success(t('sp.retired'));
      list.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ColumnsType<ServicePoint> = [
    {
      title: t('sp.name'),
      dataIndex: 'name',
      key: 'name',
      ellipsis: true,
      render: (n: string, p) => (
        <Space size={4}>
          <span style={{ background: KIND_COLOURS[p.kind] ?? '#595959', display: 'inline-block', width: 8, height: 8, borderRadius: 4 }} />
          {p.allowedActions.includes('edit') ? (
            <Typography.Link onClick={() => setEditing(p)} data-testid="sp-name">
              {n}
            </Typography.Link>
          ) : (
            <span data-testid="sp-name">{n}</span>
          )}
        </Space>
      ),
    },
    { title: t('sp.kind'), dataIndex: 'kind', key: 'kind', width: 150, render: (k: string, p) => tx(`sp.kind.${k}`, p.kindName) },
    { title: t('sp.belongs'), dataIndex: 'areaName', key: 'area', width: 140, ellipsis: true, render: (a: string | null) => a ?? '—' },
    { title: t('sp.hours'), dataIndex: 'hours', key: 'hours', width: 200, ellipsis: true, render: (h: string | null) => h ?? '—' },
    {
      title: t('sp.services'),
      dataIndex: 'services',
      key: 'services',
      render: (s: string[]) => (
        <Space size={[4, 4]} wrap>
          {s.slice(0, 4).map((x) => (
            <Tag key={x}>{x}</Tag>
          ))}
          {s.length > 4 && <Tag>+{s.length - 4}</Tag>}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 80,
      render: (_: unknown, p) =>
        p.allowedActions.includes('retire') ? (
          <Popconfirm title={t('sp.retireConfirm')} onConfirm={() => void retire(p)}>
            <Button size="small" danger type="link">
              {t('sp.retire')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <div data-testid="service-points-page">
      <PageHeader
        title={t('sp.title')}
        description={t('sp.desc')}
        extra={
          can('servicepoints.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="sp-new">
              {t('sp.new')}
            </Button>
          ) : undefined
        }
      />
      <Card size="small" className="gz-filters">
        <Space wrap>
          <AreaTreeSelect value={area} onChange={setArea} placeholder={t('sp.area')} style={{ width: 220 }} />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('sp.allKinds')}
            value={kind}
            onChange={setKind}
            options={SERVICE_POINT_KINDS.map((k) => ({ value: k, label: tx(`sp.kind.${k}`) }))}
            aria-label={t('sp.kind')}
          />
          <span>{t('sp.count', { n: list.data?.total ?? 0 })}</span>
        </Space>
      </Card>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={10}>
            <Card size="small" className="gz-map-wrap">
              {list.data ? <ServicePointsMap points={items} onSelect={(p) => p.allowedActions.includes('edit') && setEditing(p)} /> : null}
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Table<ServicePoint> rowKey="id" size="small" loading={list.loading} columns={columns} dataSource={items} pagination={{ pageSize: 20, showSizeChanger: false }} locale={{ emptyText: t('sp.empty') }} scroll={{ x: 760 }} />
          </Col>
        </Row>
      )}
      {editing && <ServicePointForm point={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), list.reload())} />}
    </div>
  );
}

function ServicePointForm({ point, onClose, onSaved }: { point: ServicePoint | null; onClose: () => void; onSaved: () => void }) {
  const { t, tx } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [where, setWhere] = useState<PickedPoint | null>(point ? { lat: point.lat, lng: point.lng } : null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (!where) {
      message.error(t('sp.locationRequired'));
      return;
    }
    setSaving(true);
    try {
      const body = { ...v, lat: where.lat, lng: where.lng, address: v.address || null, hours: v.hours || null, contactName: v.contactName || null, contactPhone: v.contactPhone || null, services: v.services ?? [] };
      if (point) await updateServicePoint(point.id, body);
      else await createServicePoint(body);
      message.success(t('sp.saved'));
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, message, ['areaCode', 'kind', 'name', 'address', 'hours', 'services', 'contactName', 'contactPhone']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={point ? t('sp.edit') : t('sp.new')} onCancel={onClose} onOk={() => void save()} confirmLoading={saving} width={760} destroyOnHidden okButtonProps={{ 'data-testid': 'sp-save' } as never}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={point ? { areaCode: point.areaCode, kind: point.kind, name: point.name, address: point.address ?? undefined, hours: point.hours ?? undefined, services: point.services, contactName: point.contactName ?? undefined, contactPhone: point.contactPhone ?? undefined } : { areaCode: me.scope.level === 'village' || me.scope.level === 'grid' ? me.scope.code : undefined, services: [] }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label={t('sp.name')} rules={[{ required: true, max: 60 }]}>
              <Input data-testid="sp-form-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={t('sp.kind')} rules={[{ required: true }]}>
              <Select options={SERVICE_POINT_KINDS.map((k) => ({ value: k, label: tx(`sp.kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="areaCode" label={t('sp.belongs')} rules={[{ required: true }]}>
              <AreaTreeSelect selectableLevels={['village', 'grid']} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="hours" label={t('sp.hours')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="services" label={t('sp.services')} extra={t('sp.servicesHint')}>
              <Select mode="tags" open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="address" label={t('sp.address')} rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="contactName" label={t('sp.contact')} rules={[{ max: 40 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="contactPhone" label={t('sp.phone')} rules={[{ max: 20, pattern: /^[\d-]*$/ }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <div className="ant-form-item-label">
          <span>{t('sp.location')}</span>
        </div>
        <Suspense fallback={null}>
          <LocationPicker area={point?.areaCode ?? me.scope.code} scope={me.scope.code} value={where} onChange={setWhere} />
        </Suspense>
      </Form>
    </Modal>
  );
}
