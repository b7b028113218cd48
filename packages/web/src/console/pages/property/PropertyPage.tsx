// 红心物业: the companies' monthly credit with its breakdown, the yearly grading (proposed from the scores, confirmed
// by the housing department with a reason when it differs) and the compounds with their cover, committee and
// four-party meeting cadence.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Bills } from './Bills.tsx';
import { CompoundDrawer } from './CompoundDrawer.tsx';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import {
  confirmGrading,
  getCompany,
  listCompanies,
  listCompounds,
  listGradings,
  PROPERTY_GRADES,
  proposeGradings,
  recordSanction,
  type CompanySummary,
  type CompoundView,
  type GradeView,
  type GradingRow,
  type ScoreLine,
} from '../../../api/property.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtDate, fmtNumber } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

function GradeTag({ grade, testId }: { grade: string | null | undefined; testId?: string }) {
  if (!grade) return <span>—</span>;
  // D in black, as the black list; a hex colour makes antd write the grade in white on it.
  const color = grade === '3A' ? 'red' : grade === 'D' ? '#262626' : grade.includes('A') ? 'volcano' : 'blue';
  return (
    <Tag color={color} data-testid={testId}>
      {grade}
    </Tag>
  );
}

function ListTag({ g }: { g: GradeView | null }) {
  const t = useT();
  if (!g?.list) return null;
  return g.list === 'red' ? <Tag color="red">{t('prop.red')}</Tag> : <Tag style={{ background: '#262626', color: '#fff' }} data-testid="prop-black-tag">{t('prop.black')}</Tag>;
}

