// The audit administrator's history check through the real UI in Chromium: verify every hash chain,
// download yesterday's head hashes and check them back. Screenshots in `screenshots/`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleLogin, desktop, shot, useBrowserSession, openMenu } from './browser.ts';

let tmpDir: string;

useBrowserSession();
beforeAll(() => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-chain-'));
});
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

describe('history verification', () => {
  it('verifies the chains, downloads a day’s head hashes and checks the file back', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'auditor');
    await openMenu(page, 'menu-chain');
    await page.getByTestId('chain-title').waitFor();
    await page.getByTestId('chain-verify').click();
    const result = page.getByTestId('chain-result');
    await result.waitFor();
    await expect.poll(() => result.textContent()).toContain('校验通过');
    expect(await page.textContent('body')).toContain('案件流转记录');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chain-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^共治-日终哈希-\d{4}-\d{2}-\d{2}\.json$/);
    const file = path.join(tmpDir, download.suggestedFilename());
    await download.saveAs(file);
    const heads = JSON.parse(fs.readFileSync(file, 'utf8')) as { heads: unknown[]; sm3: string };
    expect(heads.heads.length).toBeGreaterThan(0);
    expect(heads.sm3).toMatch(/^[0-9a-f]{64}$/);

    await page.getByTestId('chain-file-input').setInputFiles(file);
    const check = page.getByTestId('chain-heads-result');
    await check.waitFor();
    expect(await check.textContent()).toContain('全部相符');
    await shot(page, 'console-chain-verify', true);
    await context.close();
  });
});
