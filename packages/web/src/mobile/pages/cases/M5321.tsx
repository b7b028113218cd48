import { useState } from 'react';
import { Button, Popup, Selector, Tag, TextArea, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import ThunderboltOutlinedSvg from '@ant-design/icons-svg/es/asn/ThunderboltOutlined';
import { record5321, type CaseDetail, type Status5321, type Tier5321 } from '../../../api/cases.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useNow, useRemaining } from '../../../lib/cases.ts';
import { nextStep, statusAt } from '../../../lib/rule5321.ts';

const ThunderboltOutlined = phoneIcon(ThunderboltOutlinedSvg);

const COLOUR: Record<Status5321, 'success' | 'warning' | 'danger' | 'primary' | 'default'> = { done: 'success', late: 'warning', overdue: 'danger', running: 'primary', waiting: 'default' };
const TIERS: Tier5321[] = ['general', 'larger', 'complex'];

/** 5321 on the phone: the steps ticking, and the next step (the reply with its tier) in one tap. */
export function M5321({ c, onUpdated }: { c: CaseDetail; onUpdated: (c: CaseDetail) => void }) {
  const t = useT();
  const now = useNow(10_000);
  const remaining = useRemaining();
  const [open, setOpen] = useState(false);
  const [tier, setTier] = useState<Tier5321 | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const r = c.response5321;
  if (!r) return null;
  const status = statusAt(r, now);
  const next = r.allowedActions.includes('step') ? nextStep(r) : null;
  const canTier = r.allowedActions.includes('tier');
  const asCentre = canTier && !r.allowedActions.includes('step');
  const rows = [...r.steps.map((s) => ({ key: s.step, due: s.dueAt as string | null, done: s.doneAt })), { key: 'resolve' as const, due: r.resolveDueAt, done: null }];

  const send = async (body: Parameters<typeof record5321>[1]) => {
    setBusy(true);
    try {
      onUpdated(await record5321(c.id, body));
      Toast.show({ content: t('r5.saved'), icon: 'success' });
      setOpen(false);
      setNote('');
    } catch (e) {
      Toast.show({ content: e instanceof Error ? e.message : String(e), icon: 'fail', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="m-card" data-testid="m-5321">
      <div className="m-card-title">
        <ThunderboltOutlined /> {t('r5.title')}
      </div>
      {rows.map((row) => {
        const st = status[row.key];
        const left = !row.done && row.due && (st === 'running' || st === 'overdue') ? remaining(row.due, now) : null;
        return (
          <div key={row.key} className="m-5321-row" data-testid={`m-r5-${row.key}`} data-status={st}>
            <span className="m-5321-step">{t(`r5.step.${row.key}`)}</span>
            <Tag color={COLOUR[st]} fill="outline">
              {t(`r5.status.${st}`)}
            </Tag>
            <span className="m-muted m-5321-time">{row.done ? fmtTime(row.done).slice(11) : left ? left.text : row.due ? fmtTime(row.due).slice(5) : t('r5.tierNone')}</span>
          </div>
        );
      })}
      <div className="m-muted m-5321-tier">
        {t('r5.tierLabel')}：{r.tier ? t(`r5.tier.${r.tier}`) : t('r5.tierNone')}
        {r.tierBy ? `（${t(`r5.tierBy.${r.tierBy}`)}）` : ''}
      </div>
      {(next || canTier) && (
        <div className="m-action-buttons">
          {next && next !== 'reply' && (
            <Button color="primary" size="small" loading={busy} onClick={() => send({ step: next })} data-testid="m-r5-record">
              {t('r5.record', { step: t(`r5.step.${next}`) })}
            </Button>
          )}
          {(next === 'reply' || canTier) && (
            <Button color={next === 'reply' ? 'primary' : 'default'} fill={next === 'reply' ? 'solid' : 'outline'} size="small" onClick={() => { setTier(r.tier); setOpen(true); }} data-testid="m-r5-tier">
              {next === 'reply' ? t('r5.record', { step: t('r5.step.reply') }) : r.tier ? t('r5.changeTier') : t('r5.setTier')}
            </Button>
          )}
        </div>
      )}
      <Popup visible={open} onMaskClick={() => setOpen(false)} bodyClassName="m-action-popup" destroyOnClose>
        <div className="m-popup-title">{next === 'reply' ? t('r5.record', { step: t('r5.step.reply') }) : t('r5.tierLabel')}</div>
        <Selector columns={1} options={TIERS.map((x) => ({ value: x, label: t(`r5.tier.${x}`) }))} value={tier ? [tier] : []} onChange={(v) => setTier((v[0] as Tier5321) ?? null)} />
        <TextArea value={note} onChange={setNote} placeholder={asCentre ? t('r5.reason') : t('r5.note')} rows={2} maxLength={500} />
        <Button
          block
          color="primary"
          loading={busy}
          disabled={!tier || (asCentre && !note.trim())}
          onClick={() => {
            if (tier) void send(next === 'reply' && !asCentre ? { step: 'reply', tier, note: note.trim() || undefined } : { tier, note: note.trim() || undefined });
          }}
          data-testid="m-r5-save"
        >
          {t('common.save')}
        </Button>
      </Popup>
    </div>
  );
}
