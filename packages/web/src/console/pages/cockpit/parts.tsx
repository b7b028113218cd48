// Building blocks of the cockpit: a panel whose chart can be read as a table, the chart itself,
// the key-measure cards with their change against the previous period.
import { memo, useMemo, useRef, useState, type ReactNode } from 'react';
import { Card, Empty, Segmented, Spin } from 'antd';
import { BarChartOutlined, TableOutlined } from '@ant-design/icons';
import { useI18n } from '../../../i18n/index.tsx';
import { echarts, useEChart, type EChartsCoreOption } from '../../../lib/useEChart.ts';
import { useNear } from '../../../lib/useNear.ts';
import { big, changeOf, hours, pct, type MeasureKind } from './format.ts';
import type { CockpitMap, Measures } from './types.ts';

export function Chart({ option, height = 280, dark, onClick, testId }: { option: EChartsCoreOption | null; height?: number | string; dark?: boolean; onClick?: (name: string) => void; testId?: string }) {
  const ref = useEChart<HTMLDivElement>(option, { theme: dark ? 'dark' : undefined, onClick: onClick ? (e) => e.name && onClick(String(e.name)) : undefined });
  return <div ref={ref} style={{ height, width: '100%' }} data-testid={testId} />;
}

/** A card with a chart and the same figures as a table, switched by a toggle. */
export function Panel({
  title,
  extra,
  chart,
  table,
  empty,
  emptyText,
  loading,
  testId,
  defaultView = 'chart',
  height,
}: {
  title: ReactNode;
  extra?: ReactNode;
  chart?: ReactNode;
  table?: ReactNode;
  empty?: boolean;
  emptyText?: string;
  loading?: boolean;
  testId?: string;
  defaultView?: 'chart' | 'table';
  /** The chart's height: kept while the data loads, so the panels below do not jump when it arrives. */
  height?: number;
}) {
  const { t } = useI18n();
  const [view, setView] = useState<'chart' | 'table'>(chart ? defaultView : 'table');
  // Its chart or table renders when the panel first comes near the screen: the panels further down the cockpit cost its
  // first load only their frames, and each draws as it is scrolled to.
  const box = useRef<HTMLDivElement>(null);
  const near = useNear(box);
  const toggle =
    chart && table && !empty ? (
      <Segmented
        size="small"
        value={view}
        onChange={(v) => setView(v as 'chart' | 'table')}
        options={[
          { value: 'chart', icon: <BarChartOutlined />, label: t('cockpit.view.chart') },
          { value: 'table', icon: <TableOutlined />, label: <span data-testid={testId ? `${testId}-table-toggle` : undefined}>{t('cockpit.view.table')}</span> },
        ]}
      />
    ) : null;
  return (
    <Card
      className="gz-card gz-ck-panel"
      size="small"
      title={title}
      extra={
        <span className="gz-ck-panel-extra">
          {extra}
          {toggle}
        </span>
      }
      data-testid={testId}
      ref={box}
    >
      {loading || (!near && !empty) ? (
        <div className="gz-ck-empty" style={height ? { minHeight: height } : undefined}>
          <Spin />
        </div>
      ) : empty ? (
        <div className="gz-ck-empty">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
        </div>
      ) : view === 'chart' && chart ? (
        chart
      ) : (
        table
      )}
    </Card>
  );
}

const KPIS: { key: keyof Measures; kind: MeasureKind; lowerIsBetter?: boolean; primary?: boolean }[] = [
  { key: 'received', kind: 'count', primary: true },
  { key: 'closureRate', kind: 'rate', primary: true },
  { key: 'onTimeClosureRate', kind: 'rate', primary: true },
  { key: 'satisfactionRate', kind: 'rate', primary: true },
  { key: 'combinedScore', kind: 'rate', primary: true },
  { key: 'closed', kind: 'count' },
  { key: 'responseRate', kind: 'rate' },
  { key: 'resolutionRate', kind: 'rate' },
  { key: 'reworkRate', kind: 'rate', lowerIsBetter: true },
  { key: 'avgHandlingHours', kind: 'hours', lowerIsBetter: true },
];

export function formatMeasure(key: keyof Measures, m: Measures, locale: 'zh-CN' | 'en'): string {
  const v = m[key];
  if (key === 'avgHandlingHours') return hours(v);
  if (key === 'combinedScore') return (v * 100).toFixed(1);
  if (key.endsWith('Rate')) return pct(v);
  return big(v, locale);
}

