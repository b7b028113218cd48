import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { childLevelOf, forbidden, invalid, isAreaCode, isWithinScope, levelOfCode, notFound, RECTIFICATION_THRESHOLD, STATE_LABELS, type CaseState, type Measures } from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { caseScopeOf } from '../policies/case.ts';
import { notableCases, type NotableCase } from '../repositories/bulletin.ts';
import { scopeOf } from '../repositories/scope.ts';
import { listUnits } from '../repositories/users.ts';
import { chartPng } from '../lib/chart-image.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import { catalogueCache } from './cases.ts';
import type { AppContext } from './context.ts';
import { caseStats, caseStatsBreakdown } from './stats.ts';

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const HEAD_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
const RED = 'C00000';

interface Month {
  key: string;
  year: number;
  month: number;
  from: string;
  to: string;
  partial: boolean;
}

const chinaToday = () => (toIsoCst(new Date()) ?? '').slice(0, 10);

function monthOf(key: string): Month {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (!m) throw invalid('invalid_month', '月份格式应为 YYYY-MM', { field: 'month' });
  const year = Number(m[1]);
  const month = Number(m[2]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const today = chinaToday();
  const from = `${key}-01`;
  if (from > today) throw invalid('invalid_month', '不能生成尚未开始的月份的简报', { field: 'month' });
  if (year < 2000) throw invalid('invalid_month', '月份超出范围', { field: 'month' });
  const end = `${key}-${String(last).padStart(2, '0')}`;
  return { key, year, month, from, to: end < today ? end : today, partial: end >= today };
}

function shift(m: Month, by: number): Month {
  const d = new Date(Date.UTC(m.year, m.month - 1 + by, 1));
  const key = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return { key, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, from: `${key}-01`, to: `${key}-${String(last).padStart(2, '0')}`, partial: false };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const monthName = (m: Month) => `${m.year}年${m.month}月`;

function countChange(now: number, before: number, short = false) {
  if (before === 0) return now === 0 ? '持平' : short ? '—' : `增加 ${now}（上月为 0）`;
  const d = (now - before) / before;
  if (Math.abs(d) < 0.0005) return '持平';
  return `${d > 0 ? '增长' : '下降'} ${(Math.abs(d) * 100).toFixed(1)}%`;
}

function rateChange(now: number, before: number) {
  const d = (now - before) * 100;
  if (Math.abs(d) < 0.05) return '持平';
  return `${d > 0 ? '上升' : '下降'} ${Math.abs(d).toFixed(1)} 个百分点`;
}

function issuer(level: string | null, name: string) {
  if (level === 'village') return `${name}党群服务中心`;
  if (level === 'grid' || level === 'building' || level === 'unit') return `${name}网格工作站`;
  return `${name}社会治理综合指挥中心`;
}

// ---- document pieces --------------------------------------------------------------------------------------------------

const p = (text: string, opts: { bold?: boolean; indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number; color?: string } = {}) =>
  new Paragraph({
    alignment: opts.align,
    indent: opts.indent === false ? undefined : { firstLine: 560 },
    spacing: { line: 440, after: 60 },
    children: [new TextRun({ text, bold: opts.bold, size: opts.size, color: opts.color, font: BODY_FONT })],
  });

const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, indent: { firstLine: 560 }, children: [new TextRun({ text, font: HEAD_FONT, size: 32, color: '000000' })] });

const caption = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text, font: BODY_FONT, size: 21, color: '595959' })] });

function cell(text: string, opts: { header?: boolean; align?: 'left' | 'center' | 'right'; width?: number; highlight?: boolean } = {}) {
  return new TableCell({
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    shading: opts.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } : opts.highlight ? { type: ShadingType.CLEAR, color: 'auto', fill: 'FDECEA' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: opts.align === 'right' ? AlignmentType.RIGHT : opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [new TextRun({ text, bold: opts.header, size: 21, font: opts.header ? HEAD_FONT : BODY_FONT })],
      }),
    ],
  });
}

