import { useState } from 'react';
import { Button, NavBar, Popup, Selector, Stepper, TextArea, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import CommentOutlinedSvg from '@ant-design/icons-svg/es/asn/CommentOutlined';
import EnvironmentOutlinedSvg from '@ant-design/icons-svg/es/asn/EnvironmentOutlined';
import FireFilledSvg from '@ant-design/icons-svg/es/asn/FireFilled';
import { useNavigate, useParams } from 'react-router-dom';
import { caseAction, splitPhotos, type ActionBody, type CaseAction, type CaseDetail, type FileRef, type Rating } from '../../../api/cases.ts';
import { getOrCopy } from '../../../lib/offlineDb.ts';
import { submit as submitQueued } from '../../../lib/outbox.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { DANGER_ACTIONS, PRIMARY_ACTIONS, sortActions, useCaseLabels } from '../../../lib/cases.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MPhotoGrid, MPhotoUploader } from './MPhotos.tsx';
import { MDue, MRating, MStateTag, MTimeline } from './common.tsx';
import { MCaseMap } from './MCaseMap.tsx';
import { useLocate } from './MReport.tsx';
import { M5321 } from './M5321.tsx';

const CommentOutlined = phoneIcon(CommentOutlinedSvg);
const EnvironmentOutlined = phoneIcon(EnvironmentOutlinedSvg);
const FireFilled = phoneIcon(FireFilledSvg);

type Need = 'reason' | 'note' | 'noteOptional' | 'photos' | 'score' | 'days' | 'console';

const NEEDS: Record<CaseAction, Need[]> = {
  accept: [],
  reject: ['reason'],
  escalate: ['reason'],
  dispatch: ['console'],
  acknowledge: [],
  return: ['reason'],
  feedback: ['note', 'photos'],
  'request-extension': ['days', 'reason'],
  'approve-extension': [],
  'deny-extension': ['reason'],
  handle: ['note', 'photos'],
  'verify-pass': ['noteOptional', 'photos'],
  'verify-fail': ['reason', 'photos'],
  rate: ['score', 'noteOptional'],
  reopen: ['reason'],
  urge: ['note'],
  merge: ['console'],
  unmerge: ['console'],
  suspend: ['reason'],
  resume: [],
  withdraw: ['reason'],
};

/** A case on the phone: what, where, photos, every step, and the caller's actions (现场核查 with photos). */
export function MCase() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  // Its last copy lets a verifier in a basement act on a case opened before the signal went.
  const res = useApi((signal) => getOrCopy<CaseDetail>(`/api/cases/${id}`, undefined, signal), [id]);
  const [fresh, setFresh] = useState<CaseDetail | null>(null);
  const c = fresh?.id === id && res.loading ? fresh : res.data;

  return (
    <div className="m-page m-case" data-testid="m-case">
      <NavBar onBack={() => navigate(-1)} className="m-navbar">
        {t('m.case.detail')}
      </NavBar>
      {res.error && !res.loading ? (
        <MError error={res.error} />
      ) : !c || c.id !== id ? (
        <MLoading />
      ) : (
        <CaseBody
          c={c}
          onUpdated={(u) => {
            setFresh(u);
            res.reload();
          }}
        />
      )}
    </div>
  );
}