/** The key measures, each with its change against the previous period of equal length. */
/** The figures' cards; without figures yet (`m` absent), the same cards with their labels and grey bars for the numbers. */
export const KpiGrid = memo(function KpiGrid({ m, prev, overdue, dark }: { m?: Measures; prev?: Measures; overdue?: number; dark?: boolean }) {
  const { t, locale } = useI18n();
  if (!m || !prev) {
    return (
      <div className={dark ? 'gz-ck-kpis gz-ck-kpis-dark' : 'gz-ck-kpis'} data-testid="cockpit-kpis-loading" aria-busy="true">
        {KPIS.map((k) => (
          <div key={k.key} className={`gz-ck-kpi${k.primary ? ' gz-ck-kpi-primary' : ''}`}>
            <div className="gz-ck-kpi-label">{t(`cockpit.kpi.${k.key}` as 'cockpit.kpi.received')}</div>
            <div className="gz-ck-kpi-value">
              <span className="gz-ck-kpi-wait" />
            </div>
            <div className="gz-ck-kpi-change">&nbsp;</div>
          </div>
        ))}
      </div>
    );
  }
  const unitOf = (key: keyof Measures) =>
    key === 'received' || key === 'closed' ? t('cockpit.unit.cases') : key === 'avgHandlingHours' ? t('cockpit.unit.hours') : key === 'combinedScore' ? t('cockpit.unit.points') : '';
  return (
    <div className={dark ? 'gz-ck-kpis gz-ck-kpis-dark' : 'gz-ck-kpis'} data-testid="cockpit-kpis">
      {KPIS.map((k) => {
        const c = changeOf(Number(m[k.key]), Number(prev[k.key]), k.key === 'combinedScore' ? 'rate' : k.kind, k.lowerIsBetter);
        const good = k.kind === 'count' && k.key === 'closed' && c.dir !== 'flat' && c.dir !== 'none' ? c.dir === 'up' : c.good;
        const text =
          c.dir === 'none'
            ? t('cockpit.change.none')
            : c.dir === 'flat'
              ? t('cockpit.change.flat')
              : t(c.dir === 'up' ? 'cockpit.change.up' : 'cockpit.change.down', { v: k.kind === 'rate' || k.key === 'combinedScore' ? t('cockpit.change.pp', { v: c.value }) : c.value });
        return (
          <div key={k.key} className={`gz-ck-kpi${k.primary ? ' gz-ck-kpi-primary' : ''}`} data-testid={`kpi-${k.key}`}>
            <div className="gz-ck-kpi-label">{t(`cockpit.kpi.${k.key}` as 'cockpit.kpi.received')}</div>
            <div className="gz-ck-kpi-value">
              <span data-testid={`kpi-${k.key}-value`}>{formatMeasure(k.key, m, locale)}</span>
              <small>{unitOf(k.key)}</small>
            </div>
            <div className={`gz-ck-kpi-change ${good === true ? 'is-good' : good === false ? 'is-bad' : ''}`}>{text}</div>
          </div>
        );
      })}
      {overdue !== undefined && (
        <div className="gz-ck-kpi gz-ck-kpi-alert" data-testid="kpi-overdue">
          <div className="gz-ck-kpi-label">{t('cockpit.kpi.overdue')}</div>
          <div className="gz-ck-kpi-value">
            <span data-testid="kpi-overdue-value">{big(overdue, locale)}</span>
            <small>{t('cockpit.unit.cases')}</small>
          </div>
          <div className="gz-ck-kpi-change">{t('cockpit.panel.overdue')}</div>
        </div>
      )}
    </div>
  );
});

/** Registers the map's polygons with ECharts under a name unique to the data; region names are area codes. */
export function useRegisteredMap(map: CockpitMap | undefined): string | null {
  return useMemo(() => {
    if (!map || map.features.length === 0) return null;
    const name = `gz-${map.features.map((f) => f.properties.code).join('-').slice(0, 200)}-${map.features.length}`;
    echarts.registerMap(name, {
      type: 'FeatureCollection',
      features: map.features.map((f) => ({ type: 'Feature', properties: { name: f.properties.code }, geometry: f.geometry })),
    } as unknown as Parameters<typeof echarts.registerMap>[1]);
    return name;
  }, [map]);
}
