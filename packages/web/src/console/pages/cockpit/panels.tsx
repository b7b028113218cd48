// The cockpit's panels, shared by the console page and (in their dark form) the big screen.
import { memo, useMemo } from 'react';
// The measures' rules alone (no imports of their own), not the whole domain, go into the bundle.
import { nothingDue, nothingRated } from '@gongzhi/domain/measures';
import { Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { barOption, labelFit, mapOption, pieOption, trendOption, type MapDatum } from './charts.ts';
import { fillSeries, type Period } from './data.ts';
import { big, hours, pct } from './format.ts';
import { Chart, Panel, useRegisteredMap } from './parts.tsx';
import type { Breakdown, BreakdownRow, CockpitMap, Hotspots, Overdue, OverdueItem, Rectification, Staffing, Vitality, VitalityTerm } from './types.ts';

const look = (dark?: boolean) => ({ dark: !!dark });

export function useOverdueText() {
  const { t } = useI18n();
  return (h: number) => (h >= 48 ? t('cockpit.days', { n: Math.floor(h / 24) }) : t('cockpit.hours', { n: Math.max(0, Math.round(h)) }));
}

function NotApplicable({ text }: { text: string }) {
  return (
    <span className="gz-muted" data-testid="nothing-due">
      — {text}
    </span>
  );
}

/** Columns of a measures breakdown (per area, unit, type or channel). */
export function useMeasureColumns(nameTitle: string, nameRender?: (r: BreakdownRow) => React.ReactNode): ColumnsType<BreakdownRow> {
  const { t, locale } = useI18n();
  return [
    { title: nameTitle, dataIndex: 'name', key: 'name', render: (_: unknown, r) => (nameRender ? nameRender(r) : r.name), width: 150 },
    { title: t('cockpit.col.received'), dataIndex: 'received', align: 'right', render: (v: number) => big(v, locale), sorter: (a, b) => a.received - b.received },
    { title: t('cockpit.col.closed'), dataIndex: 'closed', align: 'right', render: (v: number) => big(v, locale) },
    // Nothing due to close: no closure rate (— 无应结案件), not 0.0 %; nothing rated: no satisfaction nor score.
    { title: t('cockpit.col.closureRate'), dataIndex: 'closureRate', align: 'right', render: (v: number, r) => (nothingDue(r) ? <NotApplicable text={t('cockpit.nothingDue')} /> : pct(v)), sorter: (a, b) => a.closureRate - b.closureRate },
    { title: t('cockpit.col.onTimeClosureRate'), dataIndex: 'onTimeClosureRate', align: 'right', render: (v: number, r) => (nothingDue(r) ? '—' : pct(v)) },
    { title: t('cockpit.col.satisfactionRate'), dataIndex: 'satisfactionRate', align: 'right', render: (v: number, r) => (nothingRated(r) ? '—' : pct(v)), sorter: (a, b) => a.satisfactionRate - b.satisfactionRate },
    { title: t('cockpit.col.combinedScore'), dataIndex: 'combinedScore', align: 'right', render: (v: number, r) => (nothingRated(r) ? '—' : (v * 100).toFixed(1)), sorter: (a, b) => a.combinedScore - b.combinedScore },
  ];
}

export const TrendPanel = memo(function TrendPanel({ data, period, dark, loading, widened }: { data: Breakdown | null | undefined; period: Period; dark?: boolean; loading?: boolean; widened?: boolean }) {
  const { t } = useI18n();
  const by = data?.by === 'month' ? 'month' : 'day';
  const rows = useMemo(() => fillSeries(data?.items ?? [], period, by), [data, period, by]);
  const option = useMemo(
    () => trendOption(look(dark), rows.map((r) => r.key), rows.map((r) => r.received), rows.map((r) => r.closed), { received: t('cockpit.series.received'), closed: t('cockpit.series.closed') }),
    [rows, dark, t],
  );
  const empty = !loading && (data?.items.length ?? 0) === 0;
  return (
    <Panel
      title={widened ? t('cockpit.panel.trend30') : t('cockpit.panel.trend')}
      testId="panel-trend"
      loading={loading && !data}
      height={260}
      empty={empty}
      emptyText={t('cockpit.empty.cases')}
      chart={<Chart option={option} height={260} dark={dark} />}
      table={
        <Table
          size="small"
          rowKey="key"
          pagination={{ pageSize: 8, size: 'small', showSizeChanger: false }}
          dataSource={rows.filter((r) => r.received || r.closed)}
          columns={[
            { title: t(by === 'day' ? 'cockpit.col.date' : 'cockpit.col.month'), dataIndex: 'key' },
            { title: t('cockpit.col.received'), dataIndex: 'received', align: 'right' },
            { title: t('cockpit.col.closed'), dataIndex: 'closed', align: 'right' },
          ]}
        />
      }
    />
  );
});

export const CategoryPanel = memo(function CategoryPanel({ data, dark, loading }: { data: Breakdown | null | undefined; dark?: boolean; loading?: boolean }) {
  const { t } = useI18n();
  const items = (data?.items ?? []).slice(0, 10);
  const option = useMemo(() => barOption(look(dark), items.map((r) => r.name), items.map((r) => r.received), { horizontal: true, seriesName: t('cockpit.col.received') }), [items, dark, t]);
  const columns = useMeasureColumns(t('cockpit.col.category'));
  return (
    <Panel
      title={t('cockpit.panel.category')}
      testId="panel-category"
      loading={loading && !data}
      empty={!loading && items.length === 0}
      emptyText={t('cockpit.empty.cases')}
      chart={<Chart option={option} height={Math.max(200, items.length * 30 + 40)} dark={dark} />}
      table={<Table size="small" rowKey={(r) => r.key ?? ''} pagination={false} dataSource={data?.items ?? []} columns={columns} scroll={{ y: 300 }} />}
    />
  );
});

export const ChannelPanel = memo(function ChannelPanel({ data, dark, loading }: { data: Breakdown | null | undefined; dark?: boolean; loading?: boolean }) {
  const { t, tx } = useI18n();
  const items = (data?.items ?? []).map((r) => ({ ...r, name: tx(`case.channel.${r.key}`, r.key ?? '') }));
  const total = items.reduce((n, r) => n + r.received, 0);
  const option = useMemo(() => pieOption(look(dark), items.map((r) => ({ name: r.name, value: r.received })), t('cockpit.col.channel'), t('cockpit.unit.cases')), [items, dark, t]);
  return (
    <Panel
      title={t('cockpit.panel.channel')}
      testId="panel-channel"
      loading={loading && !data}
      height={260}
      empty={!loading && items.length === 0}
      emptyText={t('cockpit.empty.cases')}
      chart={<Chart option={option} height={260} dark={dark} />}
      table={
        <Table
          size="small"
          rowKey={(r) => r.key ?? ''}
          pagination={false}
          dataSource={items}
          columns={[
            { title: t('cockpit.col.channel'), dataIndex: 'name' },
            { title: t('cockpit.col.received'), dataIndex: 'received', align: 'right' },
            { title: t('cockpit.col.share'), key: 'share', align: 'right', render: (_: unknown, r) => pct(total ? r.received / total : 0) },
            { title: t('cockpit.col.closureRate'), dataIndex: 'closureRate', align: 'right', render: pct },
          ]}
        />
      }
    />
  );
});

export const MapPanel = memo(function MapPanel({ map, dark, loading, onDrill, height = 420 }: { map: CockpitMap | undefined; dark?: boolean; loading?: boolean; onDrill?: (code: string) => void; height?: number }) {
  const { t, locale } = useI18n();
  const mapName = useRegisteredMap(map);
  const features = map?.features ?? [];
  const fit = labelFit(features);
  const data: MapDatum[] = features.map((f) => ({ code: f.properties.code, name: f.properties.name, value: f.properties.received, overdue: f.properties.overdue, open: f.properties.open, labelled: fit.has(f.properties.code) }));
  const option = useMemo(
    () =>
      mapName
        ? mapOption(look(dark), mapName, data, {
            labels: data.length <= 40,
            overdueLabel: (n) => `${t('cockpit.col.overdue')} ${n}`,
            tip: (d) => `<b>${escapeHtml(d.name)}</b><br/>${escapeHtml(t('cockpit.map.tip', { received: big(d.value, locale), open: d.open, overdue: d.overdue }))}`,
          })
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [mapName, dark, t, locale],
  );
  const drillable = new Set(features.filter((f) => f.properties.drillable).map((f) => f.properties.code));
  return (
    <Panel
      title={t('cockpit.panel.map')}
      extra={<span className="gz-muted gz-ck-hint">{drillable.size > 0 ? t('cockpit.drillHint') : t('cockpit.map.legend')}</span>}
      testId="panel-map"
      loading={loading && !map}
      height={height}
      empty={!loading && features.length === 0}
      emptyText={t('cockpit.empty.map')}
      chart={<Chart option={option} height={height} dark={dark} testId="cockpit-map" onClick={(code) => drillable.has(code) && onDrill?.(code)} />}
      table={
        <Table
          size="small"
          rowKey={(r) => r.properties.code}
          pagination={false}
          scroll={{ y: height - 40 }}
          dataSource={features}
          columns={[
            { title: t('cockpit.col.area'), key: 'name', render: (_: unknown, f) => (f.properties.drillable && onDrill ? <a onClick={() => onDrill(f.properties.code)}>{f.properties.name}</a> : f.properties.name) },
            { title: t('cockpit.col.received'), key: 'r', align: 'right', render: (_: unknown, f) => big(f.properties.received, locale), sorter: (a, b) => a.properties.received - b.properties.received },
            { title: t('cockpit.col.open'), key: 'o', align: 'right', render: (_: unknown, f) => f.properties.open },
            { title: t('cockpit.col.overdue'), key: 'd', align: 'right', render: (_: unknown, f) => (f.properties.overdue ? <b className="gz-ck-bad">{f.properties.overdue}</b> : 0) },
            { title: t('cockpit.col.per10kCases'), key: 'p', align: 'right', render: (_: unknown, f) => (f.properties.per10k === null ? '—' : f.properties.per10k.toFixed(1)) },
          ]}
        />
      }
    />
  );
});

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export const OverduePanel = memo(function OverduePanel({ data, loading, compact }: { data: Overdue | undefined; loading?: boolean; compact?: boolean }) {
  const { t } = useI18n();
  const overdueText = useOverdueText();
  const columns: ColumnsType<OverdueItem> = [
    { title: t('cockpit.col.code'), dataIndex: 'code', width: 150, render: (v: string, r) => <Link to={`/cases/${r.id}`} data-testid="overdue-link">{v}</Link> },
    { title: t('cockpit.col.title'), dataIndex: 'title', ellipsis: true },
    { title: t('cockpit.col.place'), dataIndex: 'areaName', ellipsis: true, width: 170 },
    ...(compact ? [] : [{ title: t('cockpit.col.unit'), key: 'unit', ellipsis: true, width: 120, render: (_: unknown, r: OverdueItem) => r.handlerUnit?.name ?? '—' }]),
    { title: t('cockpit.col.dueAt'), dataIndex: 'stepDueAt', width: 140, render: (v: string) => fmtTime(v) },
    { title: t('cockpit.col.overdueBy'), dataIndex: 'overdueHours', width: 80, align: 'right', render: (h: number) => <Tag color="red">{overdueText(h)}</Tag> },
  ];
  return (
    <Panel
      title={t('cockpit.panel.overdue')}
      extra={data ? <Tag color={data.total ? 'red' : 'green'} data-testid="overdue-total">{t('cockpit.overdueTotal', { n: data.total })}</Tag> : null}
      testId="panel-overdue"
      loading={loading && !data}
      empty={!loading && (data?.items.length ?? 0) === 0}
      emptyText={t('cockpit.empty.overdue')}
      table={<Table size="small" rowKey="id" pagination={{ pageSize: 8, size: 'small', showSizeChanger: false }} dataSource={data?.items ?? []} columns={columns} />}
    />
  );
});

export const RankingPanel = memo(function RankingPanel({ data, dark, loading, extra }: { data: Breakdown | null | undefined; dark?: boolean; loading?: boolean; extra?: React.ReactNode }) {
  const { t } = useI18n();
  // Units with nothing due to close rank after those that had work, and stay out of the rate chart.
  const items = (data?.items ?? [])
    .filter((r) => r.key)
    .sort((a, b) => Number(nothingDue(a)) - Number(nothingDue(b)) || b.combinedScore - a.combinedScore || b.closureRate - a.closureRate || b.received - a.received);
  const charted = items.filter((r) => !nothingDue(r)).slice(0, 10);
  const option = useMemo(
    () => barOption(look(dark), charted.map((r) => r.name), charted.map((r) => r.closureRate), { horizontal: true, seriesName: t('cockpit.col.closureRate'), percent: true }),
    [charted, dark, t],
  );
  const base = useMeasureColumns(t('cockpit.col.unit'));
  const columns: ColumnsType<BreakdownRow> = [
    { title: t('cockpit.col.rank'), key: 'rank', width: 52, render: (_: unknown, __: BreakdownRow, i: number) => i + 1 },
    ...base,
    // The centres' assessment of the unit (双重评价): average score over the assessed cases.
    {
      title: t('cockpit.rank.assessment'),
      key: 'assessment',
      align: 'right',
      width: 84,
      render: (_: unknown, r: BreakdownRow) =>
        r.assessmentScore == null ? '—' : <span title={t('cockpit.rank.assessed', { n: r.assessed ?? 0 })}>{r.assessmentScore.toFixed(1)}</span>,
    },
  ];
  return (
    <Panel
      title={t('cockpit.panel.ranking')}
      extra={extra}
      testId="panel-ranking"
      defaultView="table"
      loading={loading && !data}
      empty={!loading && items.length === 0}
      emptyText={t('cockpit.empty.ranking')}
      chart={<Chart option={option} height={Math.max(200, charted.length * 32 + 40)} dark={dark} />}
      table={<Table size="small" rowKey={(r) => r.key ?? ''} pagination={false} dataSource={items} columns={columns} scroll={{ y: 320 }} />}
    />
  );
});

export const HotspotPanel = memo(function HotspotPanel({ data, loading }: { data: Hotspots | undefined; loading?: boolean }) {
  const { t, locale } = useI18n();
  const repeats = data?.repeats ?? [];
  const places = data?.places ?? [];
  return (
    <Panel
      title={t('cockpit.panel.hotspots')}
      testId="panel-hotspots"
      loading={loading && !data}
      table={
        <>
      {repeats.length === 0 ? (
        <div className="gz-muted gz-ck-note">{t('cockpit.empty.hotspots')}</div>
      ) : (
        <Table
          size="small"
          rowKey={(r) => `${r.areaCode}-${r.categoryCode}`}
          pagination={false}
          dataSource={repeats}
          columns={[
            { title: t('cockpit.col.place'), dataIndex: 'areaName' },
            { title: t('cockpit.col.category'), dataIndex: 'categoryName' },
            { title: t('cockpit.col.reports'), dataIndex: 'reports', align: 'right', width: 80, render: (v: number) => <b>{v}</b> },
            { title: t('cockpit.col.open'), dataIndex: 'open', align: 'right', width: 56 },
            { title: t('cockpit.col.lastAt'), dataIndex: 'lastAt', width: 140, render: (v: string) => fmtTime(v) },
          ]}
        />
      )}
      {places.length > 0 && (
        <>
          <div className="gz-ck-subtitle">{t('cockpit.panel.places')}</div>
          <Table
            size="small"
            rowKey="areaCode"
            pagination={false}
            dataSource={places.slice(0, 5)}
            columns={[
              { title: t('cockpit.col.place'), dataIndex: 'areaName' },
              { title: t('cockpit.col.received'), dataIndex: 'reports', align: 'right', width: 70, render: (v: number) => big(v, locale) },
              { title: t('cockpit.col.types'), dataIndex: 'types', align: 'right', width: 90 },
            ]}
          />
        </>
      )}
        </>
      }
    />
  );
});

export const StaffingPanel = memo(function StaffingPanel({ data, loading, dark }: { data: Staffing | null | undefined; loading?: boolean; dark?: boolean }) {
  const { t, locale } = useI18n();
  const rows = (data?.items ?? []).filter((r) => r.residents > 0 || r.staff > 0);
  const option = useMemo(() => {
    if (!data) return null;
    const o = barOption(look(dark), rows.map((r) => r.name), rows.map((r) => r.per10k ?? 0), { seriesName: t('cockpit.col.per10k') }) as { series: Record<string, unknown>[] };
    o.series[0]!.markLine = { symbol: 'none', data: [{ yAxis: data.benchmark, name: '18' }], lineStyle: { color: '#b7181e', type: 'dashed' }, label: { formatter: `≥ ${data.benchmark}` } };
    o.series[0]!.itemStyle = { color: (p: { value: number }) => (p.value >= data.benchmark ? '#16a085' : '#e67e22') };
    return o;
  }, [data, rows, dark, t]);
  const status = (m: boolean | null) => (m === null ? <Tag>{t('cockpit.staffing.noData')}</Tag> : m ? <Tag color="green">{t('cockpit.staffing.meets')}</Tag> : <Tag color="orange">{t('cockpit.staffing.short')}</Tag>);
  const total = data?.total;
  return (
    <Panel
      title={t('cockpit.panel.staffing')}
      testId="panel-staffing"
      loading={loading && !data}
      defaultView="table"
      extra={total ? status(total.meetsBenchmark) : null}
      chart={
        rows.length > 0 ? (
          <>
            <div className="gz-muted gz-ck-note">{data && t('cockpit.staffing.benchmark', { n: data.benchmark })}</div>
            <Chart option={option} height={220} dark={dark} />
          </>
        ) : undefined
      }
      table={
        <>
          <div className="gz-ck-note" data-testid="staffing-total">
            {total &&
              t('cockpit.staffing.total', { staff: total.staff, residents: big(total.residents, locale), per10k: total.per10k === null ? '—' : total.per10k.toFixed(1) })}
            <span className="gz-muted">（{data && t('cockpit.staffing.benchmark', { n: data.benchmark })}）</span>
          </div>
          {rows.length > 0 && (
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              scroll={{ y: 240, x: 'max-content' }}
              dataSource={rows}
              columns={[
                { title: t('cockpit.col.area'), dataIndex: 'name' },
                { title: t('cockpit.col.communityWorkers'), dataIndex: 'communityWorkers', align: 'right' },
                { title: t('cockpit.col.gridWorkers'), dataIndex: 'gridWorkers', align: 'right' },
                { title: t('cockpit.col.residents'), dataIndex: 'residents', align: 'right', render: (v: number) => big(v, locale) },
                { title: t('cockpit.col.per10k'), dataIndex: 'per10k', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(1)) },
                // The benchmark is for communities and above: a grid's own figure has only its grid worker.
                ...(rows[0]?.level === 'grid' ? [] : [{ title: t('cockpit.col.benchmark'), dataIndex: 'meetsBenchmark', render: status }]),
              ]}
            />
          )}
        </>
      }
    />
  );
});

