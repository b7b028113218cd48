import { Suspense, lazy, useState, type ReactNode } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Empty, Image, Row, Space, Spin, Steps, Tag, Timeline, Tooltip, Typography } from 'antd';
import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  EnvironmentOutlined,
  ExclamationCircleFilled,
  FilePdfOutlined,
  ReloadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { getCase, prefetchCase, type CaseAction, type CaseDetail, type CaseState, type FileRef, type TimelineEntry } from '../../../api/cases.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { DANGER_ACTIONS, PRIMARY_ACTIONS, sortActions, useCaseLabels, useCatalogue, useNow, useRemaining } from '../../../lib/cases.ts';
import { useApi } from '../../../lib/useApi.ts';
import type { Prefetch } from '../../../lib/preloadable.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { ActionModal } from './ActionModal.tsx';
import { CaseMeetings } from './CaseMeetings.tsx';
import { Case5321 } from './Case5321.tsx';
import { CaseEvaluation } from './CaseEvaluation.tsx';
import { CaseGroupCard } from './CaseGroupCard.tsx';
import { RatingBadge, ReworkTag, StateTag, UrgentTag } from './CaseTags.tsx';

const CaseMap = lazy(() => import('./CaseMap.tsx'));

/** Its case is asked for before its first render (lib/preloadable.ts). */
export const prefetch: Prefetch = ({ params }) => params.id && prefetchCase(params.id);

export default function CasePage() {
  const t = useT();
  const { id = '' } = useParams();
  const res = useApi((signal) => getCase(id, signal), [id]);
  const [fresh, setFresh] = useState<CaseDetail | null>(null);
  // The answer of the last action is the newest view while the page reloads the case.
  const c = fresh?.id === id && res.loading ? fresh : res.data;

  if (res.error && !res.loading) {
    return (
      <Card className="gz-card">
        <LoadError error={res.error} onRetry={res.reload} />
      </Card>
    );
  }
  if (!c || c.id !== id) {
    return (
      <div className="gz-page-loading">
        <Spin />
      </div>
    );
  }
  return (
    <CaseView
      key={c.id}
      c={c}
      refreshing={res.loading}
      onReload={() => {
        setFresh(null);
        res.reload();
      }}
      onUpdated={(u) => {
        setFresh(u);
        res.reload();
      }}
      backLabel={t('menu.cases')}
    />
  );
}