function CaseBody({ c, onUpdated }: { c: CaseDetail; onUpdated: (c: CaseDetail) => void }) {
  const t = useT();
  const labels = useCaseLabels();
  const [action, setAction] = useState<CaseAction | null>(null);
  const actions = sortActions(c.allowedActions);
  return (
    <div data-testid="m-case-body" data-state={c.state}>
      <div className="m-card">
        <div className="m-case-head-line">
          <span className="m-mono m-muted" data-testid="m-case-code">
            {c.code}
          </span>
          <MStateTag state={c.state} testId="m-case-state" />
        </div>
        <div className="m-case-title">
          {c.urgent && <FireFilled className="m-urgent" />}
          {c.title}
        </div>
        <div className="m-case-meta">
          <span>{c.categoryName}</span>
          <span>{labels.channel(c.channel)}</span>
          <span>{fmtTime(c.createdAt)}</span>
        </div>
        <div className="m-case-place">
          <EnvironmentOutlined /> {[c.villageName, c.areaName !== c.villageName ? c.areaName : null].filter(Boolean).join(' · ')}
          {c.address && <span className="m-muted"> {c.address}</span>}
        </div>
        {c.lead && (
          <div className="m-case-lead" data-testid="m-case-lead">
            {t('case.lead')}：{c.lead.name}
          </div>
        )}
        <div className="m-case-due-line">
          <MDue c={c} />
          {c.handlerUnit && <span className="m-muted">{t('m.case.handler', { unit: c.handlerUnit.name })}</span>}
        </div>
        <div className="m-case-desc">{c.description}</div>
        <MPhotoGrid files={c.attachments.filter((a) => (a.mime ?? 'image/').startsWith('image/'))} testId="m-case-photos" />
        {(c.location || c.verifyLocation) && <MCaseMap location={c.location} verifyLocation={c.verifyLocation ?? null} areaCode={c.areaCode} withGrid={c.units !== undefined} />}
        {c.reporter && !c.reporter.anonymous && (
          <div className="m-case-reporter m-muted">
            {t('m.case.reporter', { name: c.reporter.name ?? '—', phone: c.reporter.phone ?? '—' })}
          </div>
        )}
      </div>
      {c.response5321 && <M5321 c={c} onUpdated={onUpdated} />}
      {c.answer && (
        <div className="m-card m-answer">
          <div className="m-card-title">
            <CommentOutlined /> {t('m.case.answer')}
          </div>
          <div className="m-answer-text">{c.answer}</div>
          {c.rating && <MRating rating={c.rating} />}
        </div>
      )}
      {actions.length > 0 && (
        <div className="m-card m-actions" data-testid="m-case-actions">
          <div className="m-card-title">{t('m.case.yourActions')}</div>
          <div className="m-action-buttons">
            {actions.map((a) => (
              <Button
                key={a}
                color={PRIMARY_ACTIONS.includes(a) ? 'primary' : DANGER_ACTIONS.includes(a) ? 'danger' : 'default'}
                fill={PRIMARY_ACTIONS.includes(a) ? 'solid' : 'outline'}
                onClick={() => setAction(a)}
                data-testid={`m-action-${a}`}
              >
                {labels.action(a)}
              </Button>
            ))}
          </div>
        </div>
      )}
      <div className="m-card">
        <div className="m-card-title">{t('m.case.progress')}</div>
        <MTimeline c={c} />
      </div>
      <ActionPopup c={c} action={action} onClose={() => setAction(null)} onDone={onUpdated} />
    </div>
  );
}

