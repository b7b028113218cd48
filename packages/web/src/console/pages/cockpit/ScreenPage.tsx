// 指挥大屏: the cockpit for the command centre's wall — 1920×1080, dark, no console chrome,
// refreshed every 60 seconds. The canvas keeps its design size and is scaled to the window.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { barOption, labelFit, mapOption, pieOption, trendOption, type MapDatum } from './charts.ts';
import { fillSeries, isUnitView, useCockpitData } from './data.ts';
import { usePeriodParams } from './CockpitPage.tsx';
import { big, changeOf, pct } from './format.ts';
import { Chart, formatMeasure, useRegisteredMap } from './parts.tsx';
import { useOverdueText } from './panels.tsx';
import type { Measures } from './types.ts';
import { useWartime } from '../../../lib/wartime.ts';
import { useWartimeRecord, WartimeLeft, WartimeRight } from './wartime.tsx';
import './cockpit.css';

const W = 1920;
const H = 1080;
const REFRESH_MS = 60_000;
const dark = { dark: true };

function Box({ title, children, testId, extra }: { title: string; children: ReactNode; testId?: string; extra?: ReactNode }) {
  return (
    <section className="gz-sc-box" data-testid={testId}>
      <header>
        <span>{title}</span>
        {extra}
      </header>
      <div className="gz-sc-box-body">{children}</div>
    </section>
  );
}