export default function PropertyPage() {
  const t = useT();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? (can('property.grade') ? 'gradings' : 'companies');
  const [open, setOpen] = useState<string | null>(null);
  const tabs = [
    { key: 'companies', label: t('prop.tab.companies'), children: <Companies onOpen={setOpen} /> },
    { key: 'gradings', label: t('prop.tab.gradings'), children: <Gradings onOpen={setOpen} /> },
    ...(can('property.compounds') ? [{ key: 'compounds', label: t('prop.tab.compounds'), children: <Compounds /> }] : []),
    ...(can('property.bills') || can('property.bills.read') ? [{ key: 'bills', label: t('prop.tab.bills'), children: <Bills /> }] : []),
  ];
  return (
    <div className="gz-page" data-testid="property-page">
      <PageHeader title={t('prop.title')} description={t('prop.desc')} testId="property-title" />
      <Card className="gz-card" size="small">
        <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k })} items={tabs} destroyOnHidden />
      </Card>
      {open && <CompanyDrawer id={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

function Companies({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const list = useApi((signal) => listCompanies(signal), []);
  const columns: ColumnsType<CompanySummary> = [
    { title: t('prop.col.company'), dataIndex: 'name', ellipsis: true, render: (v: string, c) => <a onClick={() => onOpen(c.id)} data-testid="prop-company-name">{v}</a> },
    { title: t('prop.col.area'), dataIndex: 'areaName', width: 140, ellipsis: true },
    { title: t('prop.col.households'), dataIndex: 'households', width: 100, align: 'right', render: (n: number) => fmtNumber(n) },
    { title: t('prop.col.cases'), dataIndex: 'cases', width: 100, align: 'right', render: (n: number) => fmtNumber(n) },
    { title: t('prop.col.score'), dataIndex: 'score', width: 120, align: 'right', render: (s: number | null) => (s === null ? t('prop.noScore') : s.toFixed(2)) },
    { title: t('prop.col.grade'), key: 'grade', width: 150, render: (_, c) => (c.grade ? <Space size={4}><GradeTag grade={c.grade.grade} /><ListTag g={c.grade} /></Space> : '—') },
  ];
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return <Table<CompanySummary> rowKey="id" size="small" loading={!list.data} dataSource={list.data?.items ?? []} columns={columns} pagination={false} scroll={{ x: 760 }} data-testid="prop-companies" />;
}

function Gradings({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const list = useApi((signal) => listGradings(year, signal), [year]);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<GradingRow | null>(null);
  const years = Array.from({ length: 4 }, (_, i) => new Date().getFullYear() - i);
  const canGrade = !!list.data?.canGrade;
  const columns: ColumnsType<GradingRow> = [
    { title: t('prop.col.company'), dataIndex: 'companyName', ellipsis: true, render: (v: string, g) => <a onClick={() => onOpen(g.companyId)}>{v}</a> },
    { title: t('prop.col.yearScore'), key: 'score', width: 110, align: 'right', render: (_, g) => { const s = g.score ?? g.currentScore; return s === null ? t('prop.noScore') : s.toFixed(2); } },
    { title: t('prop.col.proposed'), dataIndex: 'proposedGrade', width: 100, render: (v: string | null) => <GradeTag grade={v} testId="prop-proposed" /> },
    { title: t('prop.col.confirmed'), dataIndex: 'grade', width: 100, render: (v: string | null) => <GradeTag grade={v} testId="prop-confirmed" /> },
    { title: t('prop.col.reason'), dataIndex: 'reason', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('prop.col.state'), dataIndex: 'state', width: 100, render: (s: string) => <span data-testid="prop-grading-state">{t(`prop.state.${s as 'none'}`)}</span> },
    ...(canGrade
      ? [
          {
            title: '',
            key: 'act',
            width: 90,
            render: (_: unknown, g: GradingRow) =>
              g.state === 'proposed' && (
                <Button size="small" type="link" onClick={() => setConfirming(g)} data-testid="prop-confirm">
                  {t('prop.confirm')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  const propose = async () => {
    setBusy(true);
    try {
      const r = await proposeGradings(year);
      message.success(t('prop.proposed', { n: r.items.length }));
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label={t('prop.year')} value={year} onChange={setYear} style={{ width: 120 }} options={years.map((y) => ({ value: y, label: String(y) }))} data-testid="prop-year" />
        {canGrade && (
          <Button type="primary" loading={busy} onClick={propose} data-testid="prop-propose">
            {t('prop.propose')}
          </Button>
        )}
      </Space>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<GradingRow> rowKey="companyId" size="small" loading={!list.data} dataSource={list.data?.items ?? []} columns={columns} pagination={false} scroll={{ x: 820 }} data-testid="prop-gradings" />
      )}
      {confirming && <ConfirmModal grading={confirming} onClose={() => setConfirming(null)} onDone={() => { setConfirming(null); list.reload(); }} />}
    </>
  );
}

function ConfirmModal({ grading, onClose, onDone }: { grading: GradingRow; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ grade: string; reason?: string }>();
  const [busy, setBusy] = useState(false);
  const grade = Form.useWatch('grade', form);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await confirmGrading(grading.id!, v.grade, v.reason?.trim() || undefined);
      message.success(t('prop.confirm.ok'));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('prop.confirm.title', { name: grading.companyName ?? '' })} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ id: 'prop-confirm-ok' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ grade: grading.proposedGrade }}>
        <Form.Item name="grade" label={t('prop.confirm.grade')} rules={[{ required: true }]}>
          <Select options={PROPERTY_GRADES.map((g) => ({ value: g, label: g }))} data-testid="prop-confirm-grade" />
        </Form.Item>
        <Form.Item name="reason" label={t('prop.confirm.reason')} rules={[{ required: grade !== grading.proposedGrade, whitespace: true, message: t('prop.confirm.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={300} data-testid="prop-confirm-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function basisText(t: ReturnType<typeof useT>, l: ScoreLine) {
  const vars = Object.fromEntries(Object.entries(l.basis).map(([k, v]) => [k, fmtNumber(v)]));
  return t(`prop.basis.${l.component}`, vars);
}

function SanctionModal({ companyId, onClose, onDone }: { companyId: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'penalty' | 'commendation'; points: number; month: Dayjs; reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await recordSanction({ companyId, kind: v.kind, points: v.points, month: v.month.format('YYYY-MM'), reason: v.reason.trim() });
      message.success(t('prop.cd.saved'));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('prop.sanction.title')} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ id: 'prop-sanction-ok' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'penalty', points: 5, month: dayjs().startOf('month') }} data-testid="prop-sanction-form">
        <Form.Item name="kind" label={t('prop.sanction.kind')} rules={[{ required: true }]}>
          <Select options={(['penalty', 'commendation'] as const).map((k) => ({ value: k, label: t(`prop.sanction.${k}`) }))} data-testid="prop-sanction-kind" />
        </Form.Item>
        <Space>
          <Form.Item name="points" label={t('prop.sanction.points')} rules={[{ required: true, message: t('prop.cd.required') }]}>
            <InputNumber min={1} max={20} precision={0} data-testid="prop-sanction-points" />
          </Form.Item>
          <Form.Item name="month" label={t('prop.cd.month')} rules={[{ required: true, message: t('prop.cd.required') }]}>
            <DatePicker picker="month" allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label={t('prop.sanction.reason')} rules={[{ required: true, whitespace: true, message: t('prop.cd.required') }]}>
          <Input.TextArea rows={3} maxLength={300} data-testid="prop-sanction-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CompanyDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const { can } = useAuth();
  const [sanctioning, setSanctioning] = useState(false);
  const c = useApi((signal) => getCompany(id, signal), [id]);
  const d = c.data;
  const columns: ColumnsType<ScoreLine> = [
    { title: t('prop.detail.component'), dataIndex: 'label' },
    { title: t('prop.detail.weight'), dataIndex: 'weight', width: 70, align: 'right' },
    { title: t('prop.detail.ratio'), dataIndex: 'ratio', width: 90, align: 'right', render: (r: number | null) => (r === null ? t('prop.noScore') : `${(r * 100).toFixed(1)}%`) },
    { title: t('prop.detail.points'), dataIndex: 'points', width: 80, align: 'right', render: (p: number) => p.toFixed(2) },
    { title: t('prop.detail.basis'), key: 'basis', render: (_, l) => basisText(t, l) },
  ];
  return (
    <Drawer
      open
      width={720}
      title={d?.name ?? t('prop.detail.title')}
      onClose={onClose}
      data-testid="prop-company-drawer"
      extra={
        can('property.grade') && (
          <Button onClick={() => setSanctioning(true)} data-testid="prop-sanction">
            {t('prop.sanction.record')}
          </Button>
        )
      }
    >
      {sanctioning && (
        <SanctionModal
          companyId={id}
          onClose={() => setSanctioning(false)}
          onDone={() => {
            setSanctioning(false);
            c.reload();
          }}
        />
      )}
      {c.error ? (
        <LoadError error={c.error} onRetry={c.reload} />
      ) : !d ? null : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space align="baseline" wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="prop-drawer-score">
              {t('prop.detail.month', { month: d.month })}：{d.score === null ? t('prop.noScore') : d.score.toFixed(2)}
            </Typography.Title>
            {d.grade && <GradeTag grade={d.grade.grade} />}
            <ListTag g={d.grade} />
          </Space>
          {d.base !== null && <Typography.Text type="secondary">{t('prop.detail.base', { base: d.base.toFixed(2), adj: d.adjustment >= 0 ? `+${d.adjustment}` : String(d.adjustment) })}</Typography.Text>}
          <Table<ScoreLine> rowKey="component" size="small" pagination={false} dataSource={d.breakdown} columns={columns} data-testid="prop-breakdown" />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('prop.detail.history')}>
              <Space wrap size={[8, 4]}>
                {d.history.map((h) => (
                  <span key={h.month}>
                    {h.month.slice(2)}：{h.score === null ? '—' : h.score.toFixed(1)}
                  </span>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('prop.detail.contracts')}>
              {d.contracts.length
                ? d.contracts.map((k) => <div key={k.id}>{t('prop.contract.line', { place: k.placeName, households: fmtNumber(k.households), fee: k.feePerM2.toFixed(2), from: k.startsOn, to: k.endsOn })}</div>)
                : t('prop.detail.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('prop.detail.inspections')}>
              {d.inspections.length
                ? d.inspections.slice(0, 6).map((i) => (
                    <div key={i.id}>
                      {fmtDate(i.inspectedAt)} {i.placeName} {i.score.toFixed(0)} · {i.inspector}
                      {i.note ? `（${i.note}）` : ''}
                    </div>
                  ))
                : t('prop.detail.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('prop.detail.sanctions')}>
              {d.sanctions.length
                ? d.sanctions.map((s) => (
                    <div key={s.id}>
                      {s.month} {t(`prop.sanction.${s.kind}`)} {s.kind === 'penalty' ? '−' : '+'}
                      {s.points}：{s.reason}
                    </div>
                  ))
                : t('prop.detail.none')}
            </Descriptions.Item>
          </Descriptions>
        </Space>
      )}
    </Drawer>
  );
}

function Compounds() {
  const t = useT();
  const list = useApi((signal) => listCompounds(signal), []);
  const [open, setOpen] = useState<string | null>(null);
  const overdue = list.data?.items.filter((c) => c.jointMeeting.overdue).length ?? 0;
  const columns: ColumnsType<CompoundView> = [
    { title: t('prop.col.compound'), dataIndex: 'name', ellipsis: true, render: (v: string, c) => <a onClick={() => setOpen(c.id)} data-testid="prop-compound-name">{v}</a> },
    { title: t('prop.col.grid'), dataIndex: 'gridName', width: 130, ellipsis: true },
    {
      title: t('prop.col.company'),
      key: 'company',
      ellipsis: true,
      render: (_, c) =>
        c.company ? (
          <Space size={4}>
            <span>{c.company.name}</span>
            {c.blacklisted && <Tag style={{ background: '#262626', color: '#fff' }} data-testid="prop-compound-black">{t('prop.blacklisted')}</Tag>}
          </Space>
        ) : (
          <Tag>{t('prop.noProperty')}</Tag>
        ),
    },
    { title: t('prop.col.coverage'), key: 'coverage', width: 130, render: (_, c) => (c.hasProperty ? '—' : (c.coverage?.label ?? <Tag color="warning">{t('prop.uncovered')}</Tag>)) },
    {
      title: t('prop.col.committee'),
      key: 'committee',
      width: 200,
      render: (_, c) =>
        c.committee ? (
          <Space size={4} wrap>
            <span>{c.committee.members.find((m) => m.post === '主任')?.name ?? c.committee.members[0]?.name}</span>
            <span>{t('prop.committee.term', { from: c.committee.termStart.slice(0, 7), to: c.committee.termEnd.slice(0, 7) })}</span>
            {c.committee.expired && <Tag color="warning">{t('prop.committee.expired')}</Tag>}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('prop.col.meeting'),
      key: 'meeting',
      width: 150,
      render: (_, c) => (c.jointMeeting.overdue ? <Tag color="error">{t('prop.meeting.overdue')}</Tag> : t('prop.meeting.last', { date: c.jointMeeting.lastHeld ?? '' })),
    },
  ];
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <>
      {list.data && overdue > 0 && (
        <Typography.Paragraph type="danger" data-testid="prop-meetings-overdue">
          {t('prop.meeting.overdueCount', { n: overdue })}
        </Typography.Paragraph>
      )}
      <Table<CompoundView> rowKey="id" size="small" loading={!list.data} dataSource={list.data?.items ?? []} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 900 }} data-testid="prop-compounds" />
      {open && <CompoundDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />}
    </>
  );
}

