// What 回音壁 (/m/wall) shows: the public pages' words plus its strips' — the reception days, the red and black lists
// and the board's decisions and projects. A visitor who opens it from a link downloads these, not the console's.
// A key missing here is still shown correctly (the provider then fetches the whole dictionary, docs/PERFORMANCE.md);
// e2e/perf.e2e.test.ts checks that the wall never needs to.
import { casesZhCN } from './cases.zh-CN.ts';
import { offlineZhCN } from './offline.zh-CN.ts';
import { projectsZhCN } from './projects.zh-CN.ts';
import { propertyZhCN } from './property.zh-CN.ts';
import { receptionZhCN } from './reception.zh-CN.ts';
import { elderZhCN } from './elder.zh-CN.ts';
import { baseZhCN } from './base.zh-CN.ts';

// The same order as zh-CN.ts, so a key defined twice resolves the same way.
export const wallZhCN: Partial<Record<string, string>> = Object.assign({}, casesZhCN, offlineZhCN, projectsZhCN, propertyZhCN, receptionZhCN, elderZhCN, baseZhCN);