function CaseView({ c, refreshing, onReload, onUpdated, backLabel }: { c: CaseDetail; refreshing: boolean; onReload: () => void; onUpdated: (c: CaseDetail) => void; backLabel: string }) {
  const t = useT();
  const labels = useCaseLabels();
  const cat = useCatalogue();
  const [action, setAction] = useState<CaseAction | null>(null);
  const actions = sortActions(c.allowedActions);
  const type = cat.byCode.get(c.categoryCode);
  const photos = c.attachments.filter((a) => (a.mime ?? '').startsWith('image/'));
  const docs = c.attachments.filter((a) => !(a.mime ?? '').startsWith('image/'));

  return (
    <div className="gz-page gz-case-page" data-testid="case-page" data-case-id={c.id} data-state={c.state}>
      <Breadcrumb
        className="gz-case-breadcrumb"
        items={[{ key: 'inbox', title: <Link to="/cases">{backLabel}</Link> }, { key: 'code', title: c.code }]}
      />
      <Card className="gz-card gz-case-head">
        <div className="gz-case-head-row">
          <div className="gz-case-head-main">
            <div className="gz-case-code-line">
              <Typography.Text copyable={{ text: c.code }} className="gz-mono gz-case-code" data-testid="case-code">
                {c.code}
              </Typography.Text>
              <Tag variant="outlined">{labels.channel(c.channel)}</Tag>
              <span className="gz-muted">
                {t('case.reportedAt')} {fmtTime(c.createdAt)}
              </span>
            </div>
            <h1 className="gz-case-title" data-testid="case-title">
              {c.title}
            </h1>
            <Space size={6} wrap>
              <StateTag state={c.state} testId="case-state" />
              {c.urgent && <UrgentTag />}
              {c.overdue && (
                <Tag color="red" icon={<ExclamationCircleFilled />} data-testid="case-overdue">
                  {t('case.overdue')}
                </Tag>
              )}
              {!c.overdue && c.warning && (
                <Tag color="warning" icon={<ClockCircleOutlined />}>
                  {t('case.warning')}
                </Tag>
              )}
              <ReworkTag n={c.reworkCount} />
              <Tag>{t('case.owner', { area: c.ownerArea.name, level: labels.ownerLevel(c.ownerLevel) })}</Tag>
            </Space>
          </div>
          <DeadlineBlock c={c} />
        </div>
        <LoopSteps c={c} />
        {c.pendingExtension && (
          <Alert
            type="warning"
            showIcon
            className="gz-case-alert"
            title={t('case.extension.pending', { n: c.pendingExtension.workingDays, by: c.pendingExtension.requestedBy ?? '—' })}
            description={`${c.pendingExtension.reason}（${fmtTime(c.pendingExtension.requestedAt)}）`}
            data-testid="case-extension"
          />
        )}
        {c.state === 'merged' && c.mergedIntoId && (
          <Alert type="info" showIcon className="gz-case-alert" title={<Link to={`/cases/${c.mergedIntoId}`}>{t('case.mergedInto')}</Link>} />
        )}
        <div className="gz-case-actions" data-testid="case-actions">
          {actions.length === 0 ? (
            <span className="gz-muted" data-testid="case-no-actions">
              {t('case.noActions')}
            </span>
          ) : (
            actions.map((a) => (
              <Button
                key={a}
                type={PRIMARY_ACTIONS.includes(a) ? 'primary' : 'default'}
                danger={DANGER_ACTIONS.includes(a)}
                onClick={() => setAction(a)}
                data-testid={`case-action-${a}`}
              >
                {labels.action(a)}
              </Button>
            ))
          )}
          <Button icon={<ReloadOutlined />} onClick={onReload} loading={refreshing} className="gz-case-reload" data-testid="case-reload">
            {t('common.refresh')}
          </Button>
        </div>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card className="gz-card" title={t('case.section.info')} size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              className="gz-case-desc"
              items={[
                {
                  key: 'type',
                  label: t('case.field.type'),
                  children: (
                    <span data-testid="case-type">
                      {c.categoryName ?? cat.name(c.categoryCode)} <span className="gz-muted gz-mono-soft">{c.categoryCode}</span>
                    </span>
                  ),
                },
                { key: 'channel', label: t('case.field.channel'), children: labels.channel(c.channel) },
                ...(c.lead
                  ? [{ key: 'lead', label: t('case.lead'), children: <span data-testid="case-lead" title={t('case.leadHint')}>{c.lead.name}</span> }]
                  : []),
                { key: 'place', label: t('case.field.place'), children: [c.townName, c.villageName, c.areaName !== c.villageName ? c.areaName : null].filter(Boolean).join(' / ') || '—' },
                { key: 'address', label: t('case.field.address'), children: c.address ?? '—' },
                { key: 'handler', label: t('case.field.handler'), children: c.handlerUnit?.name ?? '—' },
                { key: 'deadline', label: t('case.field.deadline'), children: fmtTime(c.deadline) },
                // The row is there while the catalogue loads (empty), so the page does not move when it arrives.
                ...(type || !cat.loaded ? [{ key: 'limits', label: t('case.field.limits'), span: 2, children: <span className="gz-muted">{type ? labels.specs(type.deadline) : '\u00a0'}</span> }] : []),
                { key: 'public', label: t('case.field.public'), children: c.public ? t('case.public.yes') : t('case.public.no') },
                { key: 'verify', label: t('case.field.verifyOnSite'), children: type ? (type.verifyOnSite ? t('common.yes') : t('common.no')) : '—' },
              ]}
            />
            <div className="gz-case-desc-title">{t('case.field.description')}</div>
            <div className="gz-case-description" data-testid="case-description">
              {c.description}
            </div>
            {(photos.length > 0 || docs.length > 0) && (
              <>
                <div className="gz-case-desc-title">{t('case.field.photos', { n: c.attachments.length })}</div>
                <Photos files={photos} docs={docs} testId="case-photos" />
              </>
            )}
          </Card>

          {(c.answer || c.rating) && (
            <Card className="gz-card gz-answer-card" title={t('case.section.answer')} size="small" data-testid="case-answer">
              {c.answer && <div className="gz-answer">{c.answer}</div>}
              {c.rating && (
                <div className="gz-rating-line" data-testid="case-rating">
                  <RatingBadge rating={c.rating} />
                  {c.ratedBy && (
                    <span className="gz-muted" data-testid="case-rated-by">
                      {t(c.ratedBy === 'visit' ? 'case.ratedBy.visit' : 'case.ratedBy.reporter')}
                    </span>
                  )}
                  {c.ratingComment && <span className="gz-rating-comment">“{c.ratingComment}”</span>}
                </div>
              )}
            </Card>
          )}

          {c.units && c.state === 'closed' && <CaseEvaluation c={c} onSaved={onReload} />}

          <Card className="gz-card" title={t('case.section.timeline', { n: c.timeline.length })} size="small">
            <CaseTimeline c={c} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          {c.groupId && <CaseGroupCard key={`${c.id}:${c.state}:${c.timeline.length}`} caseId={c.id} onChanged={onReload} />}
          {c.response5321 && <Case5321 c={c} onUpdated={onUpdated} />}
          <Card
            className="gz-card"
            title={
              <span>
                <EnvironmentOutlined /> {t('case.section.location')}
              </span>
            }
            size="small"
          >
            <Suspense
              fallback={
                <div className="gz-map-placeholder">
                  <Spin />
                </div>
              }
            >
              <CaseMap location={c.location} areaCode={c.areaCode} verifyLocation={c.verifyLocation ?? null} />
            </Suspense>
            <div className="gz-case-place">
              <div>{[c.townName, c.villageName, c.areaName].filter((x, i, a) => x && a.indexOf(x) === i).join(' · ')}</div>
              {c.address && <div className="gz-muted">{c.address}</div>}
              {c.location && (
                <div className="gz-muted gz-mono-soft">
                  WGS84 {c.location.lat.toFixed(6)}, {c.location.lng.toFixed(6)}
                </div>
              )}
            </div>
          </Card>
          {c.reporter && (
            <Card
              className="gz-card"
              title={
                <span>
                  <UserOutlined /> {t('case.section.reporter')}
                </span>
              }
              size="small"
              data-testid="case-reporter"
            >
              {c.reporter.anonymous ? (
                <span className="gz-muted">{t('case.reporter.anonymous')}</span>
              ) : (
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'name', label: t('case.reporter.name'), children: c.reporter.name ?? '—' },
                    { key: 'phone', label: t('case.reporter.phone'), children: <span className="gz-mono">{c.reporter.phone ?? '—'}</span> },
                  ]}
                />
              )}
              <div className="gz-muted gz-small">{t('case.reporter.masked')}</div>
            </Card>
          )}
          {c.units && (
            <Card className="gz-card" title={t('case.section.units')} size="small" data-testid="case-units">
              {c.units.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.units.none')} />
              ) : (
                <div className="gz-units">
                  {c.units.map((u) => (
                    <div key={u.id} className={`gz-unit-row gz-unit-${u.status}`}>
                      <div className="gz-unit-line">
                        <Tag color={u.role === 'lead' ? 'red' : 'blue'}>{labels.unitRole(u.role)}</Tag>
                        <span className="gz-unit-name">{u.name}</span>
                        <Tag className="gz-unit-status" color={UNIT_STATUS_COLOUR[u.status] ?? 'default'}>
                          {labels.unitStatus(u.status)}
                        </Tag>
                      </div>
                      {u.note && <div className="gz-unit-note">{u.note}</div>}
                    </div>
                  ))}
                </div>
              )}
            </Card>
          )}
          {c.units?.some((u) => u.role === 'assist') && <CaseMeetings caseId={c.id} onRecorded={onReload} />}
        </Col>
      </Row>
      <ActionModal c={c} action={action} onClose={() => setAction(null)} onDone={onUpdated} />
    </div>
  );
}

