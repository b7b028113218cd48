import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

/** How a column's values are written: numbers stay numbers, rates become percentages, times China time. */
export type ColumnType = 'text' | 'int' | 'number' | 'percent' | 'date' | 'datetime' | 'bool';

export interface ColumnSpec<R> {
  header: string;
  type?: ColumnType;
  /** Width in characters; a sensible default per type when omitted. */
  width?: number;
  value: (row: R) => unknown;
}

export interface SheetSpec<R> {
  /** Worksheet name (Excel allows at most 31 characters). */
  name: string;
  /** First row: what the sheet is. */
  title: string;
  /** Second row: the filters applied and when the file was made. */
  info: string;
  columns: ColumnSpec<R>[];
  rows: Iterable<R> | AsyncIterable<R>;
  /** A last row in bold (e.g. 合计). */
  total?: R;
  /** Called with the number of rows written so far, every few hundred rows (streamed sheets only). */
  onProgress?: (rows: number) => void;
}

/** Rows written between two rests when streaming: other requests are served in between. */
const ROWS_PER_TURN = 25;

const DEFAULT_WIDTH: Record<ColumnType, number> = { text: 16, int: 10, number: 12, percent: 11, date: 12, datetime: 18, bool: 8 };
const NUM_FMT: Partial<Record<ColumnType, string>> = {
  int: '0',
  number: '0.0',
  percent: '0.00%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};
const HEADER_ROW = 3;
const CHINA_OFFSET_MS = 8 * 3600_000;

/**
 * Excel dates carry no time zone: a time is written as the China wall-clock time it shows,
 * so an office in China sees the same date and hour as the console.
 */
function cellValue(type: ColumnType, v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  switch (type) {
    case 'int':
    case 'number':
    case 'percent': {
      const n = typeof v === 'number' ? v : Number(v);
      return Number.isFinite(n) ? n : null;
    }
    case 'date':
    case 'datetime': {
      const d = v instanceof Date ? v : new Date(String(v));
      if (Number.isNaN(d.getTime())) return null;
      // A date-only string (YYYY-MM-DD) is already a China date; a timestamp is shifted to China time.
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
      return new Date(d.getTime() + CHINA_OFFSET_MS);
    }
    case 'bool':
      return v ? '是' : '否';
    default: {
      const s = String(v);
      // A cell starting with = + - @ is shown as text, never evaluated as a formula by a spreadsheet.
      return /^[=+\-@]/.test(s) ? `'${s}` : s;
    }
  }
}

function sheetName(name: string) {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1';
}

async function fill<R>(ws: ExcelJS.Worksheet, spec: SheetSpec<R>, commitRows: boolean, maxRows: number): Promise<number> {
  const types = spec.columns.map((c) => c.type ?? 'text');
  const n = spec.columns.length;
  ws.columns = spec.columns.map((c, i) => ({ width: c.width ?? Math.max(DEFAULT_WIDTH[types[i]!], c.header.length * 2 + 2) }));
  const title = ws.getRow(1);
  title.getCell(1).value = spec.title;
  title.getCell(1).font = { bold: true, size: 14 };
  title.height = 22;
  ws.mergeCells(1, 1, 1, Math.max(n, 1));
  const info = ws.getRow(2);
  info.getCell(1).value = spec.info;
  info.getCell(1).font = { color: { argb: 'FF595959' }, size: 10 };
  ws.mergeCells(2, 1, 2, Math.max(n, 1));
  const header = ws.getRow(HEADER_ROW);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } } };
  });
  if (commitRows) {
    title.commit();
    info.commit();
    header.commit();
  }
  let rowNo = HEADER_ROW;
  const write = (r: R, bold: boolean) => {
    rowNo += 1;
    const row = ws.getRow(rowNo);
    spec.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = cellValue(types[i]!, c.value(r));
      const fmt = NUM_FMT[types[i]!];
      if (fmt) cell.numFmt = fmt;
      if (bold) cell.font = { bold: true };
    });
    if (commitRows) row.commit();
  };
  let count = 0;
  let t0 = performance.now();
  for await (const r of spec.rows as AsyncIterable<R>) {
    if (count >= maxRows) break;
    write(r, false);
    count += 1;
    if (commitRows && count % ROWS_PER_TURN === 0) {
      spec.onProgress?.(count);
      // A rest twice as long as the work took (reads included): an export is background work and uses at most
      // about a third of the event loop, so requests arriving meanwhile are served without waiting behind it.
      const busy = performance.now() - t0;
      await new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, Math.min(2 * busy, 250))));
      t0 = performance.now();
    }
  }
  spec.onProgress?.(count);
  if (spec.total) write(spec.total, true);
  return count;
}

/** The frozen header (set when the sheet is added) and the filter over header and rows. */
function frame(ws: ExcelJS.Worksheet, columns: number, lastRow: number) {
  if (columns > 0) ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(lastRow, HEADER_ROW), column: columns } };
}

/**
 * exceljs, loaded when a workbook is first written or read: it takes a quarter of a second to load, which every start of
 * the server (and every test file) paid though most never touch a spreadsheet.
 */
export const loadExcel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;

/** A new workbook to write, with the product as its author. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '共治 Gongzhi';
  return wb;
}

/** A workbook with one sheet, in memory: for lists of a few thousand rows at most. */
export async function workbookBuffer<R>(spec: SheetSpec<R>, maxRows = 50_000): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName(spec.name), { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  const count = await fill(ws, spec, false, maxRows);
  frame(ws, spec.columns.length, HEADER_ROW + count + (spec.total ? 1 : 0));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Streams a one-sheet workbook to `out` row by row (exceljs' streaming writer): a ledger of tens
 * of thousands of rows never sits in memory as a whole. Returns the number of data rows written.
 */
export async function streamWorkbook<R>(spec: SheetSpec<R>, out: Writable, maxRows = 50_000): Promise<number> {
  const wb = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '共治 Gongzhi';
  const ws = wb.addWorksheet(sheetName(spec.name), { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  const count = await fill(ws, spec, true, maxRows);
  // The streaming writer writes the filter range when the sheet is committed, after the rows.
  frame(ws, spec.columns.length, HEADER_ROW + count + (spec.total ? 1 : 0));
  ws.commit();
  await wb.commit();
  return count;
}

/** Reads the first sheet of an .xlsx buffer as rows of cell texts/values (row 1 first). */
export async function readXlsxRows(buf: Buffer): Promise<unknown[][]> {
  const wb = new (await loadExcel()).Workbook();
  // exceljs' type wants its own Buffer flavour; the bytes are the same.
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = (row.values as unknown[]).slice(1);
    rows[n - 1] = values;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/** `attachment; filename*=…` for a Chinese file name. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
