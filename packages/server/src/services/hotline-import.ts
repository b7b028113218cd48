import { DomainError, forbidden, isAreaCode, isValidMobile, isWithinScope, toWgs84, validLatLng } from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canImportHotline } from '../policies/imports.ts';
import * as caseRepo from '../repositories/cases.ts';
import { workbookBuffer, type ColumnSpec, loadExcel, newWorkbook } from '../lib/xlsx.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import { amendCase, catalogueCache, createCase } from './cases.ts';
import type { AppContext } from './context.ts';
import { gridAt } from './grid-index.ts';

/** Rows one file may carry; a bigger file is refused as a whole (413). */
export const MAX_IMPORT_ROWS = 2000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The template's columns, in order. `aliases` are other headers hotline systems use for the same field. */
export const HOTLINE_COLUMNS = [
  { key: 'orderNo', header: '工单编号', required: true, aliases: ['工单号', '热线工单号', '12345工单编号'], width: 20, note: '热线系统的工单编号，同一编号再次导入时更新原案件而不重复登记' },
  { key: 'calledAt', header: '来电时间', required: true, aliases: ['来电日期', '受理时间'], width: 18, note: '如 2026-12-01 09:30（北京时间）' },
  { key: 'category', header: '诉求类型', required: true, aliases: ['事项类型', '问题类型'], width: 18, note: '事项目录中的类型名称或代码（见下表）' },
  { key: 'title', header: '标题', required: false, aliases: ['工单标题', '诉求标题'], width: 24, note: '不超过 100 字；为空时取诉求内容的前 30 字' },
  { key: 'content', header: '诉求内容', required: true, aliases: ['内容', '来电内容', '问题描述'], width: 40, note: '不超过 2000 字' },
  { key: 'address', header: '地址', required: false, aliases: ['事发地址', '诉求地址'], width: 28, note: '不超过 200 字' },
  { key: 'areaCode', header: '所属区域代码', required: false, aliases: ['区域代码', '区划代码'], width: 20, note: '网格、村（社区）或镇（街道）的区划代码；与经纬度至少填一项' },
  { key: 'contact', header: '联系人', required: false, aliases: ['来电人', '诉求人'], width: 10, note: '不超过 40 字' },
  { key: 'phone', header: '联系电话', required: false, aliases: ['来电号码', '手机号码'], width: 14, note: '11 位手机号' },
  { key: 'lng', header: '经度', required: false, aliases: [], width: 12, note: '与纬度同时填写' },
  { key: 'lat', header: '纬度', required: false, aliases: [], width: 12, note: '与经度同时填写' },
  { key: 'crs', header: '坐标系', required: false, aliases: [], width: 10, note: 'gcj02（默认，高德/腾讯）、bd09（百度）或 wgs84（GPS）' },
  { key: 'urgent', header: '是否紧急', required: false, aliases: ['紧急'], width: 10, note: '是 / 否（默认按事项类型）' },
] as const;
type Key = (typeof HOTLINE_COLUMNS)[number]['key'];
const HEADER_OF = Object.fromEntries(HOTLINE_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

export type RowStatus = 'created' | 'updated' | 'unchanged' | 'refused';
export interface RowResult {
  row: number;
  orderNo: string | null;
  status: RowStatus;
  caseId?: string;
  caseCode?: string;
  field?: string;
  message: string;
}
export interface ImportReport {
  fileName: string;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  rows: RowResult[];
}

class RowError extends Error {
  constructor(
    readonly field: Key | null,
    message: string,
  ) {
    super(message);
  }
}

// ---- reading the file --------------------------------------------------------------------------------------------

type Cell = string | number | boolean | Date | null;

function plain(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
  if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
  if (o.result !== undefined) return plain(o.result);
  if (o.text !== undefined) return plain(o.text);
  return null;
}

/** A small RFC 4180 reader: values stay text (order numbers keep their leading zeros). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV files saved by Excel in China are often GB18030: UTF-8 is tried first, strictly. */
function decodeText(buf: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    text = new TextDecoder('gb18030').decode(buf);
  }
  return text.replace(/^\ufeff/, '');
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));

