// 积分审批: awards to approve (四眼原则: proposed by one, approved by a second person), my
// proposals and everything in scope; proposing an award; approve / reject / reverse as the
// server's allowedActions say, every refusal shown with the server's own message.
import { useState, type ReactNode } from 'react';
import { Alert, App, Badge, Button, Card, Checkbox, Descriptions, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Timeline, Tooltip } from 'antd';
import { CheckOutlined, CloseOutlined, PlusOutlined, ReloadOutlined, RollbackOutlined, TeamOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { api, get, post } from '../../../api/client.ts';
import type { PointsAward as Award, AwardState, PointScheme, PointsAwardList, PointsRules, PointsFactors } from '@gongzhi/domain/contract';
import { POINT_SCHEMES } from '../../../lib/points.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { newIdempotencyKey, usePointsAccess, usePointsLabels } from '../../../lib/points.ts';
import { useApi } from '../../../lib/useApi.ts';
import { useLabels } from '../../../lib/labels.ts';
import { AreaName } from '../../components/AreaName.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';
import { SchemeTag } from './common.tsx';

type Box = 'approve' | 'proposed' | 'all';

const STATE_BADGE: Record<AwardState, 'processing' | 'success' | 'error' | 'warning'> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  reversed: 'warning',
};

export default function AwardsPage() {
  const t = useT();
  const pl = usePointsLabels();
  const me = useMe();
  const { message } = App.useApp();
  const access = usePointsAccess();
  const boxes: Box[] = [
    ...(access.can('points.awards.approve') ? (['approve'] as const) : []),
    ...(access.can('points.awards.propose') ? (['proposed'] as const) : []),
    ...(access.can('points.accounts.read') ? (['all'] as const) : []),
  ];
  const [box, setBox] = useState<Box>(boxes[0] ?? 'all');
  const [state, setState] = useState<string | undefined>();
  const [scheme, setScheme] = useState<PointScheme | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [proposing, setProposing] = useState(false);
  const [acting, setActing] = useState<{ award: Award; action: 'reject' | 'reverse' } | null>(null);
  const [detail, setDetail] = useState<Award | null>(null);
  const res = useApi((signal) => get<PointsAwardList>('/api/points/awards', { box, state, scheme, page, pageSize }, signal), [box, state, scheme, page, pageSize]);
  const pendingCount = useApi(
    access.can('points.awards.approve') ? (signal) => get<PointsAwardList>('/api/points/awards', { box: 'approve', pageSize: 1 }, signal) : null,
    [access.can('points.awards.approve'), res.data],
  );

  const approve = async (a: Award) => {
    try {
      const done = await post<Award>(`/api/points/awards/${a.id}/approve`);
      message.success(t('points.award.approved', { name: done.recipient.name, n: fmtNumber(done.points) }));
      res.reload();
      setDetail((d) => (d?.id === a.id ? done : d));
    } catch (e) {
      // e.g. 403 self_approval: the server says why, in its own words.
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const actions = (a: Award) => (
    <Space size={0} wrap={false}>
      {a.allowedActions.includes('approve') && (
        <Popconfirm
          title={t('points.award.approveConfirm', { name: a.recipient.name, n: fmtNumber(a.points) })}
          onConfirm={() => approve(a)}
          okText={t('points.award.approve')}
          cancelText={t('common.cancel')}
          okButtonProps={{ 'data-testid': 'award-approve-ok' }}
        >
          <Button type="link" size="small" icon={<CheckOutlined />} data-testid="award-approve">
            {t('points.award.approve')}
          </Button>
        </Popconfirm>
      )}
      {a.allowedActions.includes('reject') && (
        <Button type="link" size="small" danger icon={<CloseOutlined />} onClick={() => setActing({ award: a, action: 'reject' })} data-testid="award-reject">
          {a.proposedBy?.id === me.id ? t('points.award.withdraw') : t('points.award.reject')}
        </Button>
      )}
      {a.allowedActions.includes('reverse') && (
        <Button type="link" size="small" danger icon={<RollbackOutlined />} onClick={() => setActing({ award: a, action: 'reverse' })} data-testid="award-reverse">
          {t('points.award.reverse')}
        </Button>
      )}
    </Space>
  );

  const columns: ColumnsType<Award> = [
    {
      title: t('points.award.proposedAt'),
      key: 'createdAt',
      width: 170,
      render: (_, a) => (
        <div className="gz-pts-cell">
          <span className="gz-mono-soft gz-nowrap">{fmtTime(a.createdAt)}</span>
          <span className="gz-pts-sub gz-muted gz-pts-ellipsis" title={a.proposedBy?.name}>
            {a.automatic ? t('points.award.automatic') : (a.proposedBy?.name ?? '—')}
          </span>
        </div>
      ),
    },
    {
      title: t('points.award.recipient'),
      key: 'recipient',
      width: 150,
      render: (_, a) => (
        <div className="gz-pts-cell">
          <a onClick={() => setDetail(a)} data-testid="award-recipient">
            {a.recipient.name}
          </a>
          <span className="gz-pts-sub gz-muted">
            <AreaName code={a.areaCode.slice(0, 15)} />
          </span>
        </div>
      ),
    },
    { title: t('points.scheme'), dataIndex: 'scheme', key: 'scheme', width: 104, render: (s: PointScheme, a) => <SchemeTag scheme={s} name={a.schemeName} short /> },
    {
      title: t('points.award.rule'),
      key: 'rule',
      render: (_, a) => (
        <div className="gz-pts-cell">
          <span>{a.ruleName}</span>
          {a.note && <span className="gz-pts-sub gz-muted">{a.note}</span>}
        </div>
      ),
    },
    {
      title: t('points.award.points'),
      key: 'points',
      width: 80,
      align: 'right',
      render: (_, a) => (
        <Tooltip title={a.multiplier !== 1 ? t('points.award.multiplied', { base: a.basePoints, m: a.multiplier }) : undefined}>
          <span className="gz-pts-plus gz-pts-num" data-testid="award-points">
            +{fmtNumber(a.points)}
          </span>
          {a.multiplier !== 1 && <div className="gz-pts-sub gz-muted">{`${a.basePoints} × ${a.multiplier}`}</div>}
        </Tooltip>
      ),
    },
    {
      title: t('points.award.state'),
      key: 'state',
      width: 190,
      render: (_, a) => (
        <div className="gz-pts-cell" data-testid="award-state" data-state={a.state}>
          <Badge status={STATE_BADGE[a.state]} text={pl.awardState(a.state, a.stateLabel)} />
          {a.state === 'pending' && a.proposedBy?.id === me.id && !a.allowedActions.includes('approve') && (
            <Tooltip title={t('points.award.fourEyes')}>
              <span className="gz-pts-sub gz-muted" data-testid="award-four-eyes">
                <TeamOutlined /> {t('points.award.awaitingOther')}
              </span>
            </Tooltip>
          )}
          {a.decidedBy && a.state !== 'pending' && (
            <Tooltip title={`${a.decidedBy.name} · ${fmtTime(a.decidedAt)}`}>
              <span className="gz-pts-sub gz-muted gz-pts-ellipsis">{a.decidedBy.name}</span>
            </Tooltip>
          )}
        </div>
      ),
    },
    { title: t('common.actions'), key: 'actions', width: 170, fixed: 'right', render: (_, a) => actions(a) },
  ];

  const boxLabel = (b: Box) =>
    b === 'approve' ? (
      <span data-testid="awards-tab-approve">
        {t('points.award.box.approve')} <Badge count={pendingCount.data?.total ?? 0} size="small" offset={[2, -2]} />
      </span>
    ) : (
      <span data-testid={`awards-tab-${b}`}>{t(`points.award.box.${b}`)}</span>
    );

  return (
    <div className="gz-page" data-testid="points-awards-page">
      <PageHeader
        title={t('points.menu.awards')}
        description={t('points.award.desc')}
        testId="points-awards-title"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={res.reload}>
              {t('common.refresh')}
            </Button>
            {access.can('points.awards.propose') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)} data-testid="award-propose">
                {t('points.award.propose')}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="gz-card" size="small">
        <div className="gz-pts-tabbar">
          <Tabs
            activeKey={box}
            onChange={(k) => {
              setBox(k as Box);
              setPage(1);
            }}
            items={boxes.map((b) => ({ key: b, label: boxLabel(b) }))}
            className="gz-pts-tabs"
          />
          <Space>
            <Select
              allowClear
              aria-label={t('points.scheme')} placeholder={t('points.scheme')}
              style={{ width: 160 }}
              value={scheme}
              onChange={(v) => {
                setScheme(v);
                setPage(1);
              }}
              options={POINT_SCHEMES.map((s) => ({ value: s, label: pl.scheme(s) }))}
            />
            <Select
              allowClear
              aria-label={box === 'approve' ? pl.awardState('pending') : t('points.award.state')} placeholder={box === 'approve' ? pl.awardState('pending') : t('points.award.state')}
              style={{ width: 120 }}
              value={state}
              onChange={(v) => {
                setState(v);
                setPage(1);
              }}
              options={(['pending', 'approved', 'rejected', 'reversed'] as const).map((s) => ({ value: s, label: pl.awardState(s) }))}
              data-testid="awards-state-filter"
            />
          </Space>
        </div>
        {res.error ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : (
          <Table<Award>
            size="middle"
            rowKey="id"
            columns={columns}
            dataSource={res.data?.items ?? []}
            loading={res.loading}
            scroll={{ x: 1150 }}
            data-testid="awards-table"
            onRow={() => ({ 'data-testid': 'award-row' }) as object}
            locale={{ emptyText: box === 'approve' ? t('points.award.nothingToApprove') : undefined }}
            pagination={{
              current: page,
              pageSize,
              total: res.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => t('common.total', { n: fmtNumber(n) }),
              onChange: (p, s) => {
                setPage(s === pageSize ? p : 1);
                setPageSize(s);
              },
            }}
          />
        )}
      </Card>
      <ProposeModal
        open={proposing}
        onClose={() => setProposing(false)}
        onDone={(a) => {
          setProposing(false);
          message.success(t('points.award.proposed', { name: a.recipient.name, n: fmtNumber(a.points) }));
          if (access.can('points.awards.propose')) setBox('proposed');
          res.reload();
        }}
      />
      <ReasonModal
        target={acting}
        onClose={() => setActing(null)}
        onDone={(a) => {
          setActing(null);
          setDetail((d) => (d?.id === a.id ? a : d));
          res.reload();
        }}
      />
      <AwardDrawer award={detail} onClose={() => setDetail(null)} actions={detail ? actions(detail) : null} />
    </div>
  );
}

function AwardDrawer({ award: a, onClose, actions }: { award: Award | null; onClose: () => void; actions: ReactNode }) {
  const t = useT();
  const pl = usePointsLabels();
  return (
    <Drawer open={a !== null} onClose={onClose} size={560} title={t('points.award.detail')} extra={actions} destroyOnHidden>
      {a && (
        <div data-testid="award-detail">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('points.award.recipient')}>{a.recipient.name}</Descriptions.Item>
            <Descriptions.Item label={t('points.scheme')}>
              <SchemeTag scheme={a.scheme} name={a.schemeName} />
              {a.holder === 'household' && <Tag>{t('points.award.household')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('points.award.rule')}>
              {a.ruleName} <span className="gz-mono-soft gz-muted">{a.ruleCode}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('points.award.points')}>
              <b className="gz-pts-plus">+{fmtNumber(a.points)}</b> {pl.unit(a.scheme)}
              {a.multiplier !== 1 && (
                <span className="gz-muted">
                  {' '}
                  （{t('points.award.multiplied', { base: a.basePoints, m: a.multiplier })}
                  {a.factors.length > 0 && `：${a.factors.map((f) => `${f.name} ×${f.factor ?? '?'}`).join('、')}`}）
                </span>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('points.award.note')}>{a.note ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('points.award.state')}>
              <Badge status={STATE_BADGE[a.state]} text={pl.awardState(a.state, a.stateLabel)} />
            </Descriptions.Item>
          </Descriptions>
          <div className="gz-section-title">{t('points.award.history')}</div>
          <Timeline
            items={[
              { color: 'blue', content: <TimelineText at={a.createdAt} who={a.automatic ? t('points.system') : (a.proposedBy?.name ?? '—')} what={a.automatic ? t('points.award.automatic') : t('points.award.step.proposed')} /> },
              ...(a.decidedAt
                ? [
                    {
                      color: a.state === 'rejected' ? 'red' : 'green',
                      content: (
                        <TimelineText
                          at={a.decidedAt}
                          who={a.decidedBy?.name ?? t('points.system')}
                          what={a.state === 'rejected' ? t('points.award.step.rejected') : t('points.award.step.approved')}
                          note={a.decisionNote}
                        />
                      ),
                    },
                  ]
                : []),
              ...(a.reversedAt ? [{ color: 'orange', content: <TimelineText at={a.reversedAt} who={a.reversedBy?.name ?? '—'} what={t('points.award.step.reversed')} note={a.reverseReason} /> }] : []),
              ...(a.state === 'pending' ? [{ color: 'gray', content: <span className="gz-muted">{t('points.award.step.waiting')}</span> }] : []),
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}

function TimelineText({ at, who, what, note }: { at: string | null; who: string; what: string; note?: string | null }) {
  return (
    <div className="gz-pts-tl">
      <div>
        <b>{what}</b> · {who}
      </div>
      <div className="gz-muted gz-mono-soft">{fmtTime(at)}</div>
      {note && <div className="gz-pts-tl-note">{note}</div>}
    </div>
  );
}

function ReasonModal({ target, onClose, onDone }: { target: { award: Award; action: 'reject' | 'reverse' } | null; onClose: () => void; onDone: (a: Award) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const a = target?.award;
  const submit = async () => {
    if (!target) return;
    let v: { reason: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const done = await post<Award>(`/api/points/awards/${target.award.id}/${target.action}`, { reason: v.reason.trim() });
      message.success(target.action === 'reject' ? t('points.award.rejected') : t('points.award.reversed'));
      onDone(done);
    } catch (e) {
      applyServerErrors(form, e, message, ['reason']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={target?.action === 'reverse' ? t('points.award.reverseTitle') : t('points.award.rejectTitle')}
      open={target !== null}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={target?.action === 'reverse' ? t('points.award.reverse') : t('points.award.reject')}
      okButtonProps={{ danger: true, 'data-testid': 'award-reason-ok' }}
      destroyOnHidden
      width={480}
    >
      {a && (
        <p className="gz-muted">
          {a.recipient.name} · {a.ruleName} · +{fmtNumber(a.points)}
        </p>
      )}
      {target?.action === 'reverse' && <Alert type="warning" showIcon className="gz-pts-modal-alert" title={t('points.award.reverseExplain')} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('points.award.reason')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('points.award.reason') }) }]}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 6 }} data-testid="award-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ProposeValues {
  username: string;
  scheme: PointScheme;
  ruleCode: string;
  points?: number;
  factors?: string[];
  note: string;
}

function ProposeModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (a: Award) => void }) {
  const t = useT();
  const labels = useLabels();
  const pl = usePointsLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProposeValues>();
  const [saving, setSaving] = useState(false);
  const [key, setKey] = useState('');
  const rules = useApi(open ? (signal) => get<PointsRules>('/api/points/rules', undefined, signal) : null, [open]);
  const factors = useApi(open ? (signal) => get<PointsFactors>('/api/points/factors', undefined, signal) : null, [open]);
  const scheme = Form.useWatch('scheme', form);
  const ruleCode = Form.useWatch('ruleCode', form);
  const proposable = (rules.data?.items ?? []).filter((r) => r.allowedActions.includes('propose'));
  const schemes = POINT_SCHEMES.filter((s) => proposable.some((r) => r.scheme === s));
  const rule = proposable.find((r) => r.code === ruleCode && r.scheme === scheme);
  const [opened, setOpened] = useState(false);
  if (open !== opened) {
    setOpened(open);
    // One key per opening of the form: a double click or a retried request proposes once.
    if (open) setKey(newIdempotencyKey());
  }

  const submit = async () => {
    let v: ProposeValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const body = { username: v.username.trim(), scheme: v.scheme, ruleCode: v.ruleCode, points: v.points ?? undefined, factors: v.factors?.length ? v.factors : undefined, note: v.note.trim() };
      const a = await api<Award>('/api/points/awards', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
      onDone(a);
    } catch (e) {
      setKey(newIdempotencyKey());
      applyServerErrors(form, e, message, ['username', 'scheme', 'ruleCode', 'points', 'factors', 'note']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('points.award.propose')}
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('points.award.submit')}
      okButtonProps={{ 'data-testid': 'propose-submit' }}
      destroyOnHidden
      width={600}
    >
      <Alert type="info" showIcon className="gz-pts-modal-alert" title={t('points.award.fourEyes')} />
      <Form<ProposeValues> form={form} layout="vertical" preserve={false} data-testid="propose-form" initialValues={{ scheme: 'neighbourhood' }}>
        <Form.Item
          name="username"
          label={t('points.award.username')}
          extra={t('points.award.usernameHint')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('points.award.username') }) }]}
        >
          <Input className="gz-mono" autoComplete="off" placeholder="resident" data-testid="propose-username" />
        </Form.Item>
        <Form.Item name="scheme" label={t('points.scheme')} rules={[{ required: true }]}>
          <Select
            options={schemes.map((s) => ({ value: s, label: pl.scheme(s) }))}
            onChange={() => form.setFieldsValue({ ruleCode: undefined, points: undefined, factors: [] })}
            data-testid="propose-scheme"
          />
        </Form.Item>
        <Form.Item name="ruleCode" label={t('points.award.rule')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('points.award.rule') }) }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={rules.loading}
            aria-label={t('points.award.rulePlaceholder')} placeholder={t('points.award.rulePlaceholder')}
            options={proposable
              .filter((r) => r.scheme === scheme)
              .map((r) => ({ value: r.code, label: `${r.name}（${r.points}${r.maxPoints > r.points ? `–${r.maxPoints}` : ''} ${pl.unit(r.scheme)}）` }))}
            onChange={(code: string) => {
              const r = proposable.find((x) => x.code === code && x.scheme === scheme);
              form.setFieldsValue({ points: r?.points });
            }}
            data-testid="propose-rule"
          />
        </Form.Item>
        {rule && (
          <div className="gz-pts-rule-info" data-testid="propose-rule-info">
            <span>{t('points.rule.stdPoints')} {rule.points}</span>
            {rule.maxPoints > rule.points && <span>{t('points.rule.upTo', { n: rule.maxPoints })}</span>}
            {rule.dailyLimit != null && <span>{t('points.rule.perDay', { n: rule.dailyLimit })}</span>}
            {rule.monthlyLimit != null && <span>{t('points.rule.perMonth', { n: rule.monthlyLimit })}</span>}
            <span>
              {t('points.rule.approvers')}：{labels.roles(rule.approverRoles)}
            </span>
          </div>
        )}
        <Form.Item name="points" label={t('points.award.basePoints')} extra={rule && rule.maxPoints > rule.points ? t('points.award.pointsHint', { max: rule.maxPoints }) : undefined}>
          <InputNumber min={1} max={rule?.maxPoints ?? 10000} precision={0} disabled={!rule || rule.maxPoints === rule.points} style={{ width: 160 }} data-testid="propose-points" />
        </Form.Item>
        {scheme === 'vanguard' && (
          <Form.Item name="factors" label={t('points.award.factors')} extra={t('points.factor.formula')}>
            <Checkbox.Group options={(factors.data?.items ?? []).filter((f) => f.active).map((f) => ({ value: f.code, label: `${f.name} ×${f.factor}` }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('points.award.note')} rules={[{ required: true, whitespace: true, message: t('points.award.noteRequired') }]}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('points.award.notePlaceholder')} data-testid="propose-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