const TERMS: VitalityTerm[] = ['closure', 'satisfaction', 'wishes', 'points', 'party'];

export const VitalityPanel = memo(function VitalityPanel({ data, loading, dark }: { data: Vitality | null | undefined; loading?: boolean; dark?: boolean }) {
  const { t } = useI18n();
  const items = (data?.items ?? []).filter((r) => r.index !== null).sort((a, b) => (b.index ?? 0) - (a.index ?? 0));
  const option = useMemo(() => barOption(look(dark), items.slice(0, 12).map((r) => r.name), items.slice(0, 12).map((r) => r.index ?? 0), { seriesName: t('cockpit.col.index') }), [items, dark, t]);
  const total = data?.total;
  return (
    <Panel
      title={t('cockpit.panel.vitality')}
      testId="panel-vitality"
      loading={loading && !data}
      extra={
        <Tooltip title={t('cockpit.vitality.hint')}>
          <span className="gz-ck-vitality-total" data-testid="vitality-index">
            {total?.index === null || total === undefined ? t('cockpit.vitality.noData') : total.index.toFixed(1)}
          </span>
        </Tooltip>
      }
      defaultView="table"
      chart={items.length > 0 ? <Chart option={option} height={240} dark={dark} /> : undefined}
      table={
        <>
          <div className="gz-ck-terms">
            {data &&
              TERMS.map((k) => (
                <div key={k} className="gz-ck-term">
                  <span>{t(`cockpit.vitality.term.${k}`)}</span>
                  <b>{total?.terms[k] === null || !total ? '—' : pct(total.terms[k])}</b>
                  <small className="gz-muted">{t('cockpit.vitality.weight', { w: `${Math.round(data.weights[k] * 100)}%` })}</small>
                </div>
              ))}
          </div>
          {items.length > 0 && (
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              scroll={{ y: 200, x: 'max-content' }}
              dataSource={items}
              columns={[
                { title: t('cockpit.col.area'), dataIndex: 'name', fixed: 'left' as const },
                { title: t('cockpit.col.index'), dataIndex: 'index', align: 'right', render: (v: number) => <b>{v.toFixed(1)}</b> },
                ...TERMS.map((k) => ({
                  title: t(`cockpit.vitality.term.${k}`),
                  key: k,
                  align: 'right' as const,
                  render: (_: unknown, r: (typeof items)[number]) => (r.terms[k] === null ? '—' : pct(r.terms[k])),
                })),
              ]}
            />
          )}
        </>
      }
    />
  );
});