/** The file's rows, as cells; row i of the result is spreadsheet row i + 1. */
export async function readTable(fileName: string, buf: Buffer, maxRows = MAX_IMPORT_ROWS): Promise<Cell[][]> {
  if (buf.length === 0) throw new DomainError('invalid', 'empty_file', '文件为空', { field: 'file' });
  if (isOle(buf)) throw new DomainError('invalid', 'unsupported_file_type', '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后导入', { field: 'file' });
  if (isZip(buf)) {
    const wb = new (await loadExcel()).Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw new DomainError('invalid', 'unreadable_file', '文件无法读取：不是有效的 .xlsx 文件', { field: 'file' });
    }
    const ws = wb.worksheets[0];
    if (!ws) return [];
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      if (n > maxRows + 20) return;
      rows[n - 1] = (row.values as unknown[]).slice(1).map(plain);
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return rows;
  }
  const looksText = !buf.subarray(0, 4096).includes(0);
  if (!/\.csv$/i.test(fileName) && !(looksText && /\.(txt)$/i.test(fileName))) {
    throw new DomainError('invalid', 'unsupported_file_type', '只支持 .xlsx 和 .csv 文件', { field: 'file' });
  }
  if (!looksText) throw new DomainError('invalid', 'unsupported_file_type', '文件不是文本格式的 CSV', { field: 'file' });
  return parseCsv(decodeText(buf));
}

// ---- validating a row -------------------------------------------------------------------------------------------

function text(v: Cell): string {
  if (v === null) return '';
  if (v instanceof Date) return toIsoCst(new Date(v.getTime() - 8 * 3600_000))!.slice(0, 16).replace('T', ' ');
  return String(v).trim();
}

function clean(key: Key, v: Cell, max: number, required = false): string | undefined {
  const s = text(v);
  if (!s) {
    if (required) throw new RowError(key, `${HEADER_OF[key]}不能为空`);
    return undefined;
  }
  if (s.length > max) throw new RowError(key, `${HEADER_OF[key]}不能超过 ${max} 个字符`);
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)) throw new RowError(key, `${HEADER_OF[key]}包含非法控制字符`);
  return s;
}

/** An Excel date cell is the wall-clock time it shows (China time); text is read as China time. */
function callTime(v: Cell): Date {
  let d: Date | null = null;
  if (v instanceof Date) d = new Date(v.getTime() - 8 * 3600_000);
  else if (typeof v === 'number' && v > 20000 && v < 80000) d = new Date(Math.round((v - 25569) * 86400_000) - 8 * 3600_000);
  else {
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?秒?)?$/.exec(text(v));
    if (m) {
      const [, y, mo, da, h = '0', mi = '0', s = '0'] = m;
      const iso = `${y}-${mo!.padStart(2, '0')}-${da!.padStart(2, '0')}T${h.padStart(2, '0')}:${mi.padStart(2, '0')}:${s.padStart(2, '0')}+08:00`;
      const parsed = new Date(iso);
      // 2026-02-30 rolls over in Date: compare the day back.
      if (!Number.isNaN(parsed.getTime()) && toIsoCst(parsed)!.slice(0, 10) === iso.slice(0, 10)) d = parsed;
    }
  }
  if (!d || Number.isNaN(d.getTime())) {
    if (text(v) === '') throw new RowError('calledAt', '来电时间不能为空');
    throw new RowError('calledAt', '来电时间格式不正确，应为 YYYY-MM-DD HH:mm');
  }
  if (d.getTime() > Date.now() + 3600_000) throw new RowError('calledAt', '来电时间不能晚于当前时间');
  return d;
}

export interface HotlineOrder {
  orderNo: string;
  calledAt: Date;
  categoryCode: string;
  title: string;
  content: string;
  address?: string;
  areaCode?: string;
  contact?: string;
  phone?: string;
  location?: { lat: number; lng: number; crs: 'wgs84' | 'gcj02' | 'bd09' };
  urgent?: boolean;
}

