import { ErrorBlock } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import CalendarOutlinedSvg from '@ant-design/icons-svg/es/asn/CalendarOutlined';
import EnvironmentOutlinedSvg from '@ant-design/icons-svg/es/asn/EnvironmentOutlined';
import UserOutlinedSvg from '@ant-design/icons-svg/es/asn/UserOutlined';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { get } from '../../../api/client.ts';
import type { PublishedReceptionDay, PublishedReceptionDays } from '../../../api/reception.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { preloadedFor } from '../../../api/preload.ts';
import { receptionArea, receptionStripRequest } from './wallRequests.ts';
import { MLoading } from '../../lazyPage.tsx';

const CalendarOutlined = phoneIcon(CalendarOutlinedSvg);
const EnvironmentOutlined = phoneIcon(EnvironmentOutlinedSvg);
const UserOutlined = phoneIcon(UserOutlinedSvg);

const fmtDay = (day: string) => dayjs(day).format('M月D日');
const weekday = (day: string) => '日一二三四五六'[dayjs(day).day()];

function useReceptionArea(): string | null {
  const [params] = useSearchParams();
  const { me } = useAuth();
  return receptionArea(params.get('area'), me?.scope.code);
}

function DayCard({ d }: { d: PublishedReceptionDay }) {
  const t = useT();
  return (
    <div className="m-card m-rc-card" data-testid="m-reception-day">
      <div className="m-rc-date">
        <span className="m-rc-date-day">{fmtDay(d.day)}</span>
        <span className="m-rc-date-week">周{weekday(d.day)}</span>
      </div>
      <div className="m-rc-body">
        <div className="m-rc-time">
          <CalendarOutlined /> {d.startTime}–{d.endTime}
          {d.phase === 'ongoing' && <span className="m-rc-live">{t('rc.phase.ongoing')}</span>}
        </div>
        <div className="m-rc-leader">
          <UserOutlined /> {d.leader.name}
          {d.leader.title && <span className="m-muted">（{d.leader.title}）</span>}
        </div>
        <div className="m-rc-place">
          <EnvironmentOutlined /> {d.areaName} · {d.place}
        </div>
        {d.note && <div className="m-muted m-rc-note">{d.note}</div>}
      </div>
    </div>
  );
}

/** 领导接待日: a community's upcoming reception days, readable without an account (the community notice). */
export function MReception() {
  const t = useT();
  const area = useReceptionArea();
  const res = useApi(area ? (signal) => get<PublishedReceptionDays>('/api/reception-days/published', { area }, signal) : null, [area]);
  return (
    <div className="m-page m-reception" data-testid="m-reception">
      <div className="m-report-hero m-wall-hero">
        <div className="m-report-hero-title">{t('m.rc.title')}</div>
        <div className="m-report-hero-sub">{res.data ? `${res.data.area.name} · ` : ''}{t('m.rc.sub')}</div>
      </div>
      {!area && <ErrorBlock status="empty" title={t('m.rc.title')} description={t('m.rc.noArea')} />}
      {area && !res.data && !res.error && <MLoading />}
      {res.error && <ErrorBlock status="default" title={t('error.title')} description={res.error.message} />}
      {res.data && res.data.items.length === 0 && <ErrorBlock status="empty" title={t('m.rc.empty')} description="" />}
      {res.data?.items.map((d) => <DayCard key={d.id} d={d} />)}
    </div>
  );
}

/** The next reception days on the notice board (回音壁 · 民生小事小黑板), when the page knows the community. */
export function MReceptionStrip() {
  const t = useT();
  const area = useReceptionArea();
  const req = receptionStripRequest(area);
  const res = useApi(req ? (signal) => get<PublishedReceptionDays>(req.path, req.query, signal) : null, [area], preloadedFor<PublishedReceptionDays>(req));
  const items = res.data?.items ?? [];
  if (!area || items.length === 0) return null;
  return (
    <div className="m-card m-rc-strip" data-testid="m-reception-strip">
      <div className="m-card-title m-card-title-row">
        <span>{t('m.rc.wallCard')}</span>
        <Link to={`/m/reception?area=${area}`}>{t('m.rc.more')}</Link>
      </div>
      {items.slice(0, 2).map((d) => (
        <div key={d.id} className="m-rc-strip-item">
          <span className="m-rc-strip-when">
            {fmtDay(d.day)} {d.startTime}–{d.endTime}
          </span>
          <span className="m-rc-strip-who">
            {d.leader.name} · {d.place}
          </span>
        </div>
      ))}
    </div>
  );
}
