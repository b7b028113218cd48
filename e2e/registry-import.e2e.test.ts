// Population import through the real console in Chromium: a community worker uploads a spreadsheet,
// reads the per-row report, corrects one imported person by hand and records a move-out on the household.
import { beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { consoleLogin, desktop, menuHas, openMenu, phone, phoneLogin, session, shot, useBrowserSession } from './browser.ts';

const GRID = '320614103001001';
// Names and ID numbers of this attempt: a retry imports people of its own, not the ones the first try imported and edited.
let run = '';
let region = '';
beforeEach(() => {
  run = `${Date.now() % 100000}`;
  region = `12${String(Math.floor(Math.random() * 9000) + 1000)}`;
});

/** A GB 11643 number born on 3 March 1903 in a region of this run (check character by ISO 7064 MOD 11-2). */
function idNumber(n: number): string {
  const first17 = `${region}19030303${String(n).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人口信息');
  ws.addRow(['姓名', '公民身份号码', '联系电话', '网格编码', '楼栋', '单元', '门牌号', '与户主关系']);
  // A building of its own (created by the import), so that its one household is easy to find.
  ws.addRow([`导入居民甲${run}`, idNumber(1), '13900000001', GRID, `E${run}`, '1单元', '101室', '户主']);
  ws.addRow([`导入居民乙${run}`, idNumber(2), '0513-82123456', GRID, `E${run}`, '1', '101', '配偶']);
  const bad = idNumber(3);
  ws.addRow([`校验位错${run}`, bad.slice(0, 17) + (bad.endsWith('0') ? '1' : '0'), '13900000003', GRID, '1幢', '1单元', '101室', '']);
  ws.addRow([`电话错${run}`, idNumber(4), '12345', GRID, '1幢', '1单元', '101室', '']);
  ws.addRow([`外社区${run}`, idNumber(5), '13900000005', '320614103002001', '1幢', '1单元', '101室', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

useBrowserSession();

describe('population import in the console', () => {
  it('a community worker uploads a file, sees the report, and edits an imported person', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community');
    await openMenu(page, 'menu-people-import');
    await page.getByTestId('people-import-title').waitFor();
    await shot(page, 'registry-import-01-page');

    await page.locator('[data-testid="people-import-upload"] input[type=file], .ant-upload input[type=file]').first().setInputFiles({
      name: '状元街人口.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook(),
    });
    const report = page.getByTestId('people-import-report');
    await report.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('people-import-created').innerText(), { timeout: 20_000 }).toContain('2');
    await expect.poll(() => page.getByTestId('people-import-refused').innerText(), { timeout: 20_000 }).toContain('3');
    const table = page.getByTestId('people-import-table');
    await expect.poll(() => table.innerText(), { timeout: 20_000 }).toContain('公民身份号码：');
    const text = await table.innerText();
    expect(text).toContain('联系电话：');
    expect(text).toContain('不在您的辖区内');
    await shot(page, 'registry-import-02-report', true);

    // The same file again: nothing new.
    await page.locator('[data-testid="people-import-upload"] input[type=file], .ant-upload input[type=file]').first().setInputFiles({ name: '状元街人口.xlsx', mimeType: 'application/octet-stream', buffer: await workbook() });
    await expect.poll(() => page.getByTestId('people-import-unchanged').innerText(), { timeout: 20_000 }).toContain('2');
    await expect.poll(() => page.getByTestId('people-import-created').innerText(), { timeout: 20_000 }).toContain('0');

    // Edit one imported person by hand.
    // The list's filters live in the URL: open it filtered by the imported name.
    await page.goto(`${session.url}/people?q=${encodeURIComponent(`导入居民甲${run}`)}`);
    await expect.poll(() => page.getByTestId('person-row').count(), { timeout: 20_000 }).toBe(1);
    await page.getByTestId('person-row').first().getByTestId('person-name').click();
    await page.getByTestId('person-detail').waitFor();
    await page.getByTestId('person-edit').click();
    const dialog = page.getByRole('dialog', { name: '编辑人员信息' });
    await dialog.getByTestId('pf-name').fill(`改名居民${run}`);
    await dialog.getByTestId('person-form-submit').click();
    await expect.poll(() => page.getByTestId('person-detail').innerText(), { timeout: 20_000 }).toContain(`改名居民${run}`);
    await shot(page, 'registry-import-03-edited');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();

    // The household page: record that 乙 moved out; the history shows it, the member list no longer does.
    const found = (await (await page.request.get(`${session.url}/api/people?q=${encodeURIComponent(`导入居民乙${run}`)}`)).json()) as { items: { areaCode: string }[] };
    await page.goto(`${session.url}/areas/${found.items[0]!.areaCode}`);
    await page.getByTestId('household-row').first().click();
    const drawer = page.getByTestId('household-drawer');
    await drawer.getByTestId('household-history').waitFor();
    await expect.poll(() => drawer.getByTestId('member-row').count(), { timeout: 20_000 }).toBe(2);
    await drawer.getByTestId('household-event-add').click();
    const form = page.getByTestId('household-event-form');
    await form.getByText('迁出').click();
    await form.getByTestId('household-event-person').click();
    await page.locator('.ant-select-item-option', { hasText: `导入居民乙${run}` }).click();
    await page.getByTestId('household-event-submit').click();
    await expect.poll(() => drawer.getByTestId('household-event').count(), { timeout: 20_000 }).toBe(1);
    expect(await drawer.getByTestId('household-event').innerText()).toContain(`导入居民乙${run}`);
    await expect.poll(() => drawer.getByTestId('member-row').count(), { timeout: 20_000 }).toBe(1);
    await shot(page, 'registry-import-04-household-history');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();

    // A new household at the same unit: it opens with an empty history.
    await page.getByTestId('household-create').click();
    await page.getByTestId('household-create-door').fill('102室');
    await page.getByTestId('household-create-submit').click();
    await expect.poll(() => page.getByTestId('household-drawer').innerText(), { timeout: 20_000 }).toContain('102室');
    await expect.poll(() => page.getByTestId('household-row').count(), { timeout: 20_000 }).toBe(2);

    // On the phone, the grid worker records the death of the remaining member of the first household.
    const person = (await (await page.request.get(`${session.url}/api/people?q=${encodeURIComponent(`改名居民${run}`)}`)).json()) as { items: { householdId: string }[] };
    const mobile = await phone();
    await phoneLogin(mobile.page, 'grid', `/m/households/${person.items[0]!.householdId}`);
    await mobile.page.getByTestId('m-household-history').waitFor();
    await expect.poll(() => mobile.page.getByTestId('m-household-event').count(), { timeout: 20_000 }).toBe(1);
    // A new member registered where they live: the ID number fills the birth date and gender.
    const members = mobile.page.locator('[data-testid="m-household-members"] .adm-list-item');
    const before = await members.count();
    await mobile.page.getByTestId('m-household-member-add').click();
    const pf = mobile.page.getByTestId('m-person-form');
    await pf.getByTestId('m-pf-name').locator('input').fill(`新登居民${run}`);
    await pf.getByTestId('m-pf-phone').locator('input').fill('1391234');
    await mobile.page.getByTestId('m-person-form-submit').click();
    await expect.poll(() => pf.innerText()).toContain('手机号码不正确');
    await pf.getByTestId('m-pf-phone').locator('input').fill('13912345678');
    await pf.getByTestId('m-pf-id').locator('input').fill(idNumber(7));
    await expect.poll(() => pf.getByTestId('m-pf-birth').locator('input').inputValue()).toBe('1903-03-03');
    await shot(mobile.page, 'registry-import-05a-phone-new-member');
    await mobile.page.getByTestId('m-person-form-submit').click();
    await expect.poll(() => members.count(), { timeout: 20_000 }).toBe(before + 1);
    // The same ID number again is refused on its field.
    await mobile.page.getByTestId('m-household-member-add').click();
    await pf.getByTestId('m-pf-name').locator('input').fill(`重复居民${run}`);
    await pf.getByTestId('m-pf-id').locator('input').fill(idNumber(7));
    await mobile.page.getByTestId('m-person-form-submit').click();
    await expect.poll(() => pf.innerText()).toContain('已登记');
    await mobile.page.locator('.adm-mask').first().click({ position: { x: 10, y: 10 } });
    // Corrected on their own page: the number is masked there, the new one is kept.
    await members.filter({ hasText: `新登居民${run}` }).click();
    await mobile.page.getByTestId('m-person-edit').click();
    await pf.getByTestId('m-pf-phone').locator('input').fill('13987654321');
    await mobile.page.getByTestId('m-person-form-submit').click();
    await expect.poll(() => mobile.page.getByTestId('m-person-detail').innerText(), { timeout: 20_000 }).toContain('4321');
    expect(await mobile.page.getByTestId('m-person-detail').innerText()).not.toContain('13987654321');
    await mobile.page.goBack();
    await mobile.page.getByTestId('m-household-history').waitFor();
    await mobile.page.getByTestId('m-household-event-add').click();
    await mobile.page.getByText('死亡', { exact: true }).click();
    await mobile.page.getByTestId('m-household-event-person').getByText(`改名居民${run}`).click();
    await mobile.page.getByTestId('m-household-event-submit').click();
    await expect.poll(() => mobile.page.getByTestId('m-household-event').count(), { timeout: 20_000 }).toBe(2);
    await shot(mobile.page, 'registry-import-05-phone-household');
    await mobile.context.close();

    // A town dispatcher has no import entry.
    await context.close();
    const town = await desktop();
    await consoleLogin(town.page, 'town');
    expect(await menuHas(town.page, 'menu-people-import')).toBe(false);
    await town.context.close();
  });
});
