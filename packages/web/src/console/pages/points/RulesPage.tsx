// 积分规则: the rule catalogue per scheme (what earns how many points, limits, who proposes and
// approves), editable by rule editors in their area; a district rule can be overridden locally
// (村规民约、居民公约). The multiplier factors of 先锋模范积分 below, edited by the administrator.
import { useMemo, useState } from 'react';
import { Alert, App, Badge, Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, ForkOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { api, get, patch, post } from '../../../api/client.ts';
import type { PointsFactor as Factor, PointScheme, PointsRule as Rule, SchemeInfo, PointsRules, PointsSchemes, PointsFactors } from '@gongzhi/domain/contract';
import { POINT_SCHEMES } from '../../../lib/points.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';
import { useLabels } from '../../../lib/labels.ts';
import { usePointsAccess, usePointsLabels } from '../../../lib/points.ts';
import { useApi } from '../../../lib/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';
import { SchemeTag } from './common.tsx';

const AWARD_ROLES = ['community-worker', 'grid-worker', 'building-leader', 'party-secretary', 'town-dispatcher', 'district-dispatcher', 'leader', 'admin'];

export default function RulesPage() {
  const t = useT();
  const me = useMe();
  const labels = useLabels();
  const pl = usePointsLabels();
  const access = usePointsAccess();
  const editor = access.can('points.rules.edit');
  const [scheme, setScheme] = useState<PointScheme | 'all'>('all');
  const [editing, setEditing] = useState<{ rule: Rule | null; override?: Rule } | null>(null);
  const res = useApi((signal) => get<PointsRules>('/api/points/rules', { all: editor ? 'true' : undefined }, signal), [editor]);
  const schemes = useApi((signal) => get<PointsSchemes>('/api/points/schemes', undefined, signal), []);
  // In the order of the schemes (先锋模范 first), the server's order inside each.
  const rules = useMemo(() => [...(res.data?.items ?? [])].sort((a, b) => POINT_SCHEMES.indexOf(a.scheme) - POINT_SCHEMES.indexOf(b.scheme)), [res.data]);

  // Where a community rule overrides the district's (same code), the deeper one is in force.
  const overridden = useMemo(() => {
    const deepest = new Map<string, number>();
    for (const r of rules) deepest.set(r.code, Math.max(deepest.get(r.code) ?? 0, r.areaCode.length));
    return new Set(rules.filter((r) => r.areaCode.length < (deepest.get(r.code) ?? 0)).map((r) => r.id));
  }, [rules]);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of rules) m.set(r.scheme, (m.get(r.scheme) ?? 0) + 1);
    return m;
  }, [rules]);
  const shown = scheme === 'all' ? rules : rules.filter((r) => r.scheme === scheme);

  const columns: ColumnsType<Rule> = [
    {
      title: t('points.rule.name'),
      key: 'name',
      width: 290,
      render: (_, r) => (
        <div className="gz-pts-cell" data-testid="rule-name">
          <span>
            <span className={overridden.has(r.id) || !r.active ? 'gz-pts-struck' : 'gz-pts-rule-name'}>{r.name}</span>
            {!r.active && <Tag className="gz-pts-inline-tag">{t('points.rule.inactive')}</Tag>}
          </span>
          {r.basis && (
            <Tooltip title={r.basis}>
              <span className="gz-pts-sub gz-muted gz-pts-ellipsis">{r.basis}</span>
            </Tooltip>
          )}
        </div>
      ),
    },
    { title: t('points.scheme'), dataIndex: 'scheme', key: 'scheme', width: 104, render: (s: PointScheme, r) => <SchemeTag scheme={s} name={r.schemeName} short /> },
    {
      title: t('points.rule.points'),
      key: 'points',
      width: 90,
      align: 'right',
      render: (_, r) => (
        <span>
          <b className="gz-pts-num">{fmtNumber(r.points)}</b> {pl.unit(r.scheme)}
          {r.maxPoints > r.points && <div className="gz-muted gz-pts-sub">{t('points.rule.upTo', { n: fmtNumber(r.maxPoints) })}</div>}
        </span>
      ),
    },
    {
      title: t('points.rule.limits'),
      key: 'limits',
      width: 96,
      render: (_, r) =>
        r.dailyLimit || r.monthlyLimit ? (
          <div className="gz-pts-cell">
            {r.dailyLimit != null && <span>{t('points.rule.perDay', { n: fmtNumber(r.dailyLimit) })}</span>}
            {r.monthlyLimit != null && <span>{t('points.rule.perMonth', { n: fmtNumber(r.monthlyLimit) })}</span>}
          </div>
        ) : (
          <span className="gz-muted">{t('points.rule.noLimit')}</span>
        ),
    },
    {
      title: t('points.rule.area'),
      key: 'area',
      width: 130,
      render: (_, r) => (
        <div className="gz-pts-cell">
          <span>{r.areaName ?? r.areaCode}</span>
          {r.areaCode.length > 6 && <span className="gz-pts-sub gz-pts-local">{t('points.rule.local')}</span>}
          {overridden.has(r.id) && <span className="gz-pts-sub gz-muted">{t('points.rule.overridden')}</span>}
        </div>
      ),
    },
    {
      title: t('points.rule.roles'),
      key: 'roles',
      render: (_, r) =>
        r.auto ? (
          <Tooltip title={t('points.rule.autoHint')}>
            <Tag color="purple">{t('points.rule.auto')}</Tag>
          </Tooltip>
        ) : (
          <div className="gz-pts-roles">
            <div>
              <span className="gz-muted">{t('points.rule.proposers')}：</span>
              {labels.roles(r.proposerRoles) || '—'}
            </div>
            <div>
              <span className="gz-muted">{t('points.rule.approvers')}：</span>
              {labels.roles(r.approverRoles)}
            </div>
          </div>
        ),
    },
  ];
  if (editor) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, r) =>
        r.allowedActions.includes('edit') ? (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ rule: r })} data-testid="rule-edit">
            {t('common.edit')}
          </Button>
        ) : !overridden.has(r.id) && r.areaCode.length < me.scope.code.length ? (
          <Tooltip title={t('points.rule.overrideHint', { area: me.scope.name })}>
            <Button type="link" size="small" icon={<ForkOutlined />} className="gz-pts-override" onClick={() => setEditing({ rule: null, override: r })}>
              {t('points.rule.override')}
            </Button>
          </Tooltip>
        ) : null,
    });
  }

  return (
    <div className="gz-page" data-testid="points-rules-page">
      <PageHeader
        title={t('points.menu.rules')}
        description={t('points.rule.desc')}
        testId="points-rules-title"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={res.reload}>
              {t('common.refresh')}
            </Button>
            {editor && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ rule: null })} data-testid="rule-add">
                {t('points.rule.add')}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="gz-card" size="small">
        <Tabs
          activeKey={scheme}
          onChange={(k) => setScheme(k as PointScheme | 'all')}
          items={[
            { key: 'all', label: `${t('common.all')} ${rules.length || ''}` },
            ...POINT_SCHEMES.map((s) => ({ key: s, label: <span data-testid={`rules-tab-${s}`}>{`${pl.schemeShort(s)} ${counts.get(s) ?? ''}`}</span> })),
          ]}
          className="gz-pts-tabs"
        />
        {res.error ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : (
          <Table<Rule>
            size="middle"
            rowKey="id"
            columns={columns}
            dataSource={shown}
            loading={res.loading}
            scroll={{ x: 1150 }}
            tableLayout="fixed"
            pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n: fmtNumber(n) }) }}
            rowClassName={(r) => (overridden.has(r.id) || !r.active ? 'gz-pts-row-off' : '')}
            data-testid="rules-table"
          />
        )}
      </Card>
      <FactorsCard schemes={schemes.data?.items ?? []} />
      <RuleModal
        target={editing}
        scopeCode={me.scope.code}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          res.reload();
        }}
      />
    </div>
  );
}

