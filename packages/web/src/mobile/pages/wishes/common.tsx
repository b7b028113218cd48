// Pieces the phone's wish and order pages share: state tags, the timeline, the action sheet.
import { useState, type ReactNode } from 'react';
import { Button, Popup, Selector, Steps, TextArea, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import CheckCircleFilledSvg from '@ant-design/icons-svg/es/asn/CheckCircleFilled';
import ClockCircleFilledSvg from '@ant-design/icons-svg/es/asn/ClockCircleFilled';
import CloseCircleFilledSvg from '@ant-design/icons-svg/es/asn/CloseCircleFilled';
import GiftFilledSvg from '@ant-design/icons-svg/es/asn/GiftFilled';
import type { FileRef } from '../../../api/cases.ts';
import { errorMessage } from '../../../api/client.ts';
import type { TimelineEntry } from '../../../api/wishes.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { MPhotoGrid, MPhotoUploader } from '../cases/MPhotos.tsx';
import './wishes.css';

const CheckCircleFilled = phoneIcon(CheckCircleFilledSvg);
const ClockCircleFilled = phoneIcon(ClockCircleFilledSvg);
const CloseCircleFilled = phoneIcon(CloseCircleFilledSvg);
const GiftFilled = phoneIcon(GiftFilledSvg);

// Dark enough for text on their own tint (WCAG AA 4.5:1).
export const STATE_COLORS: Record<string, string> = {
  submitted: '#ad4e00',
  published: '#c41d1d',
  claimed: '#0958d9',
  fulfilled: '#722ed1',
  confirmed: '#237804',
  ordered: '#ad4e00',
  dispatched: '#c41d1d',
  taken: '#0958d9',
  completed: '#722ed1',
  rated: '#237804',
  rejected: '#6e6e6e',
  cancelled: '#6e6e6e',
};

/** `kind` picks the label family: wish.state.* or order.state.*. */
export function MStatusTag({ kind, state, testId }: { kind: 'wish' | 'order'; state: string; testId?: string }) {
  const { tx } = useI18n();
  const c = STATE_COLORS[state] ?? '#6e6e6e';
  return (
    <span className="m-state" style={{ color: c, background: `${c}14`, borderColor: `${c}55` }} data-testid={testId} data-state={state}>
      {tx(`${kind}.state.${state}`, state)}
    </span>
  );
}

const BAD = new Set(['reject', 'cancel', 'decline']);

export function MEventTimeline({ kind, entries, open }: { kind: 'wish' | 'order'; entries: TimelineEntry[]; open: boolean }) {
  const { t, tx } = useI18n();
  const last = entries.length - 1;
  return (
    <div className="m-steps" data-testid="m-timeline">
      <Steps direction="vertical" current={last}>
        {entries.map((e, i) => {
          const bad = BAD.has(e.action);
          const now = i === last && open;
          return (
            <Steps.Step
              key={i}
              status={bad ? 'error' : now ? 'process' : 'finish'}
              icon={bad ? <CloseCircleFilled className="m-step-bad" /> : now ? <ClockCircleFilled className="m-step-now" /> : <CheckCircleFilled className="m-step-done" />}
              title={
                <span className="m-step-title" data-testid="m-step" data-action={e.action}>
                  {tx(`${kind}.action.${e.action}`, e.actionLabel)}
                  {e.fromState !== e.toState && <span className="m-step-state">{tx(`${kind}.state.${e.toState}`, e.toState)}</span>}
                </span>
              }
              description={
                <div className="m-step-desc">
                  <div>
                    {e.actor}
                    {e.actorUnit && <span className="m-step-unit"> · {e.actorUnit}</span>}
                    <span className="m-step-time">{fmtTime(e.at)}</span>
                  </div>
                  {e.note && <div className="m-step-note">{e.note}</div>}
                  {e.points ? (
                    <div className="m-wo-points" data-testid="m-step-points">
                      <GiftFilled /> {t(kind === 'wish' ? 'wish.points' : 'order.points', { n: e.points })}
                    </div>
                  ) : null}
                  {e.attachments.length > 0 && <MPhotoGrid files={e.attachments} />}
                </div>
              }
            />
          );
        })}
      </Steps>
    </div>
  );
}

export type Need = 'reason' | 'note' | 'photos' | 'score' | 'comment';

export interface ActionSheetProps<A extends string> {
  action: A | null;
  title: string;
  subtitle: ReactNode;
  needs: Need[];
  hint?: string;
  danger?: boolean;
  placeholders: { reason: string; note: string; comment?: string };
  errors: { reason: string; note: string; score?: string };
  scores?: { value: string; label: string }[];
  onClose: () => void;
  submit: (body: { reason?: string; note?: string; attachments?: string[]; score?: string; comment?: string }) => Promise<void>;
}

/** The bottom sheet of one action: the fields it needs, then the call. */
export function MActionSheet<A extends string>(p: ActionSheetProps<A>) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<FileRef[]>([]);
  const [score, setScore] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const has = (n: Need) => p.needs.includes(n);
  const close = () => {
    setText('');
    setPhotos([]);
    setScore(null);
    p.onClose();
  };
  const go = async () => {
    if ((has('reason') || has('note')) && !text.trim()) return void Toast.show({ content: has('reason') ? p.errors.reason : p.errors.note });
    if (has('score') && !score) return void Toast.show({ content: p.errors.score ?? '' });
    const body: Parameters<typeof p.submit>[0] = {};
    if (has('reason')) body.reason = text.trim();
    if (has('note')) body.note = text.trim();
    if (has('comment') && text.trim()) body.comment = text.trim();
    if (has('photos') && photos.length) body.attachments = photos.map((f) => f.id);
    if (has('score') && score) body.score = score;
    setBusy(true);
    try {
      await p.submit(body);
      close();
    } catch (e) {
      Toast.show({ content: errorMessage(e), icon: 'fail', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };
  const placeholder = has('reason') ? p.placeholders.reason : has('note') ? p.placeholders.note : (p.placeholders.comment ?? '');
  return (
    <Popup visible={p.action !== null} onMaskClick={close} bodyClassName="m-action-popup" destroyOnClose>
      {p.action && (
        <div data-testid="m-action-popup" data-action={p.action}>
          <div className="m-popup-title">{p.title}</div>
          <div className="m-popup-case">{p.subtitle}</div>
          {p.hint && <div className="m-note">{p.hint}</div>}
          {has('score') && p.scores && (
            <Selector columns={3} value={score ? [score] : []} onChange={(v) => setScore(v[0] ?? null)} options={p.scores} className="m-score-selector" data-testid="m-score" />
          )}
          {(has('reason') || has('note') || has('comment')) && (
            <TextArea value={text} onChange={setText} placeholder={placeholder} rows={3} maxLength={1000} showCount className="m-textarea" data-testid="m-action-text" />
          )}
          {has('photos') && <MPhotoUploader value={photos} onChange={setPhotos} onBusy={setUploading} testId="m-action-photos" />}
          <div className="m-popup-buttons">
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button color={p.danger ? 'danger' : 'primary'} loading={busy} disabled={uploading} onClick={go} data-testid="m-action-submit">
              {uploading ? t('m.case.uploading') : p.title}
            </Button>
          </div>
        </div>
      )}
    </Popup>
  );
}

/** Home tiles, shaped like the other entries of the phone's home page. */
export function MTiles({ title, testId, tiles }: { title: string; testId: string; tiles: { key: string; icon: ReactNode; title: string; desc: string; onClick: () => void; tone: string }[] }) {
  if (!tiles.length) return null;
  return (
    <div className="m-card m-wo-entry" data-testid={testId}>
      <div className="m-card-title">{title}</div>
      <div className={`m-wo-grid m-wo-grid-${Math.min(tiles.length, 4)}`}>
        {tiles.map((tile) => (
          <button key={tile.key} type="button" className="m-wo-tile" onClick={tile.onClick} data-testid={`${testId}-${tile.key}`}>
            <span className={`m-wo-icon ${tile.tone}`}>{tile.icon}</span>
            <span className="m-wo-tile-title">{tile.title}</span>
            <span className="m-wo-tile-desc">{tile.desc}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
