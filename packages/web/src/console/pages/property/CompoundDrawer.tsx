// A compound's 红心物业 facts and the forms of those who keep them (docs/PROPERTY.md): contracts and service standards
// (community, 住建), the owners' committee with members and term, the cover of a compound without property management
// and the four-party joint meetings (community), the committee's evaluation of the company (community). What the
// caller may do comes from the server (`allowedActions`).
import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../../api/client.ts';
import {
  COVERAGE_MODES,
  createCommittee,
  createContract,
  getCompound,
  listCompanies,
  recordEvaluation,
  recordJointMeeting,
  setCoverage,
  updateCommittee,
  updateContract,
  type CommitteeMember,
  type CompoundDetail,
  type Contract,
} from '../../../api/property.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';

type Dialog = { kind: 'contract'; contract: Contract | null } | { kind: 'committee'; edit: boolean } | { kind: 'coverage' } | { kind: 'evaluate' } | { kind: 'meeting' };

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

export function CompoundDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const c = useApi((signal) => getCompound(id, signal), [id]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const d = c.data;
  const can = (a: CompoundDetail['allowedActions'][number]) => !!d?.allowedActions.includes(a);
  const done = () => {
    setDialog(null);
    c.reload();
    onChanged();
  };
  return (
    <Drawer open width={760} title={d?.name ?? t('prop.col.compound')} onClose={onClose} data-testid="prop-compound-drawer">
      {c.error ? (
        <LoadError error={c.error} onRetry={c.reload} />
      ) : !d ? null : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('prop.col.company')}>{d.company?.name ?? <Tag>{t('prop.noProperty')}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={t('prop.col.grid')}>{d.gridName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('prop.cd.owners')}>{t('prop.cd.ownersLine', { n: fmtNumber(d.owners.count), area: d.owners.area })}</Descriptions.Item>
            <Descriptions.Item label={t('prop.col.meeting')}>
              {d.jointMeeting.overdue ? <Tag color="error">{t('prop.meeting.overdue')}</Tag> : t('prop.meeting.last', { date: d.jointMeeting.lastHeld ?? '' })}
            </Descriptions.Item>
          </Descriptions>

          {!d.hasProperty && (
            <Section title={t('prop.col.coverage')} action={can('coverage') && <Button size="small" onClick={() => setDialog({ kind: 'coverage' })} data-testid="prop-cd-coverage">{t('prop.cd.setCoverage')}</Button>}>
              {d.coverage ? `${d.coverage.label}${d.coverage.note ? `：${d.coverage.note}` : ''}` : <Tag color="warning">{t('prop.uncovered')}</Tag>}
            </Section>
          )}

          {d.hasProperty && (
            <Section title={t('prop.detail.contracts')} action={can('contract') && <Button size="small" onClick={() => setDialog({ kind: 'contract', contract: null })} data-testid="prop-cd-add-contract">{t('prop.cd.addContract')}</Button>}>
              <Table<Contract>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.contracts}
                data-testid="prop-cd-contracts"
                columns={[
                  { title: t('prop.cd.term'), key: 'term', width: 190, render: (_, k) => `${k.startsOn} ~ ${k.endsOn}` },
                  { title: t('prop.col.households'), dataIndex: 'households', width: 80, align: 'right' },
                  { title: t('prop.cd.fee'), dataIndex: 'feePerM2', width: 100, align: 'right', render: (v: number) => v.toFixed(2) },
                  { title: t('prop.cd.standard'), dataIndex: 'serviceStandard', ellipsis: true },
                  ...(can('contract') ? [{ title: '', key: 'edit', width: 60, render: (_: unknown, k: Contract) => <a onClick={() => setDialog({ kind: 'contract', contract: k })}>{t('prop.cd.edit')}</a> }] : []),
                ]}
              />
            </Section>
          )}

          <Section
            title={t('prop.col.committee')}
            action={
              can('committee') && (
                <Space>
                  {d.committee && <Button size="small" onClick={() => setDialog({ kind: 'committee', edit: true })} data-testid="prop-cd-edit-committee">{t('prop.cd.editCommittee')}</Button>}
                  <Button size="small" onClick={() => setDialog({ kind: 'committee', edit: false })} data-testid="prop-cd-add-committee">{t('prop.cd.newCommittee')}</Button>
                </Space>
              )
            }
          >
            {d.committee ? (
              <Space direction="vertical" size={2} data-testid="prop-cd-committee">
                <span>
                  {t('prop.committee.term', { from: d.committee.termStart, to: d.committee.termEnd })} {d.committee.expired && <Tag color="warning">{t('prop.committee.expired')}</Tag>}
                </span>
                <span>{d.committee.members.map((m) => `${m.name}（${m.post}）`).join('、')}</span>
              </Space>
            ) : (
              t('prop.detail.none')
            )}
          </Section>

          {d.hasProperty && (
            <Section title={t('prop.cd.evaluations')} action={can('evaluate') && <Button size="small" onClick={() => setDialog({ kind: 'evaluate' })} data-testid="prop-cd-evaluate">{t('prop.cd.evaluate')}</Button>}>
              {d.evaluations.length ? d.evaluations.map((e) => <div key={e.id}>{t('prop.cd.evaluationLine', { month: e.month, score: e.score })}{e.note ? `（${e.note}）` : ''}</div>) : t('prop.detail.none')}
            </Section>
          )}

          <Section title={t('prop.col.meeting')} action={can('joint-meeting') && <Button size="small" onClick={() => setDialog({ kind: 'meeting' })} data-testid="prop-cd-meeting">{t('prop.cd.recordMeeting')}</Button>}>
            {d.jointMeetings.length
              ? d.jointMeetings.map((m) => (
                  <div key={m.id}>
                    {m.heldOn} {m.topics}（{m.attendees}）
                  </div>
                ))
              : t('prop.detail.none')}
          </Section>
        </Space>
      )}
      {d && dialog?.kind === 'contract' && <ContractModal placeId={d.id} contract={dialog.contract} onClose={() => setDialog(null)} onDone={done} />}
      {d && dialog?.kind === 'committee' && <CommitteeModal compound={d} edit={dialog.edit} onClose={() => setDialog(null)} onDone={done} />}
      {d && dialog?.kind === 'coverage' && <CoverageModal compound={d} onClose={() => setDialog(null)} onDone={done} />}
      {d && dialog?.kind === 'evaluate' && <EvaluationModal placeId={d.id} onClose={() => setDialog(null)} onDone={done} />}
      {d && dialog?.kind === 'meeting' && <MeetingModal placeId={d.id} onClose={() => setDialog(null)} onDone={done} />}
    </Drawer>
  );
}

