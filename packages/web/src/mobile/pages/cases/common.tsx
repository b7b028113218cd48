import { Steps } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import CheckCircleFilledSvg from '@ant-design/icons-svg/es/asn/CheckCircleFilled';
import ClockCircleFilledSvg from '@ant-design/icons-svg/es/asn/ClockCircleFilled';
import CloseCircleFilledSvg from '@ant-design/icons-svg/es/asn/CloseCircleFilled';
import ExclamationCircleFilledSvg from '@ant-design/icons-svg/es/asn/ExclamationCircleFilled';
import StarFilledSvg from '@ant-design/icons-svg/es/asn/StarFilled';
import type { CaseDetail, CaseState, CaseSummary } from '../../../api/cases.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { STATE_HEX, useCaseLabels, useNow, useRemaining } from '../../../lib/cases.ts';
import { MPhotoGrid } from './MPhotos.tsx';

const CheckCircleFilled = phoneIcon(CheckCircleFilledSvg);
const ClockCircleFilled = phoneIcon(ClockCircleFilledSvg);
const CloseCircleFilled = phoneIcon(CloseCircleFilledSvg);
const ExclamationCircleFilled = phoneIcon(ExclamationCircleFilledSvg);
const StarFilled = phoneIcon(StarFilledSvg);

export function MStateTag({ state, testId }: { state: CaseState; testId?: string }) {
  const labels = useCaseLabels();
  const c = STATE_HEX[state];
  return (
    <span className="m-state" style={{ color: c, background: `${c}14`, borderColor: `${c}55` }} data-testid={testId} data-state={state}>
      {labels.state(state)}
    </span>
  );
}

/** The traffic light of the step deadline, as on the console. */
export function MDue({ c }: { c: Pick<CaseSummary, 'state' | 'stepDeadline' | 'overdue' | 'warning'> }) {
  const now = useNow();
  const remaining = useRemaining();
  if (!['reported', 'accepted', 'dispatched', 'acknowledged', 'handled'].includes(c.state) || !c.stepDeadline) return null;
  const tone = c.overdue ? 'overdue' : c.warning ? 'warning' : 'ok';
  return (
    <span className={`m-due m-due-${tone}`} data-tone={tone}>
      <i />
      {remaining(c.stepDeadline, now)?.text}
    </span>
  );
}

export function MRating({ rating }: { rating: string }) {
  const labels = useCaseLabels();
  const stars = rating === 'satisfied' ? 3 : rating === 'basically-satisfied' ? 2 : 1;
  return (
    <span className={`m-rating m-rating-${rating}`} data-testid="m-rating">
      {Array.from({ length: 3 }, (_, i) => (
        <StarFilled key={i} className={i < stars ? 'm-star-on' : 'm-star-off'} />
      ))}
      <span className="m-rating-label">{labels.rating(rating)}</span>
    </span>
  );
}

/** Every step of the case's timeline, the newest last, as antd-mobile Steps. */
export function MTimeline({ c }: { c: CaseDetail }) {
  const labels = useCaseLabels();
  const t = useT();
  const last = c.timeline.length - 1;
  const open = ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled', 'suspended'].includes(c.state);
  return (
    <div className="m-steps" data-testid="m-timeline">
      <Steps direction="vertical" current={last}>
        {c.timeline.map((e, i) => {
          const bad = e.action === 'verify-fail' || e.action === 'overdue' || e.action === 'reject' || e.action === 'reopen';
          const icon = bad ? (
            <CloseCircleFilled className="m-step-bad" />
          ) : i === last && open ? (
            <ClockCircleFilled className="m-step-now" />
          ) : e.action === 'urge' || e.action === 'deadline-warning' ? (
            <ExclamationCircleFilled className="m-step-warn" />
          ) : (
            <CheckCircleFilled className="m-step-done" />
          );
          return (
            <Steps.Step
              key={i}
              status={bad ? 'error' : i === last && open ? 'process' : 'finish'}
              icon={icon}
              title={
                <span className="m-step-title" data-testid="m-step" data-action={e.action}>
                  {labels.serverLabel(e.actionLabel, `case.action.${e.action}`)}
                  {e.toState && e.fromState !== e.toState && <span className="m-step-state">{labels.state(e.toState)}</span>}
                </span>
              }
              description={
                <div className="m-step-desc">
                  <div>
                    {e.actor}
                    {e.actorUnit && e.actorUnit !== e.actor && <span className="m-step-unit"> · {e.actorUnit}</span>}
                    <span className="m-step-time">{fmtTime(e.at)}</span>
                  </div>
                  {e.note && <div className="m-step-note">{e.note}</div>}
                  {e.attachments.length > 0 && <MPhotoGrid files={e.attachments} />}
                </div>
              }
            />
          );
        })}
        {open && (
          <Steps.Step
            status="wait"
            title={<span className="m-step-title m-muted">{t('m.case.waitingFor', { state: labels.state(c.state) })}</span>}
            description={c.stepDeadline ? <span className="m-muted">{t('m.case.dueBy', { at: fmtTime(c.stepDeadline) })}</span> : undefined}
          />
        )}
      </Steps>
    </div>
  );
}

// ---- the reporter's own recent reports, on this phone only -----------------------------------

const RECENT = 'gz.myReports';

export interface RecentReport {
  code: string;
  /** The query code given at submission, kept on the reporter's own phone only. */
  queryCode: string;
  title: string;
  at: string;
}

export function rememberReport(r: RecentReport) {
  try {
    const list = recentReports().filter((x) => x.code !== r.code);
    localStorage.setItem(RECENT, JSON.stringify([r, ...list].slice(0, 10)));
  } catch {
    // storage full or disabled: the code on screen is still the way back
  }
}

export function recentReports(): RecentReport[] {
  try {
    const v = JSON.parse(localStorage.getItem(RECENT) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as RecentReport[]).filter((x) => typeof x?.code === 'string' && typeof x.queryCode === 'string') : [];
  } catch {
    return [];
  }
}
