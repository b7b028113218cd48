// The merchant's camera scan where the browser has no BarcodeDetector (as on iOS Safari and Linux
// Chromium): Chromium's fake camera plays a video of the resident's QR code and ZXing reads it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { PASSWORD, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

let camera: Browser | undefined;
let dir = '';
afterAll(async () => {
  await camera?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A Y4M video (grey QR code on white, 4:2:0) that Chromium's fake camera plays in a loop. */
function qrVideo(text: string, file: string) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const W = 640;
  const H = 480;
  const scale = Math.floor(Math.min(W, H) / (n + 8));
  const x0 = Math.floor((W - n * scale) / 2);
  const y0 = Math.floor((H - n * scale) / 2);
  const y = Buffer.alloc(W * H, 235);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c)) for (let dy = 0; dy < scale; dy++) y.fill(16, (y0 + r * scale + dy) * W + x0 + c * scale, (y0 + r * scale + dy) * W + x0 + (c + 1) * scale);
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F5:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]));
}

describe('camera scan without BarcodeDetector', () => {
  it('reads the resident’s QR code with the bundled decoder and looks it up', async () => {
    // The resident's code, from the API as their phone gets it.
    const login = await fetch(`${session.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'resident', password: PASSWORD }) });
    const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    const { code } = (await (await fetch(`${session.url}/api/points/me/code`, { headers: { cookie } })).json()) as { code: string };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-scan-'));
    const video = path.join(dir, 'qr.y4m');
    qrVideo(code, video);
    camera = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    const context = await camera.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, permissions: ['camera'] });
    const page = await context.newPage();
    // As on iOS Safari: no BarcodeDetector at all.
    await page.addInitScript('delete window.BarcodeDetector');
    await page.goto(`${session.url}/m/login`);
    await page.locator('[data-testid="login-username"] input').fill('merchant');
    await page.locator('[data-testid="login-password"] input').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('m-home').waitFor();
    await page.goto(`${session.url}/m/points/merchant`);
    await page.getByTestId('m-merchant-scan').click();
    await expect.poll(() => page.getByTestId('m-scan-video').getAttribute('data-reader'), { timeout: 15_000 }).toBe('zxing');
    // The code read from the camera lands in the field and is looked up.
    await expect.poll(() => page.locator('[data-testid="m-merchant-code"] input').inputValue(), { timeout: 20_000 }).toBe(code);
    await page.getByTestId('m-merchant-result').waitFor();
    await shot(page, 'screens-merchant-scanned');
    await context.close();
  }, 90_000);
});