function toOrder(get: (k: Key) => Cell, categories: { byCode: Map<string, caseRepo.CatalogueRow>; byName: Map<string, string> }): HotlineOrder {
  const orderNo = clean('orderNo', get('orderNo'), 64, true)!;
  if (!/^[0-9A-Za-z_-]+$/.test(orderNo)) throw new RowError('orderNo', '工单编号只能包含字母、数字、下划线和连字符');
  const calledAt = callTime(get('calledAt'));
  const cat = clean('category', get('category'), 40, true)!;
  const type = categories.byCode.get(cat) ?? categories.byCode.get(categories.byName.get(cat) ?? '');
  if (!type || !type.leaf || !type.active) throw new RowError('category', `诉求类型“${cat}”不在事项目录中（请填写最末级类型的名称或代码）`);
  const content = clean('content', get('content'), 2000, true)!;
  const title = clean('title', get('title'), 100) ?? (content.length > 30 ? `${content.slice(0, 30)}…` : content);
  const address = clean('address', get('address'), 200);
  const areaCode = clean('areaCode', get('areaCode'), 20);
  if (areaCode && !isAreaCode(areaCode)) throw new RowError('areaCode', '所属区域代码格式不正确（应为 9、12、15 位等区划代码）');
  const contact = clean('contact', get('contact'), 40);
  const phone = clean('phone', get('phone'), 20)?.replace(/[\s-]/g, '');
  if (phone && !isValidMobile(phone)) throw new RowError('phone', '联系电话应为 11 位手机号');
  const lngText = clean('lng', get('lng'), 20);
  const latText = clean('lat', get('lat'), 20);
  let location: HotlineOrder['location'];
  if (lngText || latText) {
    if (!lngText || !latText) throw new RowError(lngText ? 'lat' : 'lng', '经度和纬度需同时填写');
    const lng = Number(lngText);
    const lat = Number(latText);
    if (!validLatLng(lat, lng)) throw new RowError('lng', '经纬度不正确（纬度 -90~90，经度 -180~180）');
    const crsText = (clean('crs', get('crs'), 10) ?? 'gcj02').toLowerCase();
    if (crsText !== 'gcj02' && crsText !== 'bd09' && crsText !== 'wgs84') throw new RowError('crs', '坐标系应为 gcj02、bd09 或 wgs84');
    location = { lat, lng, crs: crsText };
  }
  if (!areaCode && !location) throw new RowError('areaCode', '所属区域代码和经纬度至少填写一项');
  const urgentText = clean('urgent', get('urgent'), 4);
  let urgent: boolean | undefined;
  if (urgentText) {
    if (['是', 'Y', 'y', '1', 'true'].includes(urgentText)) urgent = true;
    else if (['否', 'N', 'n', '0', 'false'].includes(urgentText)) urgent = false;
    else throw new RowError('urgent', '是否紧急应填“是”或“否”');
  }
  return { orderNo, calledAt, categoryCode: type.code, title, content, address, areaCode, contact, phone, location, urgent };
}

const FIELD_OF_INPUT: Record<string, Key> = {
  categoryCode: 'category',
  areaCode: 'areaCode',
  location: 'lng',
  'reporter.phone': 'phone',
  title: 'title',
  description: 'content',
  address: 'address',
};

// ---- the import ---------------------------------------------------------------------------------------------------

function headerIndex(rows: Cell[][]): { at: number; cols: Map<Key, number> } {
  const norm = (v: Cell) => text(v).replace(/[\s*＊]/g, '').replace(/[（(].*[)）]$/, '');
  for (let i = 0; i < Math.min(rows.length, 5); i++) {
    const names = (rows[i] ?? []).map(norm);
    if (!names.some((n) => n === '工单编号' || (HOTLINE_COLUMNS[0].aliases as readonly string[]).includes(n))) continue;
    const cols = new Map<Key, number>();
    for (const c of HOTLINE_COLUMNS) {
      const idx = names.findIndex((n) => n === c.header || (c.aliases as readonly string[]).includes(n));
      if (idx >= 0) cols.set(c.key, idx);
    }
    const missing = HOTLINE_COLUMNS.filter((c) => c.required && !cols.has(c.key)).map((c) => c.header);
    if (missing.length) throw new DomainError('invalid', 'missing_columns', `文件缺少必填列：${missing.join('、')}（请使用导入模板）`, { field: 'file' });
    return { at: i, cols };
  }
  throw new DomainError('invalid', 'missing_columns', '未找到表头（第一行应为“工单编号、来电时间、诉求类型……”，请使用导入模板）', { field: 'file' });
}

/**
 * Imports hotline (12345) work orders: every row on its own (a bad row never stops the good ones),
 * new orders through the case intake with channel `hotline`, known order numbers as an amendment
 * of their case. The per-row report says what happened and why.
 */
