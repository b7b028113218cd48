import { useMemo, useState } from 'react';
import { Alert, App, Empty, Form, Input, InputNumber, Modal, Progress, Radio, Select, Space, Spin, Tag, Typography } from 'antd';
import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { get } from '../../../api/client.ts';
import { caseAction, listCases, type ActionBody, type CaseAction, type CaseDetail, type FileRef, type Rating, type SimilarCase, type SimilarCases } from '../../../api/cases.ts';
import type { Unit, Units } from '../../../api/types.ts';
import { suggestCase } from '../../../api/suggest.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { useCaseLabels, useCatalogue } from '../../../lib/cases.ts';
import { applyServerErrors } from '../../components/formErrors.ts';
import { PhotoUpload } from './PhotoUpload.tsx';
import { StateTag } from './CaseTags.tsx';

interface Values {
  reason?: string;
  note?: string;
  comment?: string;
  workingDays?: number;
  score?: Rating;
  photos?: FileRef[];
  unitId?: string;
  assistUnitIds?: string[];
  intoCaseId?: string;
}

type Field = 'reason' | 'note' | 'noteOptional' | 'photos' | 'workingDays' | 'score' | 'comment' | 'dispatch' | 'merge';

/** What each action asks for; the server's own checks stay the judge (its errors land on the fields). */
const FORMS: Record<CaseAction, Field[]> = {
  accept: [],
  reject: ['reason'],
  escalate: ['reason'],
  dispatch: ['dispatch'],
  acknowledge: [],
  return: ['reason'],
  feedback: ['note', 'photos'],
  'request-extension': ['workingDays', 'reason'],
  'approve-extension': [],
  'deny-extension': ['reason'],
  handle: ['note', 'photos'],
  'verify-pass': ['noteOptional', 'photos'],
  'verify-fail': ['reason', 'photos'],
  rate: ['score', 'comment'],
  reopen: ['reason'],
  urge: ['note'],
  merge: ['merge'],
  unmerge: ['noteOptional'],
  suspend: ['reason'],
  resume: [],
  withdraw: ['reason'],
};

const WIDE: CaseAction[] = ['dispatch', 'merge', 'handle', 'verify-pass', 'verify-fail'];