function Section({ title, action, children }: { title: string; action?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 6 }}>
        <Typography.Text strong>{title}</Typography.Text>
        {action || null}
      </Space>
      <div>{children}</div>
    </div>
  );
}

/** A modal form that sends once it validates, and reports the server's refusal in Chinese. */
function FormModal<V extends object>({ title, testId, form, onClose, send, children, initialValues }: { title: string; testId: string; form: ReturnType<typeof Form.useForm<V>>[0]; onClose: () => void; send: (v: V) => Promise<unknown>; children: React.ReactNode; initialValues?: Partial<V> }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await send(v);
      message.success(t('prop.cd.saved'));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ id: `${testId}-ok` }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initialValues} data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}

function ContractModal({ placeId, contract, onClose, onDone }: { placeId: string; contract: Contract | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  type V = { households: number; feePerM2: number; serviceStandard: string; term: [Dayjs, Dayjs] };
  const [form] = Form.useForm<V>();
  const init = contract ? { households: contract.households, feePerM2: contract.feePerM2, serviceStandard: contract.serviceStandard, term: [dayjs(contract.startsOn), dayjs(contract.endsOn)] as [Dayjs, Dayjs] } : undefined;
  const send = async (v: V) => {
    const body = { households: v.households, feePerM2: v.feePerM2, serviceStandard: v.serviceStandard.trim(), startsOn: day(v.term[0]), endsOn: day(v.term[1]) };
    await (contract ? updateContract(contract.id, body) : createContract({ ...body, placeId }));
    onDone();
  };
  return (
    <FormModal<V> title={contract ? t('prop.cd.editContract') : t('prop.cd.addContract')} testId="prop-contract-form" form={form} onClose={onClose} send={send} initialValues={init}>
      <Form.Item name="term" label={t('prop.cd.term')} rules={[{ required: true, message: t('prop.cd.required') }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <Space>
        <Form.Item name="households" label={t('prop.col.households')} rules={[{ required: true, message: t('prop.cd.required') }]}>
          <InputNumber min={1} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="feePerM2" label={t('prop.cd.fee')} rules={[{ required: true, message: t('prop.cd.required') }]}>
          <InputNumber min={0} max={100} precision={2} step={0.1} />
        </Form.Item>
      </Space>
      <Form.Item name="serviceStandard" label={t('prop.cd.standard')} rules={[{ required: true, whitespace: true, message: t('prop.cd.required') }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

const POSTS: CommitteeMember['post'][] = ['主任', '副主任', '委员'];

function CommitteeModal({ compound, edit, onClose, onDone }: { compound: CompoundDetail; edit: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  type V = { term: [Dayjs, Dayjs]; members: CommitteeMember[] };
  const [form] = Form.useForm<V>();
  const c = edit ? compound.committee : null;
  const init: Partial<V> = c
    ? { term: [dayjs(c.termStart), dayjs(c.termEnd)], members: c.members }
    : { term: [dayjs().startOf('day'), dayjs().add(5, 'year').subtract(1, 'day')], members: [{ name: '', post: '主任' }, { name: '', post: '副主任' }, { name: '', post: '委员' }] };
  const send = async (v: V) => {
    const body = { termStart: day(v.term[0]), termEnd: day(v.term[1]), members: v.members.map((m) => ({ name: m.name.trim(), post: m.post })) };
    await (c ? updateCommittee(c.id, body) : createCommittee({ ...body, placeId: compound.id }));
    onDone();
  };
  return (
    <FormModal<V> title={c ? t('prop.cd.editCommittee') : t('prop.cd.newCommittee')} testId="prop-committee-form" form={form} onClose={onClose} send={send} initialValues={init}>
      <Form.Item name="term" label={t('prop.cd.committeeTerm')} rules={[{ required: true, message: t('prop.cd.required') }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} data-testid="prop-committee-term" />
      </Form.Item>
      <Form.List name="members" rules={[{ validator: async (_, v: unknown[]) => (v?.length >= 3 ? undefined : Promise.reject(new Error(t('prop.cd.membersMin')))) }]}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('prop.cd.required') }]}>
                  <Input placeholder={t('prop.cd.memberName')} maxLength={30} data-testid={`prop-member-name-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'post']} rules={[{ required: true, message: t('prop.cd.required') }]}>
                  <Select style={{ width: 100 }} options={POSTS.map((p) => ({ value: p, label: p }))} aria-label={t('prop.cd.memberPost')} />
                </Form.Item>
                <a onClick={() => remove(f.name)}>{t('prop.cd.remove')}</a>
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ name: '', post: '委员' })} block>
              {t('prop.cd.addMember')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

function CoverageModal({ compound, onClose, onDone }: { compound: CompoundDetail; onClose: () => void; onDone: () => void }) {
  const t = useT();
  type V = { mode: NonNullable<CompoundDetail['coverage']>['mode']; companyId?: string; note?: string };
  const [form] = Form.useForm<V>();
  const mode = Form.useWatch('mode', form);
  const companies = useApi((signal) => listCompanies(signal), []);
  const send = async (v: V) => {
    await setCoverage(compound.id, { mode: v.mode, companyId: v.mode === 'red-property' ? v.companyId : null, ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
    onDone();
  };
  return (
    <FormModal<V> title={t('prop.cd.setCoverage')} testId="prop-coverage-form" form={form} onClose={onClose} send={send} initialValues={{ mode: compound.coverage?.mode ?? 'community', note: compound.coverage?.note ?? undefined }}>
      <Form.Item name="mode" label={t('prop.col.coverage')} rules={[{ required: true, message: t('prop.cd.required') }]}>
        <Select options={COVERAGE_MODES.map((m) => ({ value: m, label: t(`prop.cover.${m}`) }))} />
      </Form.Item>
      {mode === 'red-property' && (
        <Form.Item name="companyId" label={t('prop.cd.coverCompany')} rules={[{ required: true, message: t('prop.cd.required') }]}>
          <Select options={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} loading={!companies.data} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('prop.cd.note')}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}

function EvaluationModal({ placeId, onClose, onDone }: { placeId: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  type V = { month: Dayjs; score: number; note?: string };
  const [form] = Form.useForm<V>();
  const send = async (v: V) => {
    await recordEvaluation({ placeId, month: v.month.format('YYYY-MM'), score: v.score, ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
    onDone();
  };
  return (
    <FormModal<V> title={t('prop.cd.evaluate')} testId="prop-evaluation-form" form={form} onClose={onClose} send={send} initialValues={{ month: dayjs().startOf('month') }}>
      <Form.Item name="month" label={t('prop.cd.month')} rules={[{ required: true, message: t('prop.cd.required') }]}>
        <DatePicker picker="month" allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
      </Form.Item>
      <Form.Item name="score" label={t('prop.cd.score')} rules={[{ required: true, message: t('prop.cd.required') }]}>
        <InputNumber min={0} max={100} precision={0} data-testid="prop-evaluation-score" />
      </Form.Item>
      <Form.Item name="note" label={t('prop.cd.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

function MeetingModal({ placeId, onClose, onDone }: { placeId: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  type V = { heldOn: Dayjs; attendees: string; topics: string };
  const [form] = Form.useForm<V>();
  const send = async (v: V) => {
    await recordJointMeeting({ placeId, heldOn: day(v.heldOn), attendees: v.attendees.trim(), topics: v.topics.trim() });
    onDone();
  };
  return (
    <FormModal<V> title={t('prop.cd.recordMeeting')} testId="prop-meeting-form" form={form} onClose={onClose} send={send} initialValues={{ heldOn: dayjs(), attendees: t('prop.cd.attendeesDefault') }}>
      <Form.Item name="heldOn" label={t('prop.cd.heldOn')} rules={[{ required: true, message: t('prop.cd.required') }]}>
        <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="attendees" label={t('prop.cd.attendees')} rules={[{ required: true, whitespace: true, message: t('prop.cd.required') }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="topics" label={t('prop.cd.topics')} rules={[{ required: true, whitespace: true, message: t('prop.cd.required') }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="prop-meeting-topics" />
      </Form.Item>
    </FormModal>
  );
}
