// The English of 回音壁 (see wall.zh-CN.ts).
import { offlineEn } from './offline.en.ts';
import { casesEn } from './cases.en.ts';
import { projectsEn } from './projects.en.ts';
import { propertyEn } from './property.en.ts';
import { receptionEn } from './reception.en.ts';
import { elderEn } from './elder.en.ts';
import { baseEn } from './base.en.ts';

// The same order as en.ts.
export const wallEn: Partial<Record<string, string>> = Object.assign({}, offlineEn, casesEn, projectsEn, propertyEn, receptionEn, elderEn, baseEn);