export function ActionModal({ c, action, onClose, onDone }: { c: CaseDetail; action: CaseAction | null; onClose: () => void; onDone: (updated: CaseDetail) => void }) {
  const t = useT();
  const labels = useCaseLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const fields = action ? FORMS[action] : [];
  const has = (f: Field) => fields.includes(f);

  const submit = async () => {
    if (!action) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: ActionBody = {};
    if (has('reason')) body.reason = v.reason?.trim();
    if (has('note') || has('noteOptional')) {
      const note = v.note?.trim();
      if (note) body.note = note;
    }
    if (has('photos') && v.photos?.length) body.attachments = v.photos.map((p) => p.id);
    if (has('workingDays')) body.workingDays = v.workingDays;
    if (has('score')) body.score = v.score;
    if (has('comment') && v.comment?.trim()) body.comment = v.comment.trim();
    if (has('dispatch')) {
      body.unitId = v.unitId;
      if (v.assistUnitIds?.length) body.assistUnitIds = v.assistUnitIds;
      if (v.note?.trim()) body.note = v.note.trim();
    }
    if (has('merge')) body.intoCaseId = v.intoCaseId;
    setSaving(true);
    try {
      const updated = await caseAction(c.id, action, body);
      message.success(t('case.actionDone', { action: labels.action(action) }));
      onDone(updated);
      onClose();
    } catch (e) {
      applyServerErrors(form, e, message, ['reason', 'note', 'comment', 'workingDays', 'score', 'unitId', 'assistUnitIds', 'intoCaseId', 'attachments']);
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  const reasonLabel = action ? t(REASON_LABEL[action] ?? 'case.form.reason') : '';
  const noteLabel = action ? t(NOTE_LABEL[action] ?? 'case.form.note') : '';

  return (
    <Modal
      title={action ? <span data-testid="action-title">{labels.action(action)}</span> : null}
      open={action !== null}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ disabled: uploading, danger: action === 'reject' || action === 'withdraw', 'data-testid': 'action-submit' }}
      okText={action ? t('case.form.submit', { action: labels.action(action) }) : t('common.ok')}
      destroyOnHidden
      width={action && WIDE.includes(action) ? 720 : 520}
      data-testid="action-modal"
    >
      <div className="gz-action-head">
        <span className="gz-mono">{c.code}</span>
        <span className="gz-action-case-title">{c.title}</span>
        <StateTag state={c.state} />
      </div>
      {action && HINT[action] && <Alert type="info" showIcon className="gz-action-hint" title={t(HINT[action]!)} />}
      {action === 'approve-extension' && c.pendingExtension && (
        <Alert
          type="warning"
          showIcon
          className="gz-action-hint"
          title={t('case.extension.pending', { n: c.pendingExtension.workingDays, by: c.pendingExtension.requestedBy ?? '—' })}
          description={c.pendingExtension.reason}
        />
      )}
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ workingDays: 3 }} data-testid="action-form" preserve={false}>
        {has('dispatch') && <DispatchFields c={c} />}
        {has('merge') && <MergeFields c={c} />}
        {has('workingDays') && (
          <Form.Item
            name="workingDays"
            label={t('case.form.workingDays')}
            rules={[{ required: true, message: t('common.required', { field: t('case.form.workingDays') }) }, { type: 'number', min: 1, max: 30, message: t('case.form.workingDaysRange') }]}
            extra={t('case.form.workingDaysHint')}
          >
            <InputNumber min={1} max={30} precision={0} suffix={t('case.form.workingDaysUnit')} style={{ width: 200 }} data-testid="action-days" />
          </Form.Item>
        )}
        {has('reason') && (
          <Form.Item name="reason" label={reasonLabel} rules={[...required(reasonLabel), { max: 1000 }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('case.form.reasonPlaceholder')} data-testid="action-reason" />
          </Form.Item>
        )}
        {(has('note') || has('noteOptional')) && (
          <Form.Item name="note" label={noteLabel} rules={has('note') ? [...required(noteLabel), { max: 2000 }] : [{ max: 2000 }]} extra={action === 'handle' ? t('case.form.handleHint') : undefined}>
            <Input.TextArea rows={action === 'handle' ? 4 : 3} maxLength={2000} showCount data-testid="action-note" />
          </Form.Item>
        )}
        {has('score') && (
          <Form.Item name="score" label={t('case.form.score')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('case.form.score') }) }]}>
            <Radio.Group optionType="button" buttonStyle="solid" className="gz-rate-group" data-testid="action-score">
              <Radio.Button value="satisfied" data-testid="score-satisfied">
                <SmileOutlined /> {labels.rating('satisfied')}
              </Radio.Button>
              <Radio.Button value="basically-satisfied" data-testid="score-basically-satisfied">
                <MehOutlined /> {labels.rating('basically-satisfied')}
              </Radio.Button>
              <Radio.Button value="unsatisfied" data-testid="score-unsatisfied">
                <FrownOutlined /> {labels.rating('unsatisfied')}
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
        )}
        {has('comment') && (
          <Form.Item name="comment" label={t('case.form.comment')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} showCount data-testid="action-comment" />
          </Form.Item>
        )}
        {has('photos') && (
          <Form.Item name="photos" label={t('case.form.photos')} valuePropName="value">
            <PhotoUpload onBusy={setUploading} testId="action-photos" />
          </Form.Item>
        )}
        {fields.length === 0 && action && !HINT[action] && action !== 'approve-extension' && <p className="gz-muted">{t('case.form.confirm', { action: labels.action(action) })}</p>}
      </Form>
    </Modal>
  );
}

const REASON_LABEL: Partial<Record<CaseAction, Parameters<ReturnType<typeof useT>>[0]>> = {
  reject: 'case.form.rejectReason',
  escalate: 'case.form.escalateReason',
  return: 'case.form.returnReason',
  'request-extension': 'case.form.extensionReason',
  'deny-extension': 'case.form.denyReason',
  'verify-fail': 'case.form.verifyFailReason',
  reopen: 'case.form.reopenReason',
  suspend: 'case.form.suspendReason',
  withdraw: 'case.form.withdrawReason',
};

const NOTE_LABEL: Partial<Record<CaseAction, Parameters<ReturnType<typeof useT>>[0]>> = {
  handle: 'case.form.handleNote',
  feedback: 'case.form.feedbackNote',
  'verify-pass': 'case.form.verifyNote',
  urge: 'case.form.urgeNote',
};

const HINT: Partial<Record<CaseAction, Parameters<ReturnType<typeof useT>>[0]>> = {
  accept: 'case.hint.accept',
  escalate: 'case.hint.escalate',
  acknowledge: 'case.hint.acknowledge',
  return: 'case.hint.return',
  'verify-pass': 'case.hint.verifyPass',
  'verify-fail': 'case.hint.verifyFail',
  rate: 'case.hint.rate',
  reopen: 'case.hint.reopen',
  suspend: 'case.hint.suspend',
  resume: 'case.hint.resume',
  merge: 'case.hint.merge',
};