const UNIT_STATUS_COLOUR: Record<string, string> = {
  dispatched: 'gold',
  acknowledged: 'processing',
  feedback: 'cyan',
  done: 'success',
  returned: 'default',
};

function DeadlineBlock({ c }: { c: CaseDetail }) {
  const t = useT();
  const now = useNow();
  const remaining = useRemaining();
  const running = ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled'].includes(c.state);
  const step = c.stepDeadline;
  const r = running ? remaining(step, now) : null;
  const tone = c.overdue ? 'overdue' : c.warning ? 'warning' : 'ok';
  return (
    <div className={`gz-deadline gz-deadline-${running && step ? tone : 'none'}`} data-testid="case-deadline" data-tone={running && step ? tone : 'none'}>
      <div className="gz-deadline-label">{running ? t('case.stepDeadlineOf', { step: t(STEP_OF_STATE[c.state] ?? 'case.step.handle') }) : t('case.deadlineDone')}</div>
      {running && step ? (
        <>
          <div className="gz-deadline-value">{r?.text}</div>
          <div className="gz-deadline-time">{fmtTime(step)}</div>
        </>
      ) : (
        <div className="gz-deadline-value gz-deadline-muted">{c.state === 'suspended' ? t('case.clockStopped') : c.closedAt ? fmtTime(c.closedAt) : '—'}</div>
      )}
    </div>
  );
}