function ActionPopup({ c, action, onClose, onDone }: { c: CaseDetail; action: CaseAction | null; onClose: () => void; onDone: (c: CaseDetail) => void }) {
  const t = useT();
  const labels = useCaseLabels();
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<FileRef[]>([]);
  const [score, setScore] = useState<Rating | null>(null);
  const [days, setDays] = useState(3);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const needs = action ? NEEDS[action] : [];
  const has = (n: Need) => needs.includes(n);
  // 现场核验: where the verifier stands, one tap (shown to staff beside the report's point).
  const where = useLocate();

  const close = () => {
    setText('');
    setPhotos([]);
    setScore(null);
    where.clear();
    onClose();
  };

  const submit = async () => {
    if (!action) return;
    if ((has('reason') || has('note')) && !text.trim()) return void Toast.show({ content: t(has('reason') ? 'm.case.err.reason' : 'm.case.err.note') });
    if (has('score') && !score) return void Toast.show({ content: t('m.case.err.score') });
    const body: ActionBody = {};
    if (has('reason')) body.reason = text.trim();
    if ((has('note') || has('noteOptional')) && text.trim()) {
      if (action === 'rate') body.comment = text.trim();
      else body.note = text.trim();
    }
    const split = splitPhotos(photos);
    if (has('photos') && split.ids.length) body.attachments = split.ids;
    if (action === 'verify-pass' && where.loc) body.location = { lat: where.loc.lat, lng: where.loc.lng, crs: where.loc.crs };
    if (has('score') && score) body.score = score;
    if (has('days')) body.workingDays = days;
    setBusy(true);
    try {
      // 现场核查 goes through 待发送: kept when there is no connection, sent once when it returns; if the case
      // moved on meanwhile, the 409 is shown there as a conflict.
      const onSite = action === 'verify-pass' || action === 'verify-fail';
      if (onSite) {
        const r = await submitQueued<CaseDetail>({ kind: 'verify', path: `/api/cases/${c.id}/actions/${action}`, body: { ...body }, title: `${c.code} ${c.title}`, photos: split.local });
        if (!r.sent) {
          Toast.show({ content: t('offline.queued'), duration: 2500 });
          close();
          return;
        }
        Toast.show({ content: t('case.actionDone', { action: labels.action(action) }), icon: 'success' });
        onDone(r.answer);
        close();
        return;
      }
      if (split.local.length) throw new Error(t('offline.offlineNow'));
      const u = await caseAction(c.id, action, body);
      Toast.show({ content: t('case.actionDone', { action: labels.action(action) }), icon: 'success' });
      onDone(u);
      close();
    } catch (e) {
      Toast.show({ content: e instanceof Error ? e.message : String(e), icon: 'fail', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };

  const placeholder = action ? t(PLACEHOLDER[action] ?? (has('reason') ? 'm.case.reasonPlaceholder' : 'm.case.notePlaceholder')) : '';
  return (
    <Popup visible={action !== null} onMaskClick={close} bodyClassName="m-action-popup" destroyOnClose>
      {action && (
        <div data-testid="m-action-popup" data-action={action}>
          <div className="m-popup-title">{labels.action(action)}</div>
          <div className="m-popup-case">
            <span className="m-mono">{c.code}</span> {c.title}
          </div>
          {has('console') ? (
            <div className="m-note m-note-warn">{t('m.case.useConsole')}</div>
          ) : (
            <>
              {action === 'verify-pass' && <div className="m-note">{t('case.hint.verifyPass')}</div>}
              {action === 'verify-fail' && <div className="m-note m-note-warn">{t('case.hint.verifyFail')}</div>}
              {has('score') && (
                <Selector
                  columns={3}
                  value={score ? [score] : []}
                  onChange={(v) => setScore((v[0] as Rating | undefined) ?? null)}
                  options={(['satisfied', 'basically-satisfied', 'unsatisfied'] as const).map((s) => ({ label: labels.rating(s), value: s }))}
                  className="m-score-selector"
                />
              )}
              {has('days') && (
                <div className="m-days-row">
                  <span>{t('case.form.workingDays')}</span>
                  <Stepper min={1} max={30} digits={0} value={days} onChange={(v) => setDays(v ?? 1)} />
                </div>
              )}
              {(has('reason') || has('note') || has('noteOptional')) && (
                <TextArea value={text} onChange={setText} placeholder={placeholder} rows={3} maxLength={1000} showCount className="m-textarea" data-testid="m-action-text" />
              )}
              {has('photos') && (
                <>
                  <div className="m-card-subtitle">{t(action.startsWith('verify') ? 'm.case.verifyPhotos' : 'm.case.handlePhotos')}</div>
                  <MPhotoUploader value={photos} onChange={setPhotos} onBusy={setUploading} testId="m-action-photos" />
                </>
              )}
              {action === 'verify-pass' && (
                <div className="m-days-row" data-testid="m-verify-location">
                  <span>{where.loc ? t('m.case.verifyLocated', { lat: where.loc.lat.toFixed(5), lng: where.loc.lng.toFixed(5) }) : t('m.case.verifyLocationHint')}</span>
                  <Button size="small" loading={where.busy} onClick={where.locate}>
                    <EnvironmentOutlined /> {t('m.case.verifyLocate')}
                  </Button>
                </div>
              )}
            </>
          )}
          <div className="m-popup-buttons">
            <Button onClick={close}>{t('common.cancel')}</Button>
            {!has('console') && (
              <Button color={DANGER_ACTIONS.includes(action) ? 'danger' : 'primary'} loading={busy} disabled={uploading} onClick={submit} data-testid="m-action-submit">
                {uploading ? t('m.case.uploading') : t('case.form.submit', { action: labels.action(action) })}
              </Button>
            )}
          </div>
        </div>
      )}
    </Popup>
  );
}

const PLACEHOLDER: Partial<Record<CaseAction, Parameters<ReturnType<typeof useT>>[0]>> = {
  'verify-pass': 'm.case.verifyPassPlaceholder',
  'verify-fail': 'm.case.verifyFailPlaceholder',
  handle: 'm.case.handlePlaceholder',
  rate: 'm.case.rateComment',
};
