// What the resident's public phone pages (扫码上报, 查进度) show: a QR-code visitor on a cheap phone
// downloads these dictionaries, not the console's. Any key missing here is still shown correctly: the
// provider then fetches the whole dictionary (docs/PERFORMANCE.md), so keep this list complete for those pages.
import { casesZhCN } from './cases.zh-CN.ts';
import { offlineZhCN } from './offline.zh-CN.ts';
import { elderZhCN } from './elder.zh-CN.ts';
import { baseZhCN } from './base.zh-CN.ts';

// The same order as zh-CN.ts, so a key defined twice resolves the same way.
export const publicZhCN: Partial<Record<string, string>> = Object.assign({}, casesZhCN, offlineZhCN, elderZhCN, baseZhCN);
