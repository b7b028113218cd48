// The English of the public phone pages (see public.zh-CN.ts).
import { casesEn } from './cases.en.ts';
import { offlineEn } from './offline.en.ts';
import { elderEn } from './elder.en.ts';
import { baseEn } from './base.en.ts';

export const publicEn: Partial<Record<string, string>> = Object.assign({}, offlineEn, casesEn, elderEn, baseEn);
