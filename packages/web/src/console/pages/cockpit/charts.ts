// ECharts options of the cockpit, for the light console and the dark big screen alike.
import type { EChartsCoreOption } from '../../../lib/useEChart.ts';
import { pct } from './format.ts';

export const PALETTE = ['#c0392b', '#1d5fa8', '#e67e22', '#16a085', '#8e44ad', '#2c3e50', '#d4a017', '#7f8c8d', '#27ae60', '#e84393'];
export const SCREEN_PALETTE = ['#29d3ff', '#ffb020', '#3ee07f', '#ff5b5b', '#a78bfa', '#f472b6', '#facc15', '#60a5fa', '#34d399', '#fb923c'];

export interface Look {
  dark: boolean;
}

const axisColour = (l: Look) => (l.dark ? '#8fb3d9' : '#666');
const splitColour = (l: Look) => (l.dark ? 'rgba(143,179,217,0.15)' : '#eee');
const textColour = (l: Look) => (l.dark ? '#d6e6ff' : '#333');
/**
 * The charts' text in the page's own fonts (styles/base.css), Chinese ones before any Latin system font: with
 * `system-ui` first, every Chinese character of a label fell back to another font one by one, and the canvas's first
 * measuring of the map's labels took ~3× as long (~30 ms of the map's drawing on a 2-core machine).
 */
const CHART_FONT =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const base = (l: Look) => ({
  backgroundColor: 'transparent',
  color: l.dark ? SCREEN_PALETTE : PALETTE,
  textStyle: { fontFamily: CHART_FONT, color: textColour(l) },
  animationDuration: 400,
});

export function trendOption(l: Look, keys: string[], received: number[], closed: number[], names: { received: string; closed: string }): EChartsCoreOption {
  const short = keys.map((k) => (k.length === 10 ? k.slice(5) : k));
  return {
    ...base(l),
    tooltip: { trigger: 'axis' },
    legend: { top: 0, right: 0, textStyle: { color: textColour(l) } },
    grid: { left: 40, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: short, axisLine: { lineStyle: { color: axisColour(l) } }, axisLabel: { color: axisColour(l) } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: splitColour(l) } }, axisLabel: { color: axisColour(l) } },
    series: [
      { name: names.received, type: 'line', smooth: true, symbolSize: 6, data: received, areaStyle: { opacity: l.dark ? 0.25 : 0.12 } },
      { name: names.closed, type: 'line', smooth: true, symbolSize: 6, data: closed, areaStyle: { opacity: l.dark ? 0.2 : 0.08 } },
    ],
  };
}

export function barOption(l: Look, names: string[], values: number[], opts: { horizontal?: boolean; seriesName: string; percent?: boolean } ): EChartsCoreOption {
  const cat = { type: 'category', data: names, axisLine: { lineStyle: { color: axisColour(l) } }, axisLabel: { color: axisColour(l), width: 110, overflow: 'truncate' }, inverse: opts.horizontal };
  const val = {
    type: 'value',
    minInterval: opts.percent ? undefined : 1,
    max: opts.percent ? 1 : undefined,
    splitLine: { lineStyle: { color: splitColour(l) } },
    axisLabel: { color: axisColour(l), formatter: opts.percent ? (v: number) => `${Math.round(v * 100)}%` : undefined },
  };
  return {
    ...base(l),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: opts.percent ? (v: number) => pct(v) : undefined },
    grid: { left: opts.horizontal ? 120 : 40, right: opts.horizontal ? 64 : 40, top: 12, bottom: opts.horizontal ? 20 : 48 },
    xAxis: opts.horizontal ? val : { ...cat, axisLabel: { ...cat.axisLabel, rotate: names.length > 6 ? 30 : 0, width: 80 } },
    yAxis: opts.horizontal ? cat : val,
    series: [
      {
        name: opts.seriesName,
        type: 'bar',
        data: values,
        barMaxWidth: 22,
        itemStyle: { borderRadius: opts.horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
        label: { show: true, position: opts.horizontal ? 'right' : 'top', color: textColour(l), formatter: opts.percent ? (p: { value: number }) => pct(p.value) : undefined },
      },
    ],
  };
}