export const RectificationPanel = memo(function RectificationPanel({ data, loading, onOpen }: { data: Rectification | null | undefined; loading?: boolean; onOpen?: (code: string) => void }) {
  const { t } = useI18n();
  const items = data?.items ?? [];
  return (
    <Panel
      title={t('cockpit.panel.rectification')}
      extra={<span className="gz-muted">{t('cockpit.rectification.hint', { p: pct(data?.threshold ?? 0.6) })}</span>}
      testId="panel-rectification"
      loading={loading && !data}
      empty={!loading && items.length === 0}
      emptyText={t('cockpit.empty.rectification')}
      table={
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          scroll={{ y: 240, x: 'max-content' }}
          dataSource={items}
          columns={[
            {
              title: t('cockpit.col.area'),
              dataIndex: 'name',
              render: (v: string, r) => (
                <span data-testid="rectification-row" data-code={r.code}>
                  {onOpen ? <a onClick={() => onOpen(r.code)}>{v}</a> : v} <Tag color="red">{t('cockpit.rectification.tag')}</Tag>
                </span>
              ),
            },
            { title: t('cockpit.col.town'), dataIndex: 'townName' },
            { title: t('cockpit.col.rated'), dataIndex: 'rated', align: 'right' },
            { title: t('cockpit.col.satisfactionRate'), dataIndex: 'satisfactionRate', align: 'right', render: (v: number) => <b className="gz-ck-bad">{pct(v)}</b> },
          ]}
        />
      }
    />
  );
});

export { hours };