export async function importHotline(ctx: AppContext, actor: Actor, fileName: string, buf: Buffer, req: RequestContext): Promise<ImportReport> {
  if (!canImportHotline(actor)) throw forbidden('只有区、镇（街道）指挥中心可以导入热线工单');
  if (buf.length > MAX_IMPORT_BYTES) throw new DomainError('too_large', 'payload_too_large', `文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  const table = await readTable(fileName, buf);
  const { at, cols } = headerIndex(table);
  const body = table
    .map((cells, i) => ({ cells, row: i + 1 }))
    .slice(at + 1)
    .filter((r) => r.cells.some((c) => text(c) !== ''));
  if (body.length === 0) throw new DomainError('invalid', 'empty_file', '文件中没有工单数据', { field: 'file' });
  if (body.length > MAX_IMPORT_ROWS) throw new DomainError('too_large', 'too_many_rows', `每次最多导入 ${MAX_IMPORT_ROWS} 条工单，本文件有 ${body.length} 条，请分批导入`);

  const catalogue = await catalogueCache(ctx.db);
  const byName = new Map<string, string>();
  for (const t of catalogue.byCode.values()) if (t.leaf && t.active && !byName.has(t.name)) byName.set(t.name, t.code);
  const categories = { byCode: catalogue.byCode, byName };

  const results: RowResult[] = [];
  for (const { cells, row } of body) {
    const get = (k: Key) => {
      const i = cols.get(k);
      return i === undefined ? null : (cells[i] ?? null);
    };
    const orderNo = text(get('orderNo')) || null;
    try {
      const order = toOrder(get, categories);
      results.push({ row, ...(await importOrder(ctx, actor, order, req, fileName)) });
    } catch (err) {
      if (err instanceof RowError) {
        results.push({ row, orderNo, status: 'refused', field: err.field ? HEADER_OF[err.field] : undefined, message: err.message });
      } else if (err instanceof DomainError) {
        const d = err.details as { field?: string } | undefined;
        const key = d?.field ? FIELD_OF_INPUT[d.field] : undefined;
        results.push({ row, orderNo, status: 'refused', field: key ? HEADER_OF[key] : undefined, message: err.message });
      } else {
        // A fault of ours must not lose the rows already committed: the row is reported, the fault logged.
        console.error('[gongzhi] hotline import row failed', err);
        results.push({ row, orderNo, status: 'refused', message: '系统处理该行时出错，未导入，请稍后重试' });
      }
    }
  }
  const count = (s: RowStatus) => results.filter((r) => r.status === s).length;
  const report: ImportReport = { fileName, total: results.length, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), refused: count('refused'), rows: results };
  await audit(ctx.db, { actor }, req, {
    action: 'import.hotline',
    entityType: 'import',
    areaCode: actor.scopeCode,
    detail: { fileName: fileName.slice(0, 120), total: report.total, created: report.created, updated: report.updated, unchanged: report.unchanged, refused: report.refused },
  });
  return report;
}

async function importOrder(ctx: AppContext, actor: Actor, o: HotlineOrder, req: RequestContext, fileName: string): Promise<Omit<RowResult, 'row'>> {
  const known = await caseRepo.findCaseByExternalRef(ctx.db, 'hotline', o.orderNo);
  if (known) return amendOrder(ctx, actor, known, o, req, fileName);

  // The intake lets a hotline order land anywhere; an importer only brings in orders of their own area.
  let place = o.areaCode ?? null;
  if (o.areaCode && !(await areaNames(ctx.db, [o.areaCode])).has(o.areaCode)) throw new RowError('areaCode', `所属区域代码 ${o.areaCode} 不存在`);
  if (o.location) {
    const p = toWgs84(o.location.lat, o.location.lng, o.location.crs);
    const grid = await gridAt(ctx, p.lat, p.lng);
    if (grid && !(place && place.startsWith(grid))) place = grid;
  }
  if (!place) throw new RowError('lng', '该坐标不在任何网格内，请填写所属区域代码');
  if (!isWithinScope(place, actor.scopeCode)) throw new RowError(o.areaCode ? 'areaCode' : 'lng', `工单所在区域（${place}）不在您的辖区内`);

  try {
    const res = await createCase(ctx, actor, {
      title: o.title,
      description: o.content,
      categoryCode: o.categoryCode,
      channel: 'hotline',
      areaCode: o.areaCode,
      location: o.location,
      address: o.address,
      reporter: o.contact || o.phone ? { name: o.contact, phone: o.phone } : undefined,
      urgent: o.urgent,
      externalRef: o.orderNo,
    }, req);
    const c = res.body as { id: string; code: string };
    return { orderNo: o.orderNo, status: 'created', caseId: c.id, caseCode: c.code, message: `已登记为案件 ${c.code}（来电时间 ${toIsoCst(o.calledAt)!.slice(0, 16).replace('T', ' ')}）` };
  } catch (err) {
    // Another import of the same order won the race: this row becomes its update.
    const pgCode = (err as { code?: unknown }).code ?? (err as { cause?: { code?: unknown } }).cause?.code;
    if ((err instanceof DomainError && err.code === 'duplicate_external_ref') || pgCode === '23505') {
      const again = await caseRepo.findCaseByExternalRef(ctx.db, 'hotline', o.orderNo);
      if (again) return amendOrder(ctx, actor, again, o, req, fileName);
    }
    throw err;
  }
}

async function amendOrder(ctx: AppContext, actor: Actor, c: caseRepo.CaseRow, o: HotlineOrder, req: RequestContext, fileName: string): Promise<Omit<RowResult, 'row'>> {
  if (!isWithinScope(c.areaCode, actor.scopeCode)) throw new RowError('orderNo', '该工单已登记为您辖区之外的案件，不能更新');
  const res = await amendCase(
    ctx,
    actor,
    c.id,
    { description: o.content, address: o.address ?? c.address, reporter: { name: o.contact ?? c.reporterName, phone: o.phone } },
    `热线工单 ${o.orderNo} 重新导入，更新了工单内容`,
    req,
    { source: 'hotline-import', orderNo: o.orderNo, fileName: fileName.slice(0, 120) },
  );
  if (!res) return { orderNo: o.orderNo, status: 'unchanged', caseId: c.id, caseCode: c.code, message: `与案件 ${c.code} 一致，未作修改` };
  const labels: Record<string, string> = { description: '诉求内容', address: '地址', 'reporter.name': '联系人', 'reporter.phone': '联系电话' };
  return { orderNo: o.orderNo, status: 'updated', caseId: c.id, caseCode: c.code, message: `已更新案件 ${c.code}：${res.changed.map((f) => labels[f] ?? f).join('、')}` };
}

// ---- template and report files --------------------------------------------------------------------------------------

/** The import template: the columns on the first sheet, what each means and the case types on the second. */
export async function hotlineTemplate(ctx: AppContext): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('热线工单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = HOTLINE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  HOTLINE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.note = `${c.required ? '必填。' : '选填。'}${c.note}`;
  });
  // Order numbers, codes and phone numbers are text: Excel must not turn them into numbers.
  for (const key of ['orderNo', 'areaCode', 'phone'] as Key[]) ws.getColumn(HOTLINE_COLUMNS.findIndex((c) => c.key === key) + 1).numFmt = '@';
  ws.getColumn(2).numFmt = 'yyyy-mm-dd hh:mm';

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 16 }, { width: 8 }, { width: 70 }];
  help.addRow(['列名', '必填', '说明']).font = { bold: true };
  for (const c of HOTLINE_COLUMNS) help.addRow([c.header, c.required ? '是' : '否', c.note]);
  help.addRow([]);
  help.addRow(['示例', '', '20261201-0001 | 2026-12-01 09:30 | 道路破损 | 状元街路面塌陷 | 状元街 18 号门口路面塌陷约一平方米 | 状元街 18 号 | 320614103001001 | 张先生 | 13900000000']);
  help.addRow(['说明', '', '同一工单编号再次导入时，更新原案件的诉求内容、地址和联系人信息；导入结果逐行列出已登记、已更新、未变化和被拒绝的原因。']);
  help.addRow([]);
  help.addRow(['诉求类型', '代码', '类型名称']).font = { bold: true };
  const catalogue = await catalogueCache(ctx.db);
  for (const t of catalogue.byCode.values()) if (t.leaf && t.active) help.addRow(['', t.code, t.name]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const STATUS_LABELS: Record<RowStatus, string> = { created: '已登记', updated: '已更新', unchanged: '未变化', refused: '被拒绝' };

/** The per-row report as a workbook (from the report the import returned). */
export async function reportWorkbook(actor: Actor, report: Pick<ImportReport, 'fileName' | 'rows'>): Promise<Buffer> {
  const columns: ColumnSpec<RowResult>[] = [
    { header: '行号', type: 'int', width: 7, value: (r) => r.row },
    { header: '工单编号', width: 20, value: (r) => r.orderNo },
    { header: '结果', width: 10, value: (r) => STATUS_LABELS[r.status] },
    { header: '案件编号', width: 20, value: (r) => r.caseCode },
    { header: '问题字段', width: 14, value: (r) => r.field },
    { header: '说明', width: 60, value: (r) => r.message },
  ];
  const n = (s: RowStatus) => report.rows.filter((r) => r.status === s).length;
  return workbookBuffer({
    name: '导入结果',
    title: `热线工单导入结果：${report.fileName}`,
    info: `共 ${report.rows.length} 行：已登记 ${n('created')}，已更新 ${n('updated')}，未变化 ${n('unchanged')}，被拒绝 ${n('refused')}    导出人：${actor.displayName}    导出时间：${toIsoCst(new Date())!.slice(0, 16).replace('T', ' ')}`,
    columns,
    rows: report.rows,
  });
}
