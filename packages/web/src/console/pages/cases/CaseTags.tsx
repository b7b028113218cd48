import { Tag, Tooltip } from 'antd';
import { FireOutlined, RedoOutlined, StarFilled } from '@ant-design/icons';
import type { CaseState, CaseSummary } from '../../../api/cases.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { STATE_COLOURS, useCaseLabels, useNow, useRemaining } from '../../../lib/cases.ts';

export function StateTag({ state, testId }: { state: CaseState; testId?: string }) {
  const labels = useCaseLabels();
  return (
    <Tag color={STATE_COLOURS[state]} className="gz-state-tag" data-testid={testId} data-state={state}>
      {labels.state(state)}
    </Tag>
  );
}

export function UrgentTag() {
  const t = useT();
  return (
    <Tag color="red" icon={<FireOutlined />} className="gz-urgent-tag">
      {t('case.urgent')}
    </Tag>
  );
}

export function ReworkTag({ n }: { n: number }) {
  const t = useT();
  if (!n) return null;
  return (
    <Tooltip title={t('case.reworkHint', { n })}>
      <Tag color="volcano" variant="outlined" icon={<RedoOutlined />}>
        {t('case.rework', { n })}
      </Tag>
    </Tooltip>
  );
}

/**
 * The step deadline with a traffic light: green on time, yellow when the server says it is close
 * (`warning`), red when it is past (`overdue`); grey once the case no longer runs a clock.
 */
export function DueLight({ c, showTime = true }: { c: Pick<CaseSummary, 'stepDeadline' | 'deadline' | 'overdue' | 'warning' | 'state'>; showTime?: boolean }) {
  const t = useT();
  const now = useNow();
  const remaining = useRemaining();
  const running = ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled'].includes(c.state);
  const due = c.stepDeadline ?? c.deadline;
  if (!running || !due) {
    return <span className="gz-due gz-due-none">{c.state === 'suspended' ? t('case.clockStopped') : '—'}</span>;
  }
  const tone = c.overdue ? 'overdue' : c.warning ? 'warning' : 'ok';
  const r = remaining(due, now);
  return (
    <Tooltip title={`${t('case.stepDeadline')}：${fmtTime(due)}`}>
      <span className={`gz-due gz-due-${tone}`} data-testid="due-light" data-tone={tone}>
        <i className="gz-due-dot" />
        <span className="gz-due-text">{r?.text}</span>
        {showTime && <span className="gz-due-time">{fmtTime(due)}</span>}
      </span>
    </Tooltip>
  );
}

export function RatingBadge({ rating }: { rating: string }) {
  const labels = useCaseLabels();
  const stars = rating === 'satisfied' ? 3 : rating === 'basically-satisfied' ? 2 : 1;
  return (
    <span className={`gz-rating gz-rating-${rating}`}>
      {Array.from({ length: 3 }, (_, i) => (
        <StarFilled key={i} className={i < stars ? 'gz-star-on' : 'gz-star-off'} />
      ))}
      <span className="gz-rating-label">{labels.rating(rating)}</span>
    </span>
  );
}
