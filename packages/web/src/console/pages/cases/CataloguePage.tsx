import { useMemo, useState, type Key } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { CheckOutlined, EditOutlined, FireOutlined, MinusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { get, patch } from '../../../api/client.ts';
import { DEADLINE_STEPS, type CatalogueType, type DeadlineSpec, type OwnerLevel, type StepDeadlines } from '../../../api/cases.ts';
import type { Unit, Units } from '../../../api/types.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';
import { reloadCatalogue, useCaseLabels, useCatalogue, type CatalogueNode } from '../../../lib/cases.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';

interface Row extends Omit<CatalogueNode, 'children'> {
  children?: Row[];
}

export default function CataloguePage() {
  const t = useT();
  const labels = useCaseLabels();
  const cat = useCatalogue();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<CatalogueType | null>(null);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const units = useApi((signal) => get<Units>('/api/units', undefined, signal), []);
  const unitName = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.code, u.shortName ?? u.name])), [units.data]);
  const canEdit = cat.items.some((i) => i.allowedActions?.includes('edit'));

  const rows = useMemo<Row[]>(() => {
    const needle = q.trim();
    const build = (n: CatalogueNode): Row | null => {
      const kids = n.children.map(build).filter((x): x is Row => x !== null);
      const hit = !needle || n.name.includes(needle) || n.code.toUpperCase().startsWith(needle.toUpperCase()) || n.keywords.some((k) => k.includes(needle));
      if (!hit && kids.length === 0) return null;
      const { children: _c, ...rest } = n;
      return { ...rest, children: kids.length ? kids : undefined };
    };
    return cat.roots.map(build).filter((x): x is Row => x !== null);
  }, [cat.roots, q]);

  const leaves = cat.items.filter((i) => i.leaf).length;
  const columns: ColumnsType<Row> = [
    {
      title: t('case.catalog.name'),
      dataIndex: 'name',
      key: 'name',
      width: 230,
      render: (name: string, r) => (
        <span className={r.leaf ? 'gz-cat-leaf' : 'gz-cat-branch'} data-testid="catalog-name" data-code={r.code}>
          <span className="gz-cat-code-cell">{r.code}</span>
          {name}
          {!r.active && <Tag className="gz-cat-inactive">{t('case.catalog.inactive')}</Tag>}
        </span>
      ),
    },
    {
      title: t('case.catalog.limits'),
      key: 'limits',
      render: (_: unknown, r) => (
        <span className="gz-cat-limits">
          {DEADLINE_STEPS.map((s) => (
            <span key={s} className="gz-cat-limit">
              <span className="gz-cat-limit-step">{t(`case.step.${s}`)}</span>
              {labels.spec(r.deadline[s])}
            </span>
          ))}
        </span>
      ),
    },
    { title: t('case.catalog.level'), dataIndex: 'handlingLevel', key: 'level', width: 104, render: (l: OwnerLevel) => <Tag color={LEVEL_COLOUR[l]}>{labels.ownerLevel(l)}</Tag> },
    { title: t('case.catalog.unit'), dataIndex: 'defaultUnitCode', key: 'unit', width: 120, render: (c: string | null) => (c ? (unitName.get(c) ?? c) : <span className="gz-muted">—</span>) },
    {
      title: t('case.catalog.urgent'),
      dataIndex: 'urgent',
      key: 'urgent',
      width: 88,
      align: 'center',
      render: (u: boolean) => (u ? <FireOutlined className="gz-cat-urgent" /> : <MinusOutlined className="gz-muted" />),
    },
    {
      title: t('case.catalog.verifyOnSite'),
      dataIndex: 'verifyOnSite',
      key: 'verify',
      width: 96,
      align: 'center',
      render: (v: boolean) => (v ? <CheckOutlined className="gz-cat-check" /> : <Tooltip title={t('case.catalog.returnVisit')}><span className="gz-muted">{t('case.catalog.byPhone')}</span></Tooltip>),
    },
    {
      title: t('case.catalog.keywords'),
      dataIndex: 'keywords',
      key: 'keywords',
      width: 170,
      ellipsis: true,
      render: (k: string[]) => <span className="gz-muted">{k.join('、') || '—'}</span>,
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, r: Row) =>
              r.allowedActions?.includes('edit') && (
                <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(cat.items.find((i) => i.code === r.code) ?? null)} data-testid={`catalog-edit-${r.code}`}>
                  {t('common.edit')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  if (cat.error && !cat.loaded) return <LoadError error={cat.error} onRetry={reloadCatalogue} />;

  return (
    <div className="gz-page" data-testid="catalog-page">
      <PageHeader
        title={t('menu.catalog')}
        testId="catalog-title"
        description={t('case.catalog.desc', { n: fmtNumber(leaves) })}
        extra={
          <Input.Search
            allowClear
            aria-label={t('case.catalog.search')} placeholder={t('case.catalog.search')}
            onSearch={(v) => {
              setQ(v);
              setExpanded(null);
            }}
            onChange={(e) => !e.target.value && setQ('')}
            style={{ width: 280 }}
            data-testid="catalog-search"
          />
        }
      />
      <Card className="gz-card" size="small">
        <Table<Row>
          size="middle"
          rowKey="code"
          columns={columns}
          dataSource={rows}
          loading={!cat.loaded}
          pagination={false}
          data-testid="catalog-table"
          expandable={{
            expandedRowKeys: expanded ?? (q ? rows.flatMap(function keys(r): string[] { return [r.code, ...(r.children ?? []).flatMap(keys)]; }) : ['01', 'B', 'B01']),
            onExpandedRowsChange: (k) => setExpanded(k),
          }}
          rowClassName={(r) => (r.leaf ? 'gz-cat-row-leaf' : 'gz-cat-row-branch')}
          sticky
        />
      </Card>
      <EditModal type={editing} units={units.data?.items ?? []} onClose={() => setEditing(null)} />
    </div>
  );
}

const LEVEL_COLOUR: Record<OwnerLevel, string> = { village: 'green', town: 'blue', district: 'red' };

interface EditValues {
  name: string;
  deadlines: StepDeadlines;
  handlingLevel: OwnerLevel;
  urgent: boolean;
  verifyOnSite: boolean;
  autoDispatch: boolean;
  roundTheClock: boolean;
  supervise: boolean;
  escalate: boolean;
  escalateAfterWorkingDays: number | null;
  defaultUnitCode: string | null;
  active: boolean;
  keywords: string[];
}

function EditModal({ type, units, onClose }: { type: CatalogueType | null; units: Unit[]; onClose: () => void }) {
  const t = useT();
  const labels = useCaseLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (!type) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await patch(`/api/catalog/${encodeURIComponent(type.code)}`, {
        name: v.name.trim(),
        deadlines: v.deadlines,
        handlingLevel: v.handlingLevel,
        urgent: v.urgent,
        verifyOnSite: v.verifyOnSite,
        autoDispatch: v.autoDispatch,
        roundTheClock: v.roundTheClock,
        overdueChain: { supervise: v.supervise, escalateAfterWorkingDays: v.escalate ? (v.escalateAfterWorkingDays ?? 2) : null },
        defaultUnitCode: v.defaultUnitCode ?? null,
        active: v.active,
        keywords: v.keywords.map((k) => k.trim()).filter(Boolean),
      });
      message.success(t('common.saved'));
      reloadCatalogue();
      onClose();
    } catch (e) {
      applyServerErrors(form, e, message, ['name', 'deadlines', 'handlingLevel', 'defaultUnitCode', 'keywords', 'roundTheClock', 'overdueChain']);
    } finally {
      setSaving(false);
    }
  };

  const specField = (step: (typeof DEADLINE_STEPS)[number]) => (
    <Form.Item key={step} label={t(`case.step.${step}`)} required>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name={['deadlines', step, 'amount']} noStyle rules={[{ required: true, message: t('common.required', { field: t(`case.step.${step}`) }) }]}>
          <InputNumber<number> min={0.1} max={365} step={1} style={{ width: '55%' }} data-testid={`catalog-${step}-amount`} />
        </Form.Item>
        <Form.Item name={['deadlines', step, 'unit']} noStyle>
          <Select<DeadlineSpec['unit']>
            style={{ width: '45%' }}
            options={[
              { value: 'hours', label: t('case.catalog.unitHours') },
              { value: 'workingDays', label: t('case.catalog.unitWorkingDays') },
            ]}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );

  return (
    <Modal
      title={type ? t('case.catalog.editTitle', { name: type.name, code: type.code }) : ''}
      open={type !== null}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'catalog-save' }}
      destroyOnHidden
      width={640}
    >
      {type && (
        <Form<EditValues>
          form={form}
          layout="vertical"
          data-testid="catalog-form"
          initialValues={{
            name: type.name,
            deadlines: type.deadline,
            handlingLevel: type.handlingLevel,
            urgent: type.urgent,
            verifyOnSite: type.verifyOnSite,
            autoDispatch: type.autoDispatch ?? false,
            roundTheClock: type.roundTheClock ?? false,
            supervise: type.overdueChain?.supervise ?? true,
            escalate: type.overdueChain ? type.overdueChain.escalateAfterWorkingDays !== null : true,
            escalateAfterWorkingDays: type.overdueChain?.escalateAfterWorkingDays ?? 2,
            defaultUnitCode: type.defaultUnitCode,
            active: type.active,
            keywords: type.keywords,
          }}
        >
          <Row gutter={16}>
            <Col span={14}>
              <Form.Item name="name" label={t('case.catalog.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('case.catalog.name') }) }, { max: 40 }]}>
                <Input maxLength={40} data-testid="catalog-name-input" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="handlingLevel" label={t('case.catalog.level')}>
                <Select options={(['village', 'town', 'district'] as const).map((l) => ({ value: l, label: labels.ownerLevel(l) }))} />
              </Form.Item>
            </Col>
          </Row>
          <div className="gz-section-title gz-first">{t('case.catalog.limits')}</div>
          <Row gutter={16}>
            {DEADLINE_STEPS.map((s) => (
              <Col span={12} key={s}>
                {specField(s)}
              </Col>
            ))}
          </Row>
          <Form.Item name="defaultUnitCode" label={t('case.catalog.unit')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={units.filter((u) => u.type === 'department' || u.type === 'property').map((u) => ({ value: u.code, label: u.name }))}
              aria-label={t('case.catalog.unitPlaceholder')} placeholder={t('case.catalog.unitPlaceholder')}
            />
          </Form.Item>
          <Form.Item name="keywords" label={t('case.catalog.keywords')} extra={t('case.catalog.keywordsHint')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} maxCount={30} />
          </Form.Item>
          <Space size={32}>
            <Form.Item name="urgent" label={t('case.catalog.urgent')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="verifyOnSite" label={t('case.catalog.verifyOnSite')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="autoDispatch" label={t('case.catalog.autoDispatch')} extra={t('case.catalog.autoDispatchHint')} valuePropName="checked">
              <Switch data-testid="catalog-auto-dispatch" />
            </Form.Item>
            <Form.Item name="active" label={t('case.catalog.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <div className="gz-section-title">{t('case.catalog.timing')}</div>
          <Form.Item name="roundTheClock" label={t('case.catalog.roundTheClock')} extra={t('case.catalog.roundTheClockHint')} valuePropName="checked">
            <Switch data-testid="catalog-round-the-clock" />
          </Form.Item>
          <Space size={32} align="start" wrap>
            <Form.Item name="supervise" label={t('case.catalog.supervise')} extra={t('case.catalog.superviseHint')} valuePropName="checked">
              <Switch data-testid="catalog-supervise" />
            </Form.Item>
            <Form.Item name="escalate" label={t('case.catalog.escalate')} valuePropName="checked">
              <Switch data-testid="catalog-escalate" />
            </Form.Item>
            <Form.Item noStyle dependencies={['escalate']}>
              {({ getFieldValue }) =>
                getFieldValue('escalate') ? (
                  <Form.Item name="escalateAfterWorkingDays" label={t('case.catalog.escalateAfter')} extra={t('case.catalog.escalateAfterHint')} rules={[{ required: true, message: t('common.required', { field: t('case.catalog.escalateAfter') }) }]}>
                    <InputNumber<number> min={0} max={30} precision={0} addonAfter={t('case.catalog.unitWorkingDays')} style={{ width: 180 }} data-testid="catalog-escalate-days" />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </Space>
        </Form>
      )}
    </Modal>
  );
}
