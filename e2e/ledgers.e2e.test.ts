// Ledgers through the real UI in Chromium: 常乐镇's centre imports a small 12345 hotline file on the
// 工单导入 page and reads the per-row report; the community exports its case list to Excel (the
// downloaded file is parsed back) and its people in the background (progress, then the file); the town
// downloads the monthly bulletin. Screenshots in `screenshots/`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { consoleLogin, desktop, shot, useBrowserSession, openMenu } from './browser.ts';

const GRID = '320614103001001'; // 状元街 第一网格
const OTHER_TOWN_GRID = '320614104001001';
let tmpDir: string;

useBrowserSession();
beforeAll(() => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-ledgers-'));
});
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

async function hotlineFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('热线工单');
  ws.addRow(['工单编号', '来电时间', '诉求类型', '标题', '诉求内容', '地址', '所属区域代码', '联系人', '联系电话']);
  ws.addRow(['12345-E2E-0001', '2026-11-30 09:12', '路灯', '状元街 8 号路灯不亮', '市民来电反映状元街 8 号门口路灯连续三晚不亮', '状元街 8 号', GRID, '王先生', '13900001111']);
  ws.addRow(['12345-E2E-0002', '2026-11-30 10:40', '井盖缺失', '状元街 20 号井盖缺失', '市民来电反映状元街 20 号人行道井盖缺失，存在安全隐患', '状元街 20 号', GRID, '', '']);
  ws.addRow(['12345-E2E-0001', '2026-11-30 15:02', '路灯', '状元街 8 号路灯不亮', '市民再次来电：状元街 8 号门口路灯仍不亮，已四晚', '状元街 8 号', GRID, '王先生', '13900001111']);
  ws.addRow(['12345-E2E-0003', '2026-11-30 11:00', '不存在的类型', '类型填错', '内容', '', GRID, '', '']);
  ws.addRow(['12345-E2E-0004', '2026-11-30 11:30', '0102', '外镇工单', '不属于常乐镇的工单', '', OTHER_TOWN_GRID, '', '']);
  const file = path.join(tmpDir, '12345热线工单.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('ledgers', () => {
  it('the town imports hotline orders and sees the per-row report', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    await openMenu(page, 'menu-import');
    await page.getByTestId('import-title').waitFor();
    await shot(page, 'ledgers-import-page');

    // The template downloads from the page.
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(template.suggestedFilename()).toBe('热线工单导入模板.xlsx');

    await page.locator('[data-testid="import-upload"] input[type=file], .ant-upload input[type=file]').first().setInputFiles(await hotlineFile());
    await page.getByTestId('import-report').waitFor();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.getByTestId('import-created').innerText()).toContain('2');
    expect(await report.getByTestId('import-updated').innerText()).toContain('1');
    expect(await report.getByTestId('import-refused').innerText()).toContain('2');
    const table = page.getByTestId('import-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
    const text = await table.innerText();
    expect(text).toContain('诉求类型“不存在的类型”不在事项目录中');
    expect(text).toContain('不在您的辖区内');
    expect(text).toMatch(/已更新案件 HM\d+：诉求内容/);
    await shot(page, 'ledgers-import-report', true);

    // The report downloads as Excel.
    const [rep] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-report-download').click()]);
    const repFile = path.join(tmpDir, 'report.xlsx');
    await rep.saveAs(repFile);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(repFile);
    expect(wb.worksheets[0]!.getRow(3).getCell(1).value).toBe('行号');
    expect(wb.worksheets[0]!.rowCount).toBe(3 + 5);

    // An imported order is a case on the hotline channel, in the case list.
    await page.getByRole('link', { name: /^HM\d+$/ }).first().click();
    await page.getByTestId('case-page').waitFor();
    expect(await page.locator('body').innerText()).toContain('热线');
    await context.close();
  });

  it('the community exports its case list and the downloaded file has the listed rows', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community', `/cases?tab=all&q=${encodeURIComponent('状元街')}`);
    await page.getByTestId('cases-page').waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    const listed = await page.locator('.ant-table-tbody tr.ant-table-row').count();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cases-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^案件台账-状元街居委会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = path.join(tmpDir, 'cases.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(2).getCell(1).value)).toContain('关键词“状元街”');
    expect(ws.getRow(3).getCell(1).value).toBe('案件编号');
    const codes: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 3) codes.push(String(row.getCell(1).value));
    });
    expect(codes.length).toBeGreaterThanOrEqual(listed);
    const firstListed = (await page.locator('.ant-table-tbody tr.ant-table-row').first().innerText()).match(/HM\d+/)?.[0];
    expect(codes).toContain(firstListed);
    await shot(page, 'ledgers-cases-export');
    await context.close();
  });

  it('the community exports its people in the background: progress beside the button, then the file', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community', '/people');
    await page.getByTestId('people-page').waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    const downloaded = page.waitForEvent('download', { timeout: 120_000 });
    // Awaited below, after the progress is checked: if a check fails first, the wait must not reject unhandled later.
    downloaded.catch(() => undefined);
    await page.getByTestId('people-export').click();
    const progress = page.getByTestId('people-export-progress');
    await progress.waitFor();
    expect(await progress.innerText()).toMatch(/已写入 \d+ \/ \d+ 行/);
    await shot(page, 'ledgers-people-export-progress');
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^人口信息-状元街居委会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = path.join(tmpDir, 'people.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(1).value).toBe('姓名');
    expect(ws.rowCount).toBeGreaterThan(100);
    await progress.waitFor({ state: 'detached' });
    await context.close();
  });

  it('the town picks a month and downloads the work bulletin', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    await openMenu(page, 'menu-bulletin');
    await page.getByTestId('bulletin-title').waitFor();
    await expect.poll(() => page.getByTestId('bulletin-received').innerText()).toMatch(/\d/);
    await shot(page, 'ledgers-bulletin-page');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulletin-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^工作简报-常乐镇-\d{4}-\d{2}\.docx$/);
    const file = path.join(tmpDir, 'bulletin.docx');
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    await context.close();
  });
});