export function pieOption(l: Look, items: { name: string; value: number }[], seriesName: string, unit: string): EChartsCoreOption {
  return {
    ...base(l),
    tooltip: { trigger: 'item', formatter: `{b}：{c} ${unit}（{d}%）` },
    // The legend below the donut leaves its labels the full width: beside it, they were cut ("19....").
    legend: { type: 'scroll', orient: 'horizontal', bottom: 0, left: 'center', textStyle: { color: textColour(l) } },
    series: [
      {
        name: seriesName,
        type: 'pie',
        radius: ['36%', '58%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        minShowLabelAngle: 6,
        itemStyle: { borderColor: l.dark ? '#0b1f3f' : '#fff', borderWidth: 2 },
        label: { show: true, overflow: 'none', formatter: (p: { percent: number }) => `${p.percent.toFixed(1)}%`, color: textColour(l) },
        labelLine: { length: 8, length2: 8 },
        data: items,
      },
    ],
  };
}

export interface MapDatum {
  code: string;
  name: string;
  value: number;
  overdue: number;
  open: number;
  /** Large enough on the map for its name to be readable. */
  labelled?: boolean;
}

/** Bounding-box area of a GeoJSON geometry (degrees²): enough to tell a large region from a sliver. */
export function bboxArea(geometry: unknown): number {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      minX = Math.min(minX, c[0]); maxX = Math.max(maxX, c[0]); minY = Math.min(minY, c[1]); maxY = Math.max(maxY, c[1]);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  walk((geometry as { coordinates?: unknown } | null)?.coordinates);
  return Number.isFinite(minX) ? (maxX - minX) * (maxY - minY) : 0;
}

/** Marks the regions whose names fit: those covering at least 1/25 of the largest one's box. */
export function labelFit<T extends { properties: { code: string }; geometry: unknown }>(features: T[]): Set<string> {
  const areas = features.map((f) => [f.properties.code, bboxArea(f.geometry)] as const);
  const max = Math.max(0, ...areas.map((a) => a[1]));
  return new Set(areas.filter((a) => a[1] >= max / 25).map((a) => a[0]));
}

export function mapOption(l: Look, mapName: string, data: MapDatum[], opts: { tip: (d: MapDatum) => string; overdueLabel: (n: number) => string; labels: boolean }): EChartsCoreOption {
  const max = Math.max(1, ...data.map((d) => d.value));
  const byCode = new Map(data.map((d) => [d.code, d]));
  return {
    ...base(l),
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string }) => {
        const d = byCode.get(p.name);
        return d ? opts.tip(d) : p.name;
      },
    },
    visualMap: {
      min: 0,
      max,
      left: 8,
      bottom: 8,
      text: [String(max), '0'],
      calculable: false,
      itemHeight: 90,
      textStyle: { color: textColour(l) },
      inRange: { color: l.dark ? ['#12365f', '#1f6fb5', '#ffb020', '#ff4d4f'] : ['#fdf1ef', '#f5b7a8', '#e0604a', '#a61b1b'] },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        roam: true,
        aspectScale: 0.85,
        layoutCenter: ['50%', '50%'],
        layoutSize: '96%',
        selectedMode: false,
        label: {
          show: opts.labels,
          fontSize: 11,
          color: l.dark ? '#e8f3ff' : '#222',
          formatter: (p: { name: string }) => {
            const d = byCode.get(p.name);
            if (!d) return '';
            return d.overdue > 0 ? `${d.name}\n{o|${opts.overdueLabel(d.overdue)}}` : d.name;
          },
          rich: { o: { color: l.dark ? '#ff8080' : '#b7181e', fontWeight: 'bold', fontSize: 11 } },
        },
        // Two small neighbours' names were drawn over each other (状元街居委会 and 长兴路居委会): one of them is left out;
        // its area shows its name on hover, in the tooltip and in the table beside the map.
        labelLayout: { hideOverlap: true },
        itemStyle: { borderColor: l.dark ? '#5ec8ff' : '#ffffff', borderWidth: 1, areaColor: l.dark ? '#12365f' : '#fdf1ef' },
        emphasis: { label: { show: true, color: l.dark ? '#fff' : '#000' }, itemStyle: { areaColor: l.dark ? '#29d3ff' : '#ffd666' } },
        data: data.map((d) => ({ name: d.code, value: d.value, ...(d.labelled === false ? { label: { show: false } } : {}) })),
      },
    ],
  };
}