const STEP_OF_STATE: Partial<Record<CaseState, Parameters<ReturnType<typeof useT>>[0]>> = {
  reported: 'case.step.accept',
  accepted: 'case.step.dispatch',
  dispatched: 'case.step.acknowledge',
  acknowledged: 'case.step.handle',
  handled: 'case.step.verify',
};

/** The closed loop at a glance: 上报 → 受理 → 派遣 → 签收 → 办结 → 核查 → 评价. */
export function LoopSteps({ c }: { c: CaseDetail }) {
  const t = useT();
  const keys = ['report', 'accept', 'dispatch', 'acknowledge', 'handle', 'verify', 'rate'] as const;
  const reached: Record<(typeof keys)[number], string | null> = { report: c.createdAt, accept: null, dispatch: null, acknowledge: null, handle: null, verify: null, rate: null };
  for (const e of c.timeline) {
    if (e.action === 'accept' || (e.action === 'escalate' && !reached.accept) || e.action === 'auto-escalate') reached.accept ??= e.at;
    if (e.action === 'dispatch') reached.dispatch = e.at;
    if (e.action === 'acknowledge') reached.acknowledge = e.at;
    if (e.action === 'handle') reached.handle = e.at;
    if (e.action === 'verify-pass') reached.verify = e.at;
    if (e.action === 'rate') reached.rate = e.at;
  }
  const current: Record<CaseState, number> = { reported: 1, accepted: 2, dispatched: 3, acknowledged: 4, handled: 5, closed: c.rating ? 7 : 6, rejected: 1, withdrawn: 1, merged: 1, suspended: 4 };
  let at = current[c.state];
  // A case settled without dispatch (community handled it, or on the spot) skips 派遣 and 签收.
  if (c.state === 'suspended') at = reached.acknowledge ? 4 : reached.dispatch ? 3 : 2;
  const failed = ['rejected', 'withdrawn', 'merged'].includes(c.state);
  return (
    <Steps
      size="small"
      className="gz-loop-steps"
      current={Math.min(at, keys.length - 1)}
      status={failed ? 'error' : c.state === 'closed' && c.rating ? 'finish' : c.overdue ? 'error' : 'process'}
      items={keys.map((k, i) => ({
        title: t(`case.loop.${k}`),
        content: reached[k] ? fmtTime(reached[k]).slice(5) : i === at && !failed ? <span className="gz-muted">{t('case.loop.now')}</span> : undefined,
      }))}
      data-testid="case-loop"
    />
  );
}

export function Photos({ files, docs = [], testId, size = 96 }: { files: FileRef[]; docs?: FileRef[]; testId?: string; size?: number }) {
  return (
    <div className="gz-photos" data-testid={testId}>
      <Image.PreviewGroup>
        {files.map((f) => (
          <Image key={f.id} src={f.url} width={size} height={size} className="gz-photo" alt={f.name} />
        ))}
      </Image.PreviewGroup>
      {docs.map((d) => (
        <a key={d.id} href={d.url} target="_blank" rel="noreferrer" className="gz-doc">
          <FilePdfOutlined /> {d.name}
        </a>
      ))}
    </div>
  );
}

const BLUE = '#1d5fa8';
const GREEN = '#389e0d';
const ORANGE = '#d46b08';
const RED = '#cf1322';
const GREY = '#8c8c8c';
const ACTION_COLOUR: Record<string, string> = {
  report: BLUE,
  accept: BLUE,
  escalate: ORANGE,
  'auto-escalate': ORANGE,
  dispatch: BLUE,
  acknowledge: BLUE,
  feedback: BLUE,
  'request-extension': ORANGE,
  'approve-extension': BLUE,
  'deny-extension': GREY,
  handle: GREEN,
  'verify-pass': GREEN,
  'verify-fail': RED,
  reject: GREY,
  return: ORANGE,
  overdue: RED,
  'deadline-warning': ORANGE,
  urge: RED,
  rate: GREEN,
  reopen: RED,
  withdraw: GREY,
  merge: GREY,
  'merged-from': GREY,
  suspend: GREY,
  resume: BLUE,
};

