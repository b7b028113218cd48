import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { areas } from '../src/db/schema.ts';
import { readXlsxRows } from '../src/lib/xlsx.ts';
import type { ImportReport } from '../src/services/hotline-import.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

const GRID = '320614103001001';
const OTHER_TOWN_GRID = '320614104001001';

let t: TestApp;
let town: Client;
const run = uniq();
const kw = `热线${run}`;

beforeAll(async () => {
  t = await createTestApp();
  town = await t.as('town');
});
afterAll(async () => t?.close());

function upload(c: Client | null, name: string, data: Buffer, mime = 'application/octet-stream') {
  const boundary = `----gz${uniq()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${mime}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({ method: 'POST', url: '/api/imports/hotline', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(c?.cookie ? { cookie: c.cookie } : {}) }, payload });
}

const HEADERS = ['工单编号', '来电时间', '诉求类型', '标题', '诉求内容', '地址', '所属区域代码', '联系人', '联系电话'];

async function xlsx(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('热线工单');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// Excel shows a date cell as the wall-clock time written: 2026-11-30 09:30 China time.
const called = new Date('2026-11-30T09:30:00Z');

describe('hotline import', () => {
  it('gives a per-row report: created, updated for a repeated order number, refused with the reason', async () => {
    const a = `A${run}`;
    const b = `B${run}`;
    const file = await xlsx([
      [a, called, '0102', `${kw} 路灯不亮`, '状元街 8 号门口路灯不亮', '状元街 8 号', GRID, '王先生', '13900001111'],
      [b, '2026-11-30 10:05', '0102', `${kw} 井盖缺失`, '状元街 20 号井盖缺失', '状元街 20 号', GRID, '', ''],
      [a, called, '0102', `${kw} 路灯不亮`, '状元街 8 号门口路灯不亮，已两天', '状元街 8 号', GRID, '王先生', '13900002222'],
      [`C${run}`, called, '不存在的类型', `${kw} 坏类型`, '内容', '', GRID, '', ''],
      [`D${run}`, called, '0102', `${kw} 无内容`, '', '', GRID, '', ''],
      [`E${run}`, called, '0102', `${kw} 坏电话`, '内容', '', GRID, '', '12345'],
      [`F${run}`, called, '0102', `${kw} 外镇`, '内容', '', OTHER_TOWN_GRID, '', ''],
      [`G${run}`, '昨天下午', '0102', `${kw} 坏时间`, '内容', '', GRID, '', ''],
      [`H${run}`, called, '0102', `${kw} 无区域`, '内容', '', '', '', ''],
    ]);
    const res = await upload(town, '热线工单.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    const report = json<ImportReport>(res);
    expect({ total: report.total, created: report.created, updated: report.updated, refused: report.refused }).toEqual({ total: 9, created: 2, updated: 1, refused: 6 });
    const byRow = new Map(report.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)!.status).toBe('created');
    expect(byRow.get(3)!.status).toBe('created');
    expect(byRow.get(4)).toMatchObject({ status: 'updated', caseCode: byRow.get(2)!.caseCode });
    expect(byRow.get(4)!.message).toContain('诉求内容');
    expect(byRow.get(5)).toMatchObject({ status: 'refused', field: '诉求类型' });
    expect(byRow.get(6)).toMatchObject({ status: 'refused', field: '诉求内容' });
    expect(byRow.get(6)!.message).toContain('不能为空');
    expect(byRow.get(7)).toMatchObject({ status: 'refused', field: '联系电话' });
    expect(byRow.get(8)).toMatchObject({ status: 'refused', field: '所属区域代码' });
    expect(byRow.get(8)!.message).toContain('不在您的辖区内');
    expect(byRow.get(9)).toMatchObject({ status: 'refused', field: '来电时间' });
    expect(byRow.get(10)).toMatchObject({ status: 'refused', field: '所属区域代码' });

    // The good rows are cases in the loop, channel hotline, carrying the order number; the update is on the timeline.
    const list = json<{ total: number; items: { id: string; channel: string; code: string; state: string }[] }>(await town.get(`/api/cases?q=${encodeURIComponent(kw)}&pageSize=50`));
    expect(list.total).toBe(2);
    expect(list.items.every((c) => c.channel === 'hotline' && c.state === 'reported')).toBe(true);
    const updated = json<{ description: string; reporter: { phone: string }; timeline: { action: string; note?: string }[] }>(await town.get(`/api/cases/${byRow.get(2)!.caseId}`));
    expect(updated.description).toBe('状元街 8 号门口路灯不亮，已两天');
    expect(updated.reporter.phone).toContain('2222');
    expect(updated.timeline.map((e) => e.action).filter((a) => a !== 'group-candidate')).toEqual(['report', 'amend']);
    expect(updated.timeline.find((e) => e.action === 'amend')!.note).toContain(a);
    // The community that owns the case finds it in its inbox.
    const community = await t.as('community');
    expect(json<{ items: { code: string }[] }>(await community.get(`/api/cases?q=${encodeURIComponent(kw)}`)).items.map((c) => c.code)).toContain(byRow.get(3)!.caseCode);
  });

  it('re-importing a file changes nothing (CSV, as Excel in China saves it: GB18030)', async () => {
    const rows = [
      [`P${run}`, '2026-11-29 08:00', '0102', `${kw} 积水`, '小区门口积水，车辆难行', '状元街 1 号', GRID, '李女士', '13900003333'],
      [`Q${run}`, '2026/11/29 8:15', '0102', `${kw} "引号"，逗号`, '内容里有，逗号和"引号"', '', GRID, '', ''],
    ];
    const csv = [HEADERS, ...rows].map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n');
    const gbk = await gbEncode(csv);
    const first = json<ImportReport>(await upload(town, '工单.csv', gbk, 'text/csv'));
    expect(first.rows.map((r) => r.status)).toEqual(['created', 'created']);
    const again = json<ImportReport>(await upload(town, '工单.csv', gbk, 'text/csv'));
    expect(again.rows.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    expect(again.rows.map((r) => r.caseCode)).toEqual(first.rows.map((r) => r.caseCode));
    const c = json<{ title: string; description: string }>(await town.get(`/api/cases/${first.rows[1]!.caseId}`));
    expect(c.title).toBe(`${kw} "引号"，逗号`);
    expect(c.description).toBe('内容里有，逗号和"引号"');
    const list = json<{ total: number }>(await town.get(`/api/cases?q=${encodeURIComponent(`${kw} 积水`)}`));
    expect(list.total).toBe(1);
  });

  it('places an order by its coordinates alone, in the area of the importer', async () => {
    const [area] = await t.ctx.db.select({ geometry: areas.geometry }).from(areas).where(eq(areas.code, GRID));
    const ring = (area!.geometry as { coordinates: [number, number][][] }).coordinates[0]!;
    const lng = ring.reduce((s, p) => s + p[0], 0) / ring.length;
    const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('热线工单');
    ws.addRow(['工单编号', '来电时间', '诉求类型', '诉求内容', '经度', '纬度', '坐标系']);
    ws.addRow([`L${run}`, called, '路灯', `${kw} 坐标定位的路灯不亮`, lng, lat, 'wgs84']);
    const report = json<ImportReport>(await upload(town, 'geo.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(report.rows[0], JSON.stringify(report.rows[0])).toMatchObject({ status: 'created' });
    const c = json<{ areaCode: string; title: string; categoryCode: string; location: { lat: number } }>(await town.get(`/api/cases/${report.rows[0]!.caseId}`));
    expect(c.areaCode.startsWith(GRID)).toBe(true);
    expect(c.categoryCode).toBe('B0110');
    // No title column: the title is taken from the content.
    expect(c.title).toBe(`${kw} 坐标定位的路灯不亮`.slice(0, 30) + (`${kw} 坐标定位的路灯不亮`.length > 30 ? '…' : ''));
    expect(c.location.lat).toBeCloseTo(lat, 5);
  });

  it('reads a GB18030 CSV', async () => {
    const utf = `${HEADERS.join(',')}\r\nR${run},2026-11-29 09:00,0102,${kw} 编码,中文内容,,${GRID},,\r\n`;
    const gb = await gbEncode(utf);
    expect(gb.equals(Buffer.from(utf))).toBe(false);
    const report = json<ImportReport>(await upload(town, 'gb.csv', gb, 'text/csv'));
    expect(report.rows[0]).toMatchObject({ status: 'created' });
    const c = json<{ description: string }>(await town.get(`/api/cases/${report.rows[0]!.caseId}`));
    expect(c.description).toBe('中文内容');
  });

  it('refuses what is not an order file, too large a file, and callers who may not import', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const wrong = await upload(town, 'photo.png', png, 'image/png');
    expect(wrong.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(wrong).error.code).toBe('unsupported_file_type');
    const noHeader = await upload(town, 'x.csv', Buffer.from('a,b,c\r\n1,2,3\r\n'), 'text/csv');
    expect(noHeader.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(noHeader).error.message).toContain('模板');
    const big = await upload(town, 'big.csv', Buffer.alloc(6 * 1024 * 1024, 0x41), 'text/csv');
    expect(big.statusCode).toBe(413);
    const file = await xlsx([[`Z${run}`, called, '0102', '标题', '内容', '', GRID, '', '']]);
    expect((await upload(await t.as('community'), 'a.xlsx', file)).statusCode).toBe(403);
    expect((await upload(await t.as('resident'), 'a.xlsx', file)).statusCode).toBe(403);
    expect((await upload(null, 'a.xlsx', file)).statusCode).toBe(401);
    const notMultipart = await town.post('/api/imports/hotline', { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);
    // The console shows the import page to whoever the server lets import.
    expect(json<{ abilities: string[] }>(await town.get('/api/auth/me')).abilities).toContain('hotline.import');
    expect(json<{ abilities: string[] }>(await (await t.as('community')).get('/api/auth/me')).abilities).not.toContain('hotline.import');
  });

  it('offers the template and the report as Excel files', async () => {
    const tpl = await town.get('/api/imports/hotline/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    const rows = await readXlsxRows(tpl.rawPayload);
    expect(rows[0]!.slice(0, 5)).toEqual(['工单编号', '来电时间', '诉求类型', '标题', '诉求内容']);
    const rep = await town.post('/api/imports/hotline/report.xlsx', { fileName: 'x.xlsx', rows: [{ row: 2, orderNo: 'A1', status: 'refused', field: '联系电话', message: '联系电话应为 11 位手机号' }] });
    expect(rep.statusCode).toBe(200);
    const r = await readXlsxRows(rep.rawPayload);
    expect(r[2]).toEqual(['行号', '工单编号', '结果', '案件编号', '问题字段', '说明']);
    expect(r[3]).toEqual([2, 'A1', '被拒绝', undefined, '联系电话', '联系电话应为 11 位手机号']);
  });
});

/** GB18030 encoding without a library: map each character through a reverse table built from the decoder. */
async function gbEncode(s: string): Promise<Buffer> {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  const wanted = new Set(Array.from(s).filter((ch) => ch.charCodeAt(0) > 0x7f));
  for (let hi = 0x81; hi <= 0xfe && table.size < wanted.size; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(Buffer.from([hi, lo]));
      if (wanted.has(ch) && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of Array.from(s)) {
    if (ch.charCodeAt(0) <= 0x7f) out.push(ch.charCodeAt(0));
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(out);
}
