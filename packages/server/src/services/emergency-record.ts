// The event's record as documents (平战转换 留档): a Word report (`docx`, as the monthly bulletin) and an Excel ledger
// (`exceljs`, as every other ledger). Offices file a Word report of an emergency response and keep the ledger.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { newWorkbook } from '../lib/xlsx.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { emergencyRecord, type EmergencyRecord } from './emergencies.ts';

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const HEAD_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };

const p = (text: string, bold = false) =>
  new Paragraph({ indent: { firstLine: 560 }, spacing: { line: 440, after: 60 }, children: [new TextRun({ text, bold, font: BODY_FONT, size: 28 })] });
const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, indent: { firstLine: 560 }, children: [new TextRun({ text, font: HEAD_FONT, size: 32, color: '000000' })] });

function table(headers: string[], rows: string[][]) {
  const cell = (text: string, header = false) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: header, size: 21, font: header ? HEAD_FONT : BODY_FONT })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');
const title = (r: EmergencyRecord) => `${r.event.areaName ?? r.event.areaCode}${r.event.kindName}应急处置（${r.event.levelName}响应）工作纪实`;

function reportDoc(r: EmergencyRecord) {
  const e = r.event;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text: title(r), font: TITLE_FONT, size: 40 })] }),
    heading('一、基本情况'),
    p(`${when(e.startedAt)}，${e.startedByName}启动${e.areaName ?? e.areaCode}${e.kindName}${e.levelName}应急响应，转入战时状态。启动原因：${e.reason}`),
    p(
      e.state === 'ended'
        ? `${when(e.endedAt)}，${e.endedByName ?? ''}结束应急响应，恢复平时状态，历时 ${r.duration.text}。`
        : `截至本报告生成时，应急响应仍在进行，已历时 ${r.duration.text}。`,
    ),
    heading('二、力量动员'),
    p(`组建临时党支部 ${r.forces.tempBranches} 个、党员突击队 ${r.forces.commandoTeams} 支，编入人员 ${r.forces.unitMembers} 人；到岗签到 ${r.forces.checkedIn} 人（网格员、下沉干部、党员、志愿者）。`),
  ];
  if (r.units.length) children.push(table(['类型', '名称', '负责人', '人数'], r.units.map((u) => [u.kindName, u.name, u.leaderName ?? '—', String(u.members.length + (u.leaderName ? 1 : 0))])));
  const active = r.forces.byGrid.filter((g) => g.total > 0);
  if (active.length) {
    children.push(p('各网格到岗情况：', true));
    children.push(table(['网格', '网格员', '下沉干部', '党员', '志愿者', '合计'], active.map((g) => [g.gridName, g.gridWorkers, g.cadres, g.partyMembers, g.volunteers, g.total].map(String))));
  }
  children.push(heading('三、入户走访（敲门行动）'));
  if (r.campaigns.length === 0) children.push(p('应急期间未开展敲门行动。'));
  for (const c of r.campaigns) {
    children.push(p(`“${c.title}”：共 ${c.households} 户，已走访 ${c.reached} 户（各轮去重），共 ${c.round} 轮。`));
    children.push(table(['轮次', '本轮走访到户数'], c.rounds.map((x) => [`第 ${x.round} 轮`, String(x.reached)])));
  }
  children.push(heading('四、群众诉求与事件'));
  children.push(p(`应急期间辖区共受理案件 ${r.cases.total} 件。`));
  if (r.cases.byCategory.length) children.push(table(['类型', '件数'], r.cases.byCategory.map((c) => [c.name, String(c.count)])));
  if (r.cases.byState.length) children.push(p(`办理状态：${r.cases.byState.map((s) => `${s.name} ${s.count} 件`).join('，')}。`));
  children.push(heading('五、人员转移'));
  children.push(p(`转移安置群众 ${r.peopleMoved.count} 人（转移安置名单中确认到达安置点的人数）。`));
  children.push(heading('六、总结'));
  children.push(p(e.summary ?? '应急响应尚未结束，暂无总结。'));
  return new Document({
    creator: e.startedByName,
    title: title(r),
    styles: { default: { document: { run: { font: BODY_FONT, size: 28 } } } },
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1300, left: 1500, right: 1400 } } }, children }],
  });
}

/** `GET /api/emergencies/{id}/record.docx`: the Word report. */
export async function recordDocx(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const r = await emergencyRecord(ctx, actor, id);
  const body = await Packer.toBuffer(reportDoc(r));
  await audit(ctx.db, { actor }, req, { action: 'export.emergency', entityType: 'emergency', entityId: id, areaCode: r.event.areaCode, detail: { format: 'docx' } });
  return { fileName: `${title(r)}.docx`, body };
}

/** `GET /api/emergencies/{id}/record.xlsx`: the Excel ledger, one sheet per part of the record. */
export async function recordXlsx(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const r = await emergencyRecord(ctx, actor, id);
  const wb = await newWorkbook();
  wb.created = new Date();
  const sheet = (name: string, headers: string[], rows: (string | number)[][], widths: number[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([title(r)]).font = { bold: true, size: 14 };
    ws.addRow(headers).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  };
  const e = r.event;
  sheet(
    '概况',
    ['项目', '内容'],
    [
      ['区域', e.areaName ?? e.areaCode],
      ['事件类型', e.kindName],
      ['响应级别', e.levelName],
      ['启动原因', e.reason],
      ['启动时间', when(e.startedAt)],
      ['启动人', e.startedByName],
      ['结束时间', when(e.endedAt)],
      ['结束人', e.endedByName ?? '—'],
      ['持续时间', r.duration.text],
      ['持续分钟', r.duration.minutes],
      ['临时党支部（个）', r.forces.tempBranches],
      ['党员突击队（支）', r.forces.commandoTeams],
      ['编入人员（人）', r.forces.unitMembers],
      ['到岗签到（人）', r.forces.checkedIn],
      ['受理案件（件）', r.cases.total],
      ['转移群众（人）', r.peopleMoved.count],
      ['总结', e.summary ?? '—'],
    ],
    [20, 60],
  );
  sheet('战时力量', ['类型', '名称', '负责人', '成员'], r.units.map((u) => [u.kindName, u.name, u.leaderName ?? '', u.members.join('、')]), [14, 28, 12, 50]);
  sheet('网格到岗', ['网格', '网格员', '下沉干部', '党员', '志愿者', '合计'], r.forces.byGrid.map((g) => [g.gridName, g.gridWorkers, g.cadres, g.partyMembers, g.volunteers, g.total]), [24, 10, 10, 10, 10, 10]);
  sheet('敲门行动', ['行动', '总户数', '已走访（去重）', '轮次', '本轮走访到户数'], r.campaigns.flatMap((c) => c.rounds.map((x) => [c.title, c.households, c.reached, `第 ${x.round} 轮`, x.reached])), [28, 10, 14, 10, 16]);
  sheet('案件', ['类型', '件数'], r.cases.byCategory.map((c) => [c.name, c.count]), [28, 10]);
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await audit(ctx.db, { actor }, req, { action: 'export.emergency', entityType: 'emergency', entityId: id, areaCode: e.areaCode, detail: { format: 'xlsx' } });
  return { fileName: `${title(r)}-台账.xlsx`, body };
}