/** 乘数计分: points = round(base × min(Π factors, 3)); the administrator sets the factors. */
function FactorsCard({ schemes }: { schemes: SchemeInfo[] }) {
  const t = useT();
  const pl = usePointsLabels();
  const res = useApi((signal) => get<PointsFactors>('/api/points/factors', undefined, signal), []);
  const [editing, setEditing] = useState<Factor | 'new' | null>(null);
  const canEdit = (res.data?.items ?? []).some((f) => f.allowedActions?.includes('edit'));
  const columns: ColumnsType<Factor> = [
    { title: t('points.factor.name'), dataIndex: 'name', key: 'name' },
    { title: t('points.factor.factor'), dataIndex: 'factor', key: 'factor', width: 100, align: 'right', render: (v: number) => <b className="gz-pts-num">×{v}</b> },
    { title: t('points.rule.state'), dataIndex: 'active', key: 'active', width: 90, render: (v: boolean) => (v ? <Badge status="success" text={t('points.rule.active')} /> : <Badge status="default" text={t('points.rule.inactive')} />) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, f) =>
        f.allowedActions?.includes('edit') ? (
          <Button type="link" size="small" onClick={() => setEditing(f)} data-testid="factor-edit">
            {t('common.edit')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card
          className="gz-card"
          size="small"
          title={t('points.factor.title')}
          extra={
            canEdit && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('points.factor.add')}
              </Button>
            )
          }
        >
          <Alert type="info" showIcon className="gz-pts-formula" title={t('points.factor.formula')} />
          {res.error ? (
            <LoadError error={res.error} onRetry={res.reload} />
          ) : (
            <Table<Factor> size="small" rowKey="code" columns={columns} dataSource={res.data?.items ?? []} loading={res.loading} pagination={false} data-testid="factors-table" />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card className="gz-card" size="small" title={t('points.stars.title')}>
          <table className="gz-pts-stars-table" data-testid="star-thresholds">
            <thead>
              <tr>
                <th>{t('points.scheme')}</th>
                {[1, 2, 3, 4, 5].map((n) => (
                  <th key={n}>{'★'.repeat(n)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {schemes.map((s) => (
                <tr key={s.code}>
                  <td>
                    <Tooltip title={s.stars.note}>
                      <span>
                        {pl.schemeShort(s.code, s.name)}
                        <span className="gz-muted gz-pts-sub">{s.stars.basis === 'year' ? t('points.stars.year') : t('points.stars.lifetime')}</span>
                      </span>
                    </Tooltip>
                  </td>
                  {s.stars.thresholds.map((v, i) => (
                    <td key={i}>{fmtNumber(v)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </Col>
      <FactorModal
        factor={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          res.reload();
        }}
      />
    </Row>
  );
}

interface FactorValues {
  code: string;
  name: string;
  percent: number;
  active: boolean;
}

function FactorModal({ factor, onClose, onSaved }: { factor: Factor | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FactorValues>();
  const [saving, setSaving] = useState(false);
  const isNew = factor === 'new';
  const submit = async () => {
    let v: FactorValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await api(`/api/points/factors/${encodeURIComponent(v.code)}`, { method: 'PUT', body: { name: v.name.trim(), percent: v.percent, active: v.active } });
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, message, ['code', 'name', 'percent', 'active']);
    } finally {
      setSaving(false);
    }
  };
  const initial: Partial<FactorValues> = factor && factor !== 'new' ? { code: factor.code, name: factor.name, percent: factor.percent, active: factor.active } : { percent: 150, active: true };
  return (
    <Modal title={isNew ? t('points.factor.add') : t('points.factor.edit')} open={factor !== null} onOk={submit} onCancel={onClose} confirmLoading={saving} okText={t('common.save')} destroyOnHidden width={460}>
      <Form<FactorValues> form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Form.Item name="code" label={t('points.factor.code')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,31}$/, message: t('points.rule.codeHint') }]}>
          <Input disabled={!isNew} className="gz-mono" />
        </Form.Item>
        <Form.Item name="name" label={t('points.factor.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('points.factor.name') }) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="percent" label={t('points.factor.percent')} extra={t('points.factor.percentHint')} rules={[{ required: true, message: t('common.required', { field: t('points.factor.percent') }) }]}>
          <InputNumber min={100} max={500} step={10} suffix="%" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="active" label={t('points.rule.state')} valuePropName="checked">
          <Switch checkedChildren={t('points.rule.active')} unCheckedChildren={t('points.rule.inactive')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface RuleValues {
  code: string;
  name: string;
  scheme: PointScheme;
  points: number;
  maxPoints?: number | null;
  dailyLimit?: number | null;
  monthlyLimit?: number | null;
  proposerRoles: string[];
  approverRoles: string[];
  auto: boolean;
  basis?: string | null;
  active: boolean;
}

function RuleModal({ target, scopeCode, onClose, onSaved }: { target: { rule: Rule | null; override?: Rule } | null; scopeCode: string; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const labels = useLabels();
  const pl = usePointsLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const [saving, setSaving] = useState(false);
  const rule = target?.rule ?? null;
  const base = rule ?? target?.override ?? null;
  const isNew = !rule;

  const submit = async () => {
    let v: RuleValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body = {
      name: v.name.trim(),
      points: v.points,
      maxPoints: v.maxPoints ?? undefined,
      dailyLimit: v.dailyLimit ?? null,
      monthlyLimit: v.monthlyLimit ?? null,
      proposerRoles: v.auto ? [] : v.proposerRoles,
      approverRoles: v.approverRoles,
      auto: v.auto,
      basis: v.basis?.trim() || null,
      active: v.active,
    };
    setSaving(true);
    try {
      if (rule) {
        await patch(`/api/points/rules/${rule.id}`, body);
        message.success(t('common.saved'));
      } else {
        await post('/api/points/rules', { ...body, code: v.code.trim(), scheme: v.scheme, areaCode: scopeCode });
        message.success(t('points.rule.created'));
      }
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, message, ['code', 'name', 'scheme', 'points', 'maxPoints', 'dailyLimit', 'monthlyLimit', 'proposerRoles', 'approverRoles', 'basis']);
    } finally {
      setSaving(false);
    }
  };

  const initial: Partial<RuleValues> = base
    ? {
        code: base.code,
        name: base.name,
        scheme: base.scheme,
        points: base.points,
        maxPoints: base.maxPoints,
        dailyLimit: base.dailyLimit,
        monthlyLimit: base.monthlyLimit,
        proposerRoles: base.proposerRoles,
        approverRoles: base.approverRoles,
        auto: base.auto,
        basis: base.basis,
        active: base.active,
      }
    : { scheme: 'neighbourhood', points: 2, proposerRoles: ['community-worker', 'grid-worker', 'party-secretary'], approverRoles: ['party-secretary', 'community-worker'], auto: false, active: true };
  const roleOptions = AWARD_ROLES.map((r) => ({ value: r, label: labels.role(r) }));
  const title = rule ? t('points.rule.edit') : target?.override ? t('points.rule.overrideTitle', { name: target.override.name }) : t('points.rule.add');

  return (
    <Modal title={title} open={target !== null} onOk={submit} onCancel={onClose} confirmLoading={saving} okText={t('common.save')} destroyOnHidden width={680}>
      {target?.override && <Alert type="info" showIcon className="gz-pts-modal-alert" title={t('points.rule.overrideExplain')} />}
      <Form<RuleValues> form={form} layout="vertical" initialValues={initial} preserve={false} data-testid="rule-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="scheme" label={t('points.scheme')} rules={[{ required: true }]}>
              <Select disabled={!isNew || !!target?.override} options={POINT_SCHEMES.map((s) => ({ value: s, label: pl.scheme(s) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="code" label={t('points.rule.code')} extra={isNew ? t('points.rule.codeHint') : undefined} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,39}$/, message: t('points.rule.codeHint') }]}>
              <Input disabled={!isNew || !!target?.override} className="gz-mono" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="name" label={t('points.rule.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('points.rule.name') }) }, { max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="points" label={t('points.rule.stdPoints')} rules={[{ required: true, message: t('common.required', { field: t('points.rule.stdPoints') }) }]}>
              <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="maxPoints" label={t('points.rule.maxPoints')}>
              <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="dailyLimit" label={t('points.rule.dailyLimit')}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} placeholder={t('points.rule.noLimit')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="monthlyLimit" label={t('points.rule.monthlyLimit')}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} placeholder={t('points.rule.noLimit')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="auto" valuePropName="checked">
          <Checkbox>{t('points.rule.autoCheck')}</Checkbox>
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.auto !== b.auto}>
          {({ getFieldValue }) =>
            !getFieldValue('auto') && (
              <Form.Item name="proposerRoles" label={t('points.rule.proposers')} rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: t('points.rule.proposers') }) }]}>
                <Select mode="multiple" options={roleOptions} />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="approverRoles" label={t('points.rule.approvers')} extra={t('points.rule.fourEyes')} rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: t('points.rule.approvers') }) }]}>
          <Select mode="multiple" options={roleOptions} />
        </Form.Item>
        <Form.Item name="basis" label={t('points.rule.basis')}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 3 }} placeholder={t('points.rule.basisHint')} />
        </Form.Item>
        <Form.Item name="active" label={t('points.rule.state')} valuePropName="checked">
          <Switch checkedChildren={t('points.rule.active')} unCheckedChildren={t('points.rule.inactive')} />
        </Form.Item>
        {!isNew && <Typography.Text type="secondary">{t('points.rule.editHint')}</Typography.Text>}
      </Form>
    </Modal>
  );
}