/** Fits the 1920×1080 canvas into the window, centred (a wall shows it 1:1). */
function useScale() {
  const [fit, setFit] = useState({ scale: 1, left: 0, top: 0 });
  useEffect(() => {
    const fit = () => {
      const scale = Math.min(window.innerWidth / W, window.innerHeight / H);
      setFit({ scale, left: Math.max(0, (window.innerWidth - W * scale) / 2), top: Math.max(0, (window.innerHeight - H * scale) / 2) });
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);
  return fit;
}

/** The wall clock, in its own component so that its ticking does not redraw the charts. */
function Clock({ locale }: { locale: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  const text = now.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  return <span className="gz-sc-clock">{text}</span>;
}

const SCREEN_KPIS: (keyof Measures)[] = ['received', 'closed', 'closureRate', 'onTimeClosureRate', 'satisfactionRate', 'combinedScore'];

export default function ScreenPage() {
  const { t, tx, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { code: codeParam } = useParams();
  const code = codeParam ?? me.scope.code;
  const [period] = usePeriodParams();
  const [tick, setTick] = useState(0);
  const [updatedAt, setUpdatedAt] = useState(() => new Date());
  const unitView = isUnitView(me);
  const d = useCockpitData(code, period, unitView, tick);
  const scale = useScale();
  const overdueText = useOverdueText();

  useEffect(() => {
    const id = setInterval(() => {
      setTick((n) => n + 1);
      setUpdatedAt(new Date());
    }, REFRESH_MS);
    return () => clearInterval(id);
  }, []);

  // 平战转换: while the area is in wartime the side columns show the event (the banner's source, refreshed each minute).
  const war = useWartime(code, !unitView);
  const event = war[0];
  const warRecord = useWartimeRecord(event, tick).data;
  const s = d.summary.data;
  const part = d.participation.data;
  const trendRows = useMemo(() => fillSeries(d.trend.data?.items ?? [], d.trendPeriod, d.trend.data?.by === 'month' ? 'month' : 'day'), [d.trend.data, d.trendPeriod]);
  const trend = useMemo(() => trendOption(dark, trendRows.map((r) => r.key), trendRows.map((r) => r.received), trendRows.map((r) => r.closed), { received: t('cockpit.series.received'), closed: t('cockpit.series.closed') }), [trendRows, t]);
  const channels = useMemo(
    () => pieOption(dark, (d.byChannel.data?.items ?? []).map((r) => ({ name: tx(`case.channel.${r.key}`, r.key ?? ''), value: r.received })), t('cockpit.col.channel'), t('cockpit.unit.cases')),
    [d.byChannel.data, t, tx],
  );
  const cats = useMemo(() => (d.byCategory.data?.items ?? []).slice(0, 7), [d.byCategory.data]);
  const categories = useMemo(() => barOption(dark, cats.map((r) => r.name), cats.map((r) => r.received), { horizontal: true, seriesName: t('cockpit.col.received') }), [cats, t]);
  const units = useMemo(() => (d.byUnit.data?.items ?? []).filter((r) => r.key).sort((a, b) => b.combinedScore - a.combinedScore || b.received - a.received).slice(0, 8), [d.byUnit.data]);
  const ranking = useMemo(() => barOption(dark, units.map((r) => r.name), units.map((r) => r.closureRate), { horizontal: true, seriesName: t('cockpit.col.closureRate'), percent: true }), [units, t]);
  const mapName = useRegisteredMap(d.map.data);
  const mapData: MapDatum[] = useMemo(() => {
    const features = d.map.data?.features ?? [];
    const fit = labelFit(features);
    return features.map((f) => ({ code: f.properties.code, name: f.properties.name, value: f.properties.received, overdue: f.properties.overdue, open: f.properties.open, labelled: fit.has(f.properties.code) }));
  }, [d.map.data]);
  const map = useMemo(
    () =>
      mapName
        ? mapOption(dark, mapName, mapData, {
            labels: mapData.length <= 40,
            overdueLabel: (n) => `${t('cockpit.col.overdue')} ${n}`,
            tip: (x) => `${x.name}<br/>${t('cockpit.map.tip', { received: big(x.value, locale), open: x.open, overdue: x.overdue })}`,
          })
        : null,
    [mapName, mapData, t, locale],
  );
  const drillable = new Set((d.map.data?.features ?? []).filter((f) => f.properties.drillable).map((f) => f.properties.code));
  const query = period.from === '' ? '' : `?from=${period.from}&to=${period.to}`;
  const empty = (text: string) => <div className="gz-sc-empty">{text}</div>;

  return (
    <div className="gz-sc-viewport">
      <div className={`gz-sc${event ? ' is-wartime' : ''}`} style={{ width: W, height: H, left: scale.left, top: scale.top, transform: `scale(${scale.scale})` }} data-testid="screen-page" data-area={s?.area.code}>
        <header className="gz-sc-head">
          <div className="gz-sc-head-left">
            <span>{s ? t('cockpit.period.range', { from: s.period.from, to: s.period.to, days: s.period.days }) : t('screen.loading')}</span>
            {s && s.path.length > 1 && (
              <span className="gz-sc-crumbs">
                {s.path.map((p, i) => (
                  <a key={p.code} onClick={() => i < s.path.length - 1 && navigate(`/screen/${p.code}${query}`)}>
                    {p.name}
                  </a>
                ))}
              </span>
            )}
          </div>
<div className="gz-sc-title">
                      <h1 data-testid="screen-title">{s ? (s.view === 'unit' && s.unit ? t('cockpit.unitTitle', { unit: s.unit.name }) : t('screen.title', { area: s.area.name })) : ''}</h1>
            {event && (
              <div className="gz-sc-war-ribbon" data-testid="screen-wartime">
                {t('emergency.stateActive')} · {t(`emergency.kind.${event.kind}` as 'emergency.kind.flood')}
                {t(`emergency.level.${event.level}` as 'emergency.level.I')} · {event.areaName}
              </div>
            )}
          </div>
          <div className="gz-sc-head-right">
            <Clock locale={locale} />
            <span>{t('screen.updated', { time: fmtTime(new Date(updatedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00') })}</span>
            <a onClick={() => navigate(`/cockpit/${code}${query}`)} data-testid="screen-exit">
              {t('screen.exit')}
            </a>
          </div>
        </header>
        <div className="gz-sc-body">
          {event ? (
            <WartimeLeft event={event} record={warRecord} Box={Box} />
          ) : (
          <div className="gz-sc-col">
            <Box title={d.trendPeriod.from !== period.from ? t('cockpit.panel.trend30') : t('cockpit.panel.trend')}>{d.trend.data?.items.length ? <Chart option={trend} height="100%" dark /> : empty(t('cockpit.empty.cases'))}</Box>
            <Box title={t('cockpit.panel.channel')}>{d.byChannel.data?.items.length ? <Chart option={channels} height="100%" dark /> : empty(t('cockpit.empty.cases'))}</Box>
            <Box title={t('cockpit.panel.category')}>{cats.length ? <Chart option={categories} height="100%" dark /> : empty(t('cockpit.empty.cases'))}</Box>
          </div>
          )}
          <div className="gz-sc-col gz-sc-centre">
            <div className="gz-sc-kpis" data-testid="screen-kpis">
              {s &&
                SCREEN_KPIS.map((k) => {
                  const c = changeOf(Number(s.measures[k]), Number(s.previous[k]), k === 'received' || k === 'closed' ? 'count' : 'rate');
                  return (
                    <div key={k} className="gz-sc-kpi" data-testid={`screen-kpi-${k}`}>
                      <div className="gz-sc-kpi-value">{formatMeasure(k, s.measures, locale)}</div>
                      <div className="gz-sc-kpi-label">{t(`cockpit.kpi.${k}` as 'cockpit.kpi.received')}</div>
                      <div className={`gz-sc-kpi-change is-${c.dir}`}>
                        {c.dir === 'none' ? t('cockpit.change.none') : c.dir === 'flat' ? t('cockpit.change.flat') : `${c.dir === 'up' ? '↑' : '↓'} ${k === 'received' || k === 'closed' ? c.value : t('cockpit.change.pp', { v: c.value })}`}
                      </div>
                    </div>
                  );
                })}
              <div className="gz-sc-kpi is-alert" data-testid="screen-kpi-overdue">
                <div className="gz-sc-kpi-value">{d.overdue.data ? big(d.overdue.data.total, locale) : '—'}</div>
                <div className="gz-sc-kpi-label">{t('cockpit.kpi.overdue')}</div>
                <div className="gz-sc-kpi-change">{t('cockpit.unit.cases')}</div>
              </div>
              <div className="gz-sc-kpi is-gold" data-testid="screen-kpi-vitality">
                <div className="gz-sc-kpi-value">{d.vitality.data?.total.index == null ? '—' : d.vitality.data.total.index.toFixed(1)}</div>
                <div className="gz-sc-kpi-label">{t('cockpit.panel.vitality')}</div>
                <div className="gz-sc-kpi-change">{t('cockpit.unit.points')}</div>
              </div>
            </div>
            <Box title={t('cockpit.panel.map')} extra={<small>{t('cockpit.map.legend')}</small>}>
              {map ? <Chart option={map} height="100%" dark testId="screen-map" onClick={(c) => drillable.has(c) && navigate(`/screen/${c}${query}`)} /> : empty(t('cockpit.empty.map'))}
            </Box>
            {part && (
              // 参与共治: the cockpit panel's figures, from the same answer (useCockpitData), for the area and period on screen.
              <section className="gz-sc-box gz-sc-part" data-testid="screen-participation">
                <header>
                  <span>{t('cockpit.panel.participation')}</span>
                </header>
                <div className="gz-sc-part-terms">
                  <div className="gz-sc-part-term" data-testid="screen-part-needs">
                    <b>{big(part.needs, locale)}</b>
                    <span>{t('cockpit.part.needs')}</span>
                    <small>{t('cockpit.part.met', { n: part.needsMet, p: pct(part.metShare) })}</small>
                  </div>
                  <div className="gz-sc-part-term" data-testid="screen-part-closed">
                    <b>{big(part.closed, locale)}</b>
                    <span>{t('cockpit.part.closed')}</span>
                    <small>{t('cockpit.part.onTime', { n: part.closedOnTime, p: pct(part.onTimeShare) })}</small>
                  </div>
                  <div className="gz-sc-part-term" data-testid="screen-part-participants">
                    <b>{big(part.participants, locale)}</b>
                    <span>{t('cockpit.part.participants')}</span>
                    <small>{t('cockpit.part.inPeriod')}</small>
                  </div>
                  <div className="gz-sc-part-term is-gold" data-testid="screen-part-quarter">
                    <b>{big(part.quarter.participants, locale)}</b>
                    <span>{t('cockpit.part.quarter')}</span>
                    <small>{t('cockpit.part.quarterName', { y: part.quarter.quarter.slice(0, 4), q: part.quarter.quarter.slice(-1) })}</small>
                  </div>
                </div>
              </section>
            )}
          </div>
          {event ? (
            <WartimeRight record={warRecord} Box={Box} />
          ) : (
          <div className="gz-sc-col">
            <Box title={t('cockpit.panel.ranking')}>{units.length ? <Chart option={ranking} height="100%" dark /> : empty(t('cockpit.empty.ranking'))}</Box>
            <Box title={t('cockpit.panel.overdue')} extra={d.overdue.data ? <b className="gz-sc-alert">{t('cockpit.overdueTotal', { n: d.overdue.data.total })}</b> : null}>
              {d.overdue.data?.items.length ? (
                <ul className="gz-sc-list" data-testid="screen-overdue">
                  {d.overdue.data.items.slice(0, 7).map((o) => (
                    <li key={o.id}>
                      <span className="gz-sc-list-main">{o.title}</span>
                      <span className="gz-sc-list-sub">{o.areaName}</span>
                      <b className="gz-sc-alert">{overdueText(o.overdueHours)}</b>
                    </li>
                  ))}
                </ul>
              ) : (
                empty(t('cockpit.empty.overdue'))
              )}
            </Box>
            <Box title={t('cockpit.panel.hotspots')}>
              {d.hotspots.data?.repeats.length ? (
                <ul className="gz-sc-list">
                  {d.hotspots.data.repeats.slice(0, 6).map((h) => (
                    <li key={`${h.areaCode}-${h.categoryCode}`}>
                      <span className="gz-sc-list-main">{h.categoryName}</span>
                      <span className="gz-sc-list-sub">{h.areaName}</span>
                      <b>{h.reports}</b>
                    </li>
                  ))}
                </ul>
              ) : d.hotspots.data?.places.length ? (
                <ul className="gz-sc-list">
                  {d.hotspots.data.places.slice(0, 6).map((h) => (
                    <li key={h.areaCode}>
                      <span className="gz-sc-list-main">{h.areaName}</span>
                      <span className="gz-sc-list-sub">{t('cockpit.panel.places')}</span>
                      <b>{h.reports}</b>
                    </li>
                  ))}
                </ul>
              ) : (
                empty(t('cockpit.empty.hotspots'))
              )}
            </Box>
          </div>
          )}
        </div>
        <footer className="gz-sc-foot">
          {d.staffing.data?.total.per10k != null && (
            <span>
              {t('cockpit.panel.staffing')} <b>{d.staffing.data.total.per10k.toFixed(1)}</b> / {t('cockpit.col.per10k')}（≥ {d.staffing.data.benchmark}）
            </span>
          )}
          {(d.rectification.data?.items.length ?? 0) > 0 && (
            <span className="gz-sc-alert">
              {t('cockpit.panel.rectification')}：{d.rectification.data!.items.map((r) => `${r.name} ${pct(r.satisfactionRate)}`).join('、')}
            </span>
          )}
          <span className="gz-sc-sub">{t('screen.subtitle')}</span>
        </footer>
      </div>
    </div>
  );
}
