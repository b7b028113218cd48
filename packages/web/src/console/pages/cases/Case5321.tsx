import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Radio, Space, Tag, Tooltip } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { record5321, type CaseDetail, type Step5321, type Tier5321 } from '../../../api/cases.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useNow, useRemaining } from '../../../lib/cases.ts';
import { nextStep, STATUS_COLOUR, statusAt } from '../../../lib/rule5321.ts';
import { applyServerErrors } from '../../components/formErrors.ts';

const TIERS: Tier5321[] = ['general', 'larger', 'complex'];

/** 5321 on a property case: the three five-minute steps and the tier's limit, ticking; the caller's entries. */
export function Case5321({ c, onUpdated }: { c: CaseDetail; onUpdated: (c: CaseDetail) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const now = useNow(10_000);
  const remaining = useRemaining();
  const [modal, setModal] = useState<'reply' | 'tier' | null>(null);
  const [busy, setBusy] = useState(false);
  const r = c.response5321;
  if (!r) return null;
  const status = statusAt(r, now);
  const next = nextStep(r);
  const canStep = r.allowedActions.includes('step') && next;
  const canTier = r.allowedActions.includes('tier');
  const asCentre = canTier && !r.allowedActions.includes('step');
  const rows: { key: Step5321 | 'resolve'; due: string | null; done: string | null }[] = [
    ...r.steps.map((s) => ({ key: s.step, due: s.dueAt, done: s.doneAt })),
    { key: 'resolve' as const, due: r.resolveDueAt, done: null },
  ];
  const quick = async (step: Step5321) => {
    setBusy(true);
    try {
      onUpdated(await record5321(c.id, { step }));
      message.success(t('r5.saved'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      className="gz-card"
      size="small"
      data-testid="case-5321"
      title={
        <Tooltip title={t('r5.hint')}>
          <span>
            <ThunderboltOutlined /> {t('r5.title')}
          </span>
        </Tooltip>
      }
    >
      <div className="gz-5321">
        {rows.map((row) => {
          const st = status[row.key];
          const left = !row.done && row.due && (st === 'running' || st === 'overdue') ? remaining(row.due, now) : null;
          return (
            <div key={row.key} className="gz-5321-row" data-testid={`r5-${row.key}`} data-status={st}>
              <span className="gz-5321-step">{t(`r5.step.${row.key}`)}</span>
              <Tag color={STATUS_COLOUR[st]}>{t(`r5.status.${st}`)}</Tag>
              <span className="gz-muted gz-small">
                {row.done ? t('r5.doneAt', { at: fmtTime(row.done) }) : row.due ? t('r5.dueAt', { at: fmtTime(row.due) }) : t('r5.tierNone')}
                {left && <span className={left.overdue ? 'gz-text-danger' : undefined}> · {left.text}</span>}
              </span>
            </div>
          );
        })}
        <div className="gz-5321-tier" data-testid="r5-tier">
          {t('r5.tierLabel')}：{r.tier ? t(`r5.tier.${r.tier}`) : t('r5.tierNone')}
          {r.tierBy && <span className="gz-muted">（{t(`r5.tierBy.${r.tierBy}`)}）</span>}
        </div>
      </div>
      {(canStep || canTier) && (
        <Space wrap className="gz-5321-actions">
          {canStep && next && (
            <Button type="primary" size="small" loading={busy} onClick={() => (next === 'reply' ? setModal('reply') : quick(next))} data-testid="r5-record">
              {t('r5.record', { step: t(`r5.step.${next}`) })}
            </Button>
          )}
          {canTier && (
            <Button size="small" onClick={() => setModal('tier')} data-testid="r5-tier-change">
              {r.tier ? t('r5.changeTier') : t('r5.setTier')}
            </Button>
          )}
        </Space>
      )}
      <TierModal mode={modal} caseId={c.id} current={r.tier} asCentre={asCentre} onClose={() => setModal(null)} onDone={(u) => {
        setModal(null);
        onUpdated(u);
      }} />
    </Card>
  );
}

function TierModal({ mode, caseId, current, asCentre, onClose, onDone }: { mode: 'reply' | 'tier' | null; caseId: string; current: Tier5321 | null; asCentre: boolean; onClose: () => void; onDone: (c: CaseDetail) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ tier: Tier5321; note?: string }>();
  const [saving, setSaving] = useState(false);
  const needReason = mode === 'tier' && asCentre;
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const body = mode === 'reply' ? { step: 'reply' as const, tier: v.tier, note: v.note?.trim() || undefined } : { tier: v.tier, note: v.note?.trim() || undefined };
      onDone(await record5321(caseId, body));
      message.success(t('r5.saved'));
    } catch (e) {
      applyServerErrors(form, e, message, ['tier', 'note']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={mode === 'reply' ? t('r5.record', { step: t('r5.step.reply') }) : current ? t('r5.changeTier') : t('r5.setTier')}
      open={!!mode}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'r5-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ tier: current ?? undefined }}>
        <Form.Item name="tier" label={t('r5.tierLabel')} rules={[{ required: true, message: t('common.required', { field: t('r5.tierLabel') }) }]}>
          <Radio.Group options={TIERS.map((x) => ({ value: x, label: t(`r5.tier.${x}`) }))} data-testid="r5-tier-options" />
        </Form.Item>
        <Form.Item
          name="note"
          label={needReason ? t('r5.reason') : t('r5.note')}
          rules={needReason ? [{ required: true, whitespace: true, message: t('common.required', { field: t('r5.reason') }) }, { max: 500 }] : [{ max: 500 }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid="r5-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