function table(headers: string[], rows: string[][], opts: { widths?: number[]; leftColumns?: number[]; highlightRows?: Set<number> } = {}) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, { header: true, width: opts.widths?.[i] })) }),
      ...rows.map(
        (r, ri) =>
          new TableRow({
            children: r.map((v, i) => cell(v, { align: opts.leftColumns?.includes(i) ? 'left' : i === 0 ? 'left' : 'right', width: opts.widths?.[i], highlight: opts.highlightRows?.has(ri) })),
          }),
      ),
    ],
  });
}

function image(png: Buffer, width: number, height: number, alt: string) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'png', data: png, transformation: { width, height }, altText: { name: alt, title: alt, description: alt } })],
  });
}

const COLORS = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#91c7ae', '#749f83', '#ca8622'];

// ---- the bulletin -----------------------------------------------------------------------------------------------------

/**
 * The monthly work bulletin (工作简报) of an area as a Word document: key figures with their change
 * against the previous month, charts, the main problems, the best and worst units, the areas
 * below, and cases worth naming. Every figure comes from the stats service (docs/MEASURES.md).
 */
export async function monthlyBulletin(ctx: AppContext, actor: Actor, areaCode: string, monthKey: string, req: RequestContext) {
  if (caseScopeOf(actor).kind !== 'area') throw forbidden('您的角色不能查看工作简报');
  if (!isAreaCode(areaCode)) throw invalid('invalid_area_code', '区划代码格式不正确', { field: 'areaCode' });
  if (!isWithinScope(areaCode, actor.scopeCode)) throw notFound('区域');
  const month = monthOf(monthKey);
  const prev = shift(month, -1);
  const q = { area: areaCode, from: month.from, to: month.to };
  const level = levelOfCode(areaCode);
  const child = level ? childLevelOf(level) : null;
  const trendMonths = [-5, -4, -3, -2, -1].map((i) => shift(month, i)).concat([month]);

  const names = await areaNames(ctx.db, [areaCode]);
  const area = names.get(areaCode);
  if (!area) throw notFound('区域');
  const [now, before, trend, byCategory, byUnit, byChild, notable, catalogue, units] = await Promise.all([
    caseStats(ctx, actor, q),
    caseStats(ctx, actor, { area: areaCode, from: prev.from, to: prev.to }),
    Promise.all(trendMonths.map((m) => caseStats(ctx, actor, { area: areaCode, from: m.from, to: m.to }))),
    caseStatsBreakdown(ctx, actor, { ...q, by: 'category' }),
    caseStatsBreakdown(ctx, actor, { ...q, by: 'unit' }),
    child ? caseStatsBreakdown(ctx, actor, { ...q, by: 'child' }) : Promise.resolve(null),
    notableCases(ctx.db, scopeOf(actor), areaCode, new Date(`${month.from}T00:00:00+08:00`), new Date(new Date(`${month.to}T00:00:00+08:00`).getTime() + 86400_000), new Date()),
    catalogueCache(ctx.db),
    listUnits(ctx.db, undefined),
  ]);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const caseAreas = await areaNames(ctx.db, [...new Set(Object.values(notable).flatMap((l) => l.map((c) => c.areaCode)))]);

  const children: (Paragraph | Table)[] = [];
  const centre = issuer(level, area.name);
  const issued = chinaToday();

  // Masthead in the style of an office bulletin: red title, issue number, issuer and date, red rule.
  children.push(
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 200, after: 200 }, children: [new TextRun({ text: '工 作 简 报', font: TITLE_FONT, size: 72, bold: true, color: RED })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: `${month.year}年第${month.month}期`, font: BODY_FONT, size: 28 })] }),
    new Paragraph({
      spacing: { after: 300 },
      border: { bottom: { style: BorderStyle.THICK, size: 18, color: RED, space: 4 } },
      tabStops: [{ type: 'right', position: 9000 }],
      children: [new TextRun({ text: `${centre}编`, font: BODY_FONT, size: 28 }), new TextRun({ text: `\t${issued.slice(0, 4)}年${Number(issued.slice(5, 7))}月${Number(issued.slice(8, 10))}日`, font: BODY_FONT, size: 28 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200, after: 300 },
      children: [new TextRun({ text: `${area.name}${monthName(month)}基层治理工作情况`, font: TITLE_FONT, size: 40, bold: true })],
    }),
  );

  // 一、总体情况
  children.push(heading('一、总体情况'));
  const span = month.partial ? `${monthName(month)}（截至${Number(month.to.slice(8, 10))}日）` : monthName(month);
  children.push(
    p(
      `${span}，${area.name}共受理群众诉求 ${now.received} 件，较上月${countChange(now.received, before.received)}；` +
        `应办结 ${now.dueToClose} 件，已办结 ${now.closed} 件，结案率 ${pct(now.closureRate)}（${rateChange(now.closureRate, before.closureRate)}），` +
        `按期结案率 ${pct(now.onTimeClosureRate)}（${rateChange(now.onTimeClosureRate, before.onTimeClosureRate)}）；` +
        `返工率 ${pct(now.reworkRate)}；回访评价 ${now.rated} 件，响应率 ${pct(now.responseRate)}、解决率 ${pct(now.resolutionRate)}、满意率 ${pct(now.satisfactionRate)}，` +
        `综合评分 ${(now.combinedScore * 100).toFixed(1)} 分（${rateChange(now.combinedScore, before.combinedScore).replace('个百分点', '分')}）。`,
    ),
  );
  const figure = (label: string, get: (m: Measures) => number, kind: 'count' | 'rate' | 'hours' | 'score') => {
    const a = get(now);
    const b = get(before);
    const fmt = (v: number) => (kind === 'rate' ? pct(v) : kind === 'score' ? (v * 100).toFixed(1) : kind === 'hours' ? v.toFixed(1) : String(v));
    const change = kind === 'rate' ? rateChange(a, b) : kind === 'score' ? rateChange(a, b).replace('个百分点', '分') : countChange(a, b, true);
    return [label, fmt(a), fmt(b), change];
  };
  children.push(
    table(
      ['指标', monthName(month), monthName(prev), '环比'],
      [
        figure('受理量（件）', (m) => m.received, 'count'),
        figure('办结量（件）', (m) => m.closed, 'count'),
        figure('结案率', (m) => m.closureRate, 'rate'),
        figure('按期结案率', (m) => m.onTimeClosureRate, 'rate'),
        figure('返工率', (m) => m.reworkRate, 'rate'),
        figure('响应率', (m) => m.responseRate, 'rate'),
        figure('解决率', (m) => m.resolutionRate, 'rate'),
        figure('满意率', (m) => m.satisfactionRate, 'rate'),
        figure('综合评分（分）', (m) => m.combinedScore, 'score'),
        figure('平均办理时长（小时）', (m) => m.avgHandlingHours, 'hours'),
      ],
      { widths: [34, 22, 22, 22] },
    ),
    caption('表 1  主要指标及环比（公式见 docs/MEASURES.md；基本满意按 0.9 计）'),
  );
  children.push(
    image(
      await chartPng(
        {
          title: { text: '近六个月受理量、办结量与结案率', left: 'center', textStyle: { fontSize: 15 } },
          legend: { bottom: 0 },
          grid: { left: 50, right: 60, top: 50, bottom: 50 },
          color: COLORS,
          xAxis: { type: 'category', data: trendMonths.map((m) => `${m.month}月`) },
          yAxis: [{ type: 'value', name: '件', minInterval: 1 }, { type: 'value', name: '结案率', max: 100, axisLabel: { formatter: '{value}%' } }],
          series: [
            { name: '受理量', type: 'bar', data: trend.map((t) => t.received), label: { show: true, position: 'top' } },
            { name: '办结量', type: 'bar', data: trend.map((t) => t.closed) },
            { name: '结案率', type: 'line', yAxisIndex: 1, data: trend.map((t) => Math.round(t.closureRate * 1000) / 10) },
          ],
        },
        640,
        320,
      ),
      600,
      300,
      '近六个月趋势图',
    ),
    caption('图 1  近六个月趋势'),
  );

  // 二、群众反映的主要问题
  children.push(heading('二、群众反映的主要问题'));
  const topTypes = byCategory.items.filter((i) => i.received > 0).slice(0, 5);
  if (topTypes.length === 0) children.push(p('本月未受理群众诉求。'));
  else {
    const share = (n: number) => (now.received ? pct(n / now.received) : '0.0%');
    children.push(p(`群众反映较多的问题依次为：${topTypes.map((t, i) => `${'①②③④⑤'[i]}${t.name} ${t.received} 件（占 ${share(t.received)}）`).join('，')}。`));
    const top10 = byCategory.items.filter((i) => i.received > 0).slice(0, 10).reverse();
    children.push(
      image(
        await chartPng(
          {
            title: { text: '受理量前十的事项类型', left: 'center', textStyle: { fontSize: 15 } },
            grid: { left: 150, right: 40, top: 40, bottom: 20 },
            color: ['#c23531'],
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: top10.map((t) => t.name) },
            series: [{ type: 'bar', data: top10.map((t) => t.received), label: { show: true, position: 'right' } }],
          },
          640,
          Math.max(200, 60 + top10.length * 30),
        ),
        600,
        Math.round((Math.max(200, 60 + top10.length * 30) * 600) / 640),
        '事项类型图',
      ),
      caption('图 2  主要问题类型'),
    );
  }

  // 三、部门（单位）办理情况
  children.push(heading('三、部门（单位）办理情况'));
  const ranked = byUnit.items.filter((u) => u.key && u.received > 0).sort((a, b) => b.combinedScore - a.combinedScore || b.closureRate - a.closureRate || b.received - a.received);
  if (ranked.length === 0) children.push(p('本月无派遣至部门（单位）办理的案件。'));
  else {
    const best = ranked.slice(0, 3);
    const worst = ranked.length > 3 ? ranked.slice(-3).reverse() : [];
    children.push(p(`本月共有 ${ranked.length} 个部门（单位）承办案件。综合评分较高的是${best.map((u) => `${u.name}（${(u.combinedScore * 100).toFixed(1)} 分）`).join('、')}${worst.length ? `；需加强的是${worst.map((u) => `${u.name}（${(u.combinedScore * 100).toFixed(1)} 分）`).join('、')}` : ''}。`));
    const rows = (list: typeof ranked, tag: string) => list.map((u) => [`${tag}${u.name}`, String(u.received), pct(u.closureRate), pct(u.onTimeClosureRate), pct(u.satisfactionRate), (u.combinedScore * 100).toFixed(1)]);
    children.push(
      table(['承办单位', '承办量', '结案率', '按期结案率', '满意率', '综合评分'], [...rows(best, '（优）'), ...rows(worst, '（差）')], { widths: [36, 12, 13, 14, 12, 13], highlightRows: new Set(worst.map((_, i) => best.length + i)) }),
      caption('表 2  综合评分前三与后三的部门（单位）'),
    );
  }

  // 四、各区域情况
  if (byChild && byChild.items.length) {
    const childName = ({ town: '镇（街道）', village: '村（社区）', grid: '网格', building: '楼栋', unit: '单元' } as Record<string, string>)[child ?? ''] ?? '下级区域';
    children.push(heading(`四、各${childName}情况`));
    const flagged = byChild.items.filter((c) => c.rated > 0 && c.satisfactionRate < RECTIFICATION_THRESHOLD);
    children.push(
      p(
        flagged.length
          ? `满意率低于 ${RECTIFICATION_THRESHOLD * 100}% 的有 ${flagged.map((c) => c.name).join('、')}，列入整改（表中标红）。`
          : byChild.items.some((c) => c.rated > 0)
            ? `有评价的区域满意率均不低于 ${RECTIFICATION_THRESHOLD * 100}%。`
            : '本月各区域尚无群众评价。',
      ),
    );
    const flaggedKeys = new Set(flagged.map((c) => c.key));
    const items = byChild.items.slice(0, 60);
    children.push(
      table(
        ['区域', '受理量', '办结量', '结案率', '按期结案率', '满意率', '综合评分'],
        [...items.map((c) => [c.name, String(c.received), String(c.closed), pct(c.closureRate), pct(c.onTimeClosureRate), c.rated ? pct(c.satisfactionRate) : '—', (c.combinedScore * 100).toFixed(1)]), ['合计', String(now.received), String(now.closed), pct(now.closureRate), pct(now.onTimeClosureRate), now.rated ? pct(now.satisfactionRate) : '—', (now.combinedScore * 100).toFixed(1)]],
        { widths: [28, 11, 11, 12, 14, 12, 12], highlightRows: new Set(items.map((c, i) => (flaggedKeys.has(c.key) ? i : -1)).filter((i) => i >= 0)) },
      ),
      caption('表 3  各下级区域案件办理情况'),
    );
    const chartItems = byChild.items.filter((c) => c.received > 0).slice(0, 15);
    if (chartItems.length) {
      children.push(
        image(
          await chartPng(
            {
              title: { text: '各区域受理量与结案率', left: 'center', textStyle: { fontSize: 15 } },
              legend: { bottom: 0 },
              color: COLORS,
              grid: { left: 50, right: 60, top: 50, bottom: 90 },
              xAxis: { type: 'category', data: chartItems.map((c) => c.name), axisLabel: { rotate: 30, interval: 0 } },
              yAxis: [{ type: 'value', name: '件', minInterval: 1 }, { type: 'value', name: '结案率', max: 100, axisLabel: { formatter: '{value}%' } }],
              series: [
                { name: '受理量', type: 'bar', data: chartItems.map((c) => c.received) },
                { name: '结案率', type: 'line', yAxisIndex: 1, data: chartItems.map((c) => Math.round(c.closureRate * 1000) / 10) },
              ],
            },
            640,
            340,
          ),
          600,
          319,
          '各区域图',
        ),
        caption('图 3  各下级区域受理量与结案率'),
      );
    }
  }

  // 五、值得关注的案件
  children.push(heading(`${byChild && byChild.items.length ? '五' : '四'}、值得关注的案件`));
  const caseRows = (list: NotableCase[], extra: (c: NotableCase) => string) =>
    list.map((c) => [c.code ?? '', c.title ?? '', caseAreas.get(c.areaCode ?? '')?.name ?? c.areaCode ?? '', catalogue.names.get(c.categoryCode ?? '') ?? '', STATE_LABELS[c.state as CaseState]?.zh ?? c.state ?? '', extra(c)]);
  const sections: [string, NotableCase[], string, (c: NotableCase) => string][] = [
    ['（一）超期案件', notable.overdue, '承办单位', (c) => (c.handlerUnitId ? (unitNames.get(c.handlerUnitId) ?? '') : '属地')],
    ['（二）返工案件', notable.reworked, '返工次数', (c) => String(c.reworkCount ?? 0)],
    ['（三）催办最多的案件', notable.urged, '催办次数', (c) => String(c.urges ?? 0)],
    ['（四）群众满意、办理快的案件', notable.praised, '办理用时', (c) => (c.closedAt && c.createdAt ? `${((c.closedAt.getTime() - c.createdAt.getTime()) / 3600_000).toFixed(1)} 小时` : '')],
  ];
  for (const [title, list, extraHeader, extra] of sections) {
    children.push(p(title, { bold: true }));
    if (list.length === 0) children.push(p('无。'));
    else children.push(table(['案件编号', '标题', '区域', '类型', '状态', extraHeader], caseRows(list, extra), { widths: [22, 26, 15, 14, 10, 13], leftColumns: [0, 1, 2, 3] }), new Paragraph({ text: '' }));
  }

  children.push(
    new Paragraph({
      spacing: { before: 400 },
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
      children: [new TextRun({ text: `报：${area.name}党（工）委、政府（办事处）主要领导    送：各${child === 'town' ? '镇（街道）' : '村（社区）'}、各相关部门`, font: BODY_FONT, size: 24 })],
    }),
  );

  const doc = new Document({
    creator: centre,
    title: `${area.name}${monthName(month)}工作简报`,
    description: '共治 Gongzhi 月度工作简报',
    styles: { default: { document: { run: { font: BODY_FONT, size: 28 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1300, left: 1500, right: 1400 } } },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 24 })] })] }),
        },
        children,
      },
    ],
  });
  const body = await Packer.toBuffer(doc);
  await audit(ctx.db, { actor }, req, { action: 'export.bulletin', entityType: 'export', entityId: 'bulletin', areaCode, detail: { area: areaCode, month: month.key } });
  return { fileName: `工作简报-${area.name}-${month.key}.docx`, body, figures: now };
}
