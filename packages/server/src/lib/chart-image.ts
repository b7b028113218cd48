import fs from 'node:fs';
import type { EChartsCoreOption } from 'echarts';

// Chinese text needs a CJK font given to the renderer explicitly (resvg sees no system fonts here).
const FONT_CANDIDATES = [
  process.env.GONGZHI_CJK_FONT,
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/arphic/uming.ttc',
].filter((f): f is string => !!f);

let fontFiles: string[] | null = null;
function fonts(): string[] {
  fontFiles ??= FONT_CANDIDATES.filter((f) => fs.existsSync(f));
  return fontFiles;
}

export const CHART_FONT = 'Noto Sans CJK SC, WenQuanYi Micro Hei, AR PL UMing CN, sans-serif';

/**
 * Renders ECharts options on the server (SVG, no DOM) and rasterises them to PNG. ECharts and resvg load on the first
 * chart (ECharts alone takes over half a second to load, which every start of the server paid for a monthly bulletin).
 */
export async function chartPng(option: EChartsCoreOption, width: number, height: number, scale = 2): Promise<Buffer> {
  const [echarts, { Resvg }] = await Promise.all([import('echarts'), import('@resvg/resvg-js')]);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    const svg = chart.renderToSVGString();
    const files = fonts();
    const png = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      background: '#ffffff',
      font: { fontFiles: files, loadSystemFonts: files.length === 0, defaultFontFamily: 'Noto Sans CJK SC' },
    })
      .render()
      .asPng();
    return Buffer.from(png);
  } finally {
    chart.dispose();
  }
}