const ACTION_ICON: Record<string, ReactNode> = {
  'verify-pass': <CheckCircleFilled />,
  'verify-fail': <CloseCircleFilled />,
  overdue: <ExclamationCircleFilled />,
};

function CaseTimeline({ c }: { c: CaseDetail }) {
  const labels = useCaseLabels();
  const t = useT();
  return (
    <Timeline
      className="gz-timeline"
      data-testid="case-timeline"
      items={c.timeline.map((e, i) => ({
        key: i,
        color: ACTION_COLOUR[e.action] ?? GREY,
        icon: ACTION_ICON[e.action],
        content: <TimelineItem e={e} labels={labels} t={t} />,
      }))}
    />
  );
}

function TimelineItem({ e, labels, t }: { e: TimelineEntry; labels: ReturnType<typeof useCaseLabels>; t: ReturnType<typeof useT> }) {
  const moved = e.fromState && e.toState && e.fromState !== e.toState;
  const detail = e.detail ?? {};
  const extra: string[] = [];
  if (typeof detail.unit === 'string') extra.push(`${t('case.dispatch.lead')}：${detail.unit}`);
  if (Array.isArray(detail.assistUnits) && detail.assistUnits.length) extra.push(`${t('case.dispatch.assist')}：${(detail.assistUnits as string[]).join('、')}`);
  if (typeof detail.toLevel === 'string') extra.push(`${t('case.timeline.toLevel')}：${labels.ownerLevel(detail.toLevel)}`);
  if (typeof detail.workingDays === 'number') extra.push(t('case.timeline.workingDays', { n: detail.workingDays }));
  if (typeof detail.newDeadline === 'string') extra.push(`${t('case.timeline.newDeadline')}：${fmtTime(detail.newDeadline)}`);
  if (typeof detail.intoCode === 'string') extra.push(`${t('case.timeline.mergedInto')}：${detail.intoCode}`);
  if (typeof detail.fromCode === 'string') extra.push(`${t('case.timeline.mergedFrom')}：${detail.fromCode}`);
  if (typeof detail.score === 'string') extra.push(`${t('case.form.score')}：${labels.rating(detail.score)}`);
  if (detail.by === 'visit' || detail.by === 'reporter') extra.push(t(detail.by === 'visit' ? 'case.ratedBy.visit' : 'case.ratedBy.reporter'));
  if (typeof detail.supersedes === 'string') extra.push(t('case.ratedBy.supersedes', { rating: labels.rating(detail.supersedes) }));
  if (typeof detail.pausedMinutes === 'number') extra.push(t('case.timeline.paused', { n: detail.pausedMinutes }));
  const images = e.attachments.filter((a) => !/\.pdf$/i.test(a.name));
  return (
    <div className="gz-tl-item" data-testid="timeline-item" data-action={e.action}>
      <div className="gz-tl-head">
        <span className="gz-tl-action">{labels.serverLabel(e.actionLabel, `case.action.${e.action}`)}</span>
        {moved && (
          <span className="gz-tl-move">
            {labels.state(e.fromState)} → {labels.state(e.toState)}
          </span>
        )}
        <span className="gz-tl-time">{fmtTime(e.at)}</span>
      </div>
      <div className="gz-tl-actor">
        {e.actor ?? '—'}
        {e.actorUnit && e.actorUnit !== e.actor && <span className="gz-muted"> · {e.actorUnit}</span>}
      </div>
      {e.note && <div className="gz-tl-note">{e.note}</div>}
      {extra.length > 0 && <div className="gz-tl-extra">{extra.join('；')}</div>}
      {e.attachments.length > 0 && (
        <div className="gz-tl-files">
          <Image.PreviewGroup>
            {images.map((a) => (
              <Tooltip key={a.id} title={a.name}>
                <Image src={a.url} width={56} height={56} className="gz-photo gz-photo-sm" alt={a.name} />
              </Tooltip>
            ))}
          </Image.PreviewGroup>
        </div>
      )}
    </div>
  );
}