// ---- dispatch (吹哨) -------------------------------------------------------------------------

let unitsCache: Promise<Unit[]> | null = null;

/** Departments, utilities and property companies a centre can dispatch to (loaded once). */
function useDispatchUnits() {
  return useApi(() => {
    unitsCache ??= Promise.all([get<Units>('/api/units', { type: 'department' }), get<Units>('/api/units', { type: 'property' })])
      .then(([d, p]) => [...d.items, ...p.items])
      .catch((e: unknown) => {
        unitsCache = null;
        throw e;
      });
    return unitsCache;
  }, []);
}

function DispatchFields({ c }: { c: CaseDetail }) {
  const t = useT();
  const cat = useCatalogue();
  const units = useDispatchUnits();
  const form = Form.useFormInstance<Values>();
  const lead = Form.useWatch('unitId', form);
  const suggested = cat.byCode.get(c.categoryCode)?.defaultUnitCode ?? null;
  const all = useMemo(() => units.data ?? [], [units.data]);
  const suggestedUnit = all.find((u) => u.code === suggested);
  // The intake suggestions rank the units by the case's own words (docs/SMART-INTAKE.md).
  const smart = useApi((signal) => suggestCase({ title: c.title, description: c.description, areaCode: c.areaCode }, signal), [c.id]);
  const rank = useMemo(() => new Map((smart.data?.units ?? []).map((u, i) => [u.id, i])), [smart.data]);
  const smartTop = smart.data?.units.find((u) => all.some((x) => x.id === u.id));
  const byRank = (a: Unit, b: Unit) => (rank.get(a.id) ?? 99) - (rank.get(b.id) ?? 99);

  const option = (u: Unit) => ({
    value: u.id,
    label: u.name,
    search: `${u.name} ${u.shortName ?? ''} ${u.code} ${u.duties ?? ''}`,
    unit: u,
  });
  const groups = [
    { label: t('case.dispatch.departments'), options: all.filter((u) => u.type === 'department').sort(byRank).map(option) },
    { label: t('case.dispatch.property'), options: all.filter((u) => u.type === 'property').sort(byRank).map(option) },
  ]
    .filter((g) => g.options.length)
    .sort((a, b) => byRank(a.options[0]!.unit, b.options[0]!.unit));

  const renderOption = (o: { data: { unit?: Unit } }) => {
    const u = o.data.unit;
    if (!u) return null;
    return (
      <div className="gz-unit-option">
        <div className="gz-unit-option-name">
          {u.name}
          {rank.get(u.id) === 0 && (
            <Tag color="blue" variant="outlined" className="gz-unit-suggest">
              {t('case.dispatch.smart')}
            </Tag>
          )}
          {u.code === suggested && (
            <Tag color="red" variant="outlined" className="gz-unit-suggest">
              {t('case.dispatch.suggested')}
            </Tag>
          )}
        </div>
        {u.duties && <div className="gz-unit-option-duties">{u.duties}</div>}
      </div>
    );
  };

  return (
    <>
      {smartTop && !lead && smartTop.id !== suggestedUnit?.id && (
        <Alert
          type="info"
          showIcon
          className="gz-action-hint"
          data-testid="dispatch-smart"
          title={
            <span>
              {t('case.dispatch.smartHint', { unit: smartTop.name, words: (smartTop.words ?? []).join('、') || cat.name(c.categoryCode) })}{' '}
              <Typography.Link onClick={() => form.setFieldValue('unitId', smartTop.id)} data-testid="dispatch-use-smart">
                {t('case.dispatch.useSuggested')}
              </Typography.Link>
            </span>
          }
        />
      )}
      {suggestedUnit && !lead && (
        <Alert
          type="info"
          showIcon
          className="gz-action-hint"
          title={
            <span>
              {t('case.dispatch.suggestion', { type: cat.name(c.categoryCode), unit: suggestedUnit.name })}{' '}
              <Typography.Link onClick={() => form.setFieldValue('unitId', suggestedUnit.id)} data-testid="dispatch-use-suggested">
                {t('case.dispatch.useSuggested')}
              </Typography.Link>
            </span>
          }
        />
      )}
      <Form.Item name="unitId" label={t('case.dispatch.lead')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('case.dispatch.lead') }) }]}>
        <Select
          showSearch={{ optionFilterProp: 'search' }}
          options={groups}
          loading={units.loading}
          aria-label={t('case.dispatch.searchPlaceholder')} placeholder={t('case.dispatch.searchPlaceholder')}
          optionRender={(o) => renderOption(o as { data: { unit?: Unit } })}
          data-testid="dispatch-unit"
          popupMatchSelectWidth={false}
          styles={{ popup: { root: { width: 460 } } }}
        />
      </Form.Item>
      <Form.Item name="assistUnitIds" label={t('case.dispatch.assist')} extra={t('case.dispatch.assistHint')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'search' }}
          options={groups.map((g) => ({ ...g, options: g.options.filter((o) => o.value !== lead) }))}
          aria-label={t('case.dispatch.assistPlaceholder')} placeholder={t('case.dispatch.assistPlaceholder')}
          optionRender={(o) => renderOption(o as { data: { unit?: Unit } })}
          data-testid="dispatch-assist"
          maxCount={10}
        />
      </Form.Item>
      <Form.Item name="note" label={t('case.dispatch.note')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} maxLength={2000} placeholder={t('case.dispatch.notePlaceholder')} data-testid="action-note" />
      </Form.Item>
    </>
  );
}

