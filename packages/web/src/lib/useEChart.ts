// A React hook around one ECharts instance: created on mount, resized with its box, options replaced
// on change, disposed on unmount. Only the chart types the cockpit uses are bundled (tree-shaken), with the label layout
// that leaves out a map label drawn over another (`labelLayout`), and only the lazily loaded cockpit and big-screen
// routes import this module.
import { useEffect, useRef, type RefObject } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, PieChart, GaugeChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, TitleComponent, GeoComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { LabelLayout } from 'echarts/features';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';

echarts.use([BarChart, LineChart, MapChart, PieChart, GaugeChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, TitleComponent, GeoComponent, CanvasRenderer, LabelLayout]);

export { echarts };
export type { EChartsCoreOption };

export interface EChartOptions {
  /** 'dark' for the big screen. */
  theme?: 'dark';
  onClick?: (e: ECElementEvent) => void;
}

export function useEChart<T extends HTMLElement = HTMLDivElement>(option: EChartsCoreOption | null, opts: EChartOptions = {}): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onClick = useRef(opts.onClick);
  useEffect(() => {
    onClick.current = opts.onClick;
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, opts.theme, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (e) => onClick.current?.(e as ECElementEvent));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [opts.theme]);

  // Each chart draws in a task of its own: a page of charts whose data arrive together (the cockpit) does not hold the
  // browser for the time of all of them at once. `lazyUpdate` splits one chart's drawing in two: the option is read
  // here, laid out and painted at the next frame (the map of a town's communities: ~30 and ~80 ms instead of ~110).
  useEffect(() => {
    if (!option) return;
    const id = setTimeout(() => chart.current?.setOption(option, { notMerge: true, lazyUpdate: true }), 0);
    return () => clearTimeout(id);
  }, [option, opts.theme]);

  return ref;
}
