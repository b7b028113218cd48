// What a page costs on a cold load: every response it loads, with the bytes that crossed the wire
// (compressed body plus headers, as Chromium's network layer counts them).
import type { Page } from 'playwright-core';

export interface Transfer {
  url: string;
  type: string;
  encoding: string;
  cacheControl: string;
  bytes: number;
}

/** Opens `url` in a fresh page of the page's context and returns what it loaded until the network settled. */
export async function coldTransfer(page: Page, url: string): Promise<Transfer[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const seen = new Map<string, Omit<Transfer, 'bytes'>>();
  const done: Transfer[] = [];
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    seen.set(e.requestId, { url: e.response.url, type: e.type, encoding: h['content-encoding'] ?? '', cacheControl: h['cache-control'] ?? '' });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = seen.get(e.requestId);
    if (r) done.push({ ...r, bytes: e.encodedDataLength });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await cdp.detach();
  return done;
}

export const totalBytes = (t: Transfer[]) => t.reduce((s, x) => s + x.bytes, 0);