// ---- merge (合并) ----------------------------------------------------------------------------

function MergeFields({ c }: { c: CaseDetail }) {
  const t = useT();
  const form = Form.useFormInstance<Values>();
  const chosen = Form.useWatch('intoCaseId', form);
  const similar = useApi((signal) => get<SimilarCases>(`/api/cases/${c.id}/similar`, undefined, signal), [c.id]);
  const [q, setQ] = useState('');
  const found = useApi(q ? (signal) => listCases({ q, pageSize: 8 }, signal) : null, [q]);
  const searchHits: SimilarCase[] = (found.data?.items ?? []).filter((x) => x.id !== c.id).map((x) => ({ id: x.id, code: x.code, title: x.title, state: x.state, createdAt: x.createdAt, score: -1 }));

  const row = (s: SimilarCase) => (
    <Radio value={s.id} className="gz-merge-row" data-testid="merge-candidate" data-code={s.code}>
      <div className="gz-merge-main">
        <div className="gz-merge-line">
          <span className="gz-mono">{s.code}</span>
          <StateTag state={s.state} />
          <span className="gz-muted">{fmtTime(s.createdAt)}</span>
        </div>
        <div className="gz-merge-title">{s.title}</div>
      </div>
      {s.score >= 0 && (
        <div className="gz-merge-score" title={t('case.merge.score')}>
          <Progress type="circle" size={44} percent={Math.round(s.score * 100)} strokeColor={s.score >= 0.7 ? '#b7181e' : s.score >= 0.4 ? '#d48806' : '#8c8c8c'} />
        </div>
      )}
    </Radio>
  );

  return (
    <>
      <div className="gz-merge-section-title">{t('case.merge.similar')}</div>
      {similar.loading && !similar.data ? (
        <div className="gz-merge-loading">
          <Spin />
        </div>
      ) : (
        <Form.Item name="intoCaseId" rules={[{ required: true, message: t('case.merge.choose') }]} className="gz-merge-item">
          <Radio.Group className="gz-merge-list" data-testid="merge-list">
            {(similar.data?.items ?? []).length === 0 && searchHits.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.merge.none')} />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }} size={6}>
                {(similar.data?.items ?? []).map((s) => (
                  <div key={s.id}>{row(s)}</div>
                ))}
                {searchHits.length > 0 && <div className="gz-merge-section-title">{t('case.merge.searchResults')}</div>}
                {searchHits
                  .filter((s) => !(similar.data?.items ?? []).some((x) => x.id === s.id))
                  .map((s) => (
                    <div key={s.id}>{row(s)}</div>
                  ))}
              </Space>
            )}
          </Radio.Group>
        </Form.Item>
      )}
      <Input.Search
        aria-label={t('case.merge.searchPlaceholder')} placeholder={t('case.merge.searchPlaceholder')}
        allowClear
        enterButton={t('common.search')}
        onSearch={(v) => setQ(v.trim())}
        loading={found.loading}
        data-testid="merge-search"
      />
      {q && found.data && searchHits.length === 0 && <div className="gz-muted gz-merge-nohit">{t('case.merge.noHit', { q })}</div>}
      {chosen && <div className="gz-merge-chosen">{t('case.merge.chosenHint')}</div>}
    </>
  );
}
