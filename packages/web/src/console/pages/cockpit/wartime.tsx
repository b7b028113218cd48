// The big screen's wartime layout (平战转换): while the screen's area is in wartime its side columns show the event,
// the forces checked in per grid, the door-knocking progress of the event's campaigns and the cases since the start.
import type { ReactNode } from 'react';
import { getRecord, type ActiveEmergency, type EmergencyRecord } from '../../../api/emergencies.ts';
import { useT, type MessageKey } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';

type BoxFn = (props: { title: string; children: ReactNode; testId?: string; extra?: ReactNode }) => ReactNode;

export function useWartimeRecord(event: ActiveEmergency | undefined, tick: number) {
  return useApi(event ? (signal) => getRecord(event.id, signal) : null, [event?.id, tick]);
}

const bar = (value: number, max: number) => <span className="gz-sc-war-bar" style={{ width: `${max && value ? Math.max(2, (value / max) * 100) : 0}%` }} />;

export function WartimeLeft({ event, record, Box }: { event: ActiveEmergency; record: EmergencyRecord | undefined; Box: BoxFn }) {
  const t = useT();
  const grids = record?.forces.byGrid ?? [];
  const max = Math.max(1, ...grids.map((g) => g.total));
  return (
    <div className="gz-sc-col" data-testid="screen-wartime-left">
      <Box title={t('emergency.screen.title')}>
        <div className="gz-sc-war-event">
          <div className="gz-sc-war-kind">
            {t(`emergency.kind.${event.kind}` as MessageKey)} · {t(`emergency.level.${event.level}` as MessageKey)}
          </div>
          <div className="gz-sc-war-area">{event.areaName ?? event.areaCode}</div>
          <div className="gz-sc-war-since">{t('emergency.screen.since', { since: fmtTime(event.startedAt), duration: record?.duration.text ?? '—' })}</div>
          {record && <div className="gz-sc-war-reason">{record.event.reason}</div>}
          {record && <div className="gz-sc-war-units">{t('emergency.screen.units', { b: record.forces.tempBranches, c: record.forces.commandoTeams })}</div>}
        </div>
      </Box>
      <Box title={t('emergency.screen.forces')} extra={<b className="gz-sc-alert">{t('emergency.checkedIn', { n: record?.forces.checkedIn ?? 0 })}</b>} testId="screen-wartime-forces">
        <ul className="gz-sc-list gz-sc-war-grids">
          {grids.slice(0, 12).map((g) => (
            <li key={g.gridCode}>
              <span className="gz-sc-list-main">{g.gridName}</span>
              <span className="gz-sc-war-track">{bar(g.total, max)}</span>
              <b>{g.total}</b>
            </li>
          ))}
        </ul>
      </Box>
    </div>
  );
}

export function WartimeRight({ record, Box }: { record: EmergencyRecord | undefined; Box: BoxFn }) {
  const t = useT();
  const campaigns = record?.campaigns ?? [];
  return (
    <div className="gz-sc-col" data-testid="screen-wartime-right">
      <Box title={t('emergency.screen.campaigns')} testId="screen-wartime-campaigns">
        {campaigns.length === 0 ? (
          <div className="gz-sc-empty">{t('emergency.campaignsEmpty')}</div>
        ) : (
          <ul className="gz-sc-list">
            {campaigns.slice(0, 5).map((c) => (
              <li key={c.id} className="gz-sc-war-campaign">
                <span className="gz-sc-list-main">{c.title}</span>
                <span className="gz-sc-war-track">{bar(c.reached, c.households)}</span>
                <b>
                  {c.reached}/{c.households}
                </b>
                <span className="gz-sc-list-sub">{c.rounds.map((x) => t('emergency.roundLine', x)).join('；')}</span>
              </li>
            ))}
          </ul>
        )}
      </Box>
      <Box title={t('emergency.screen.cases')} extra={<b className="gz-sc-alert">{t('emergency.casesTotal', { n: record?.cases.total ?? 0 })}</b>} testId="screen-wartime-cases">
        {!record?.cases.total ? (
          <div className="gz-sc-empty">{t('emergency.casesEmpty')}</div>
        ) : (
          <ul className="gz-sc-list">
            {record.cases.latest.slice(0, 8).map((c) => (
              <li key={c.id}>
                <span className="gz-sc-list-main">{c.title}</span>
                <span className="gz-sc-list-sub">
                  {c.categoryName} · {c.stateName}
                </span>
                <b>{fmtTime(c.createdAt).slice(5)}</b>
              </li>
            ))}
          </ul>
        )}
      </Box>
    </div>
  );
}
