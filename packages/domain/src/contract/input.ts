// The building blocks of the request schemas (bodies and query strings): the server validates with them, the web
// takes its request types from the schemas built of them (docs/API.md "Request types").
import { z } from 'zod';

/** True for a day that exists in the calendar, written YYYY-MM-DD (years 1900–2999). */
export function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export const paging = {
  page: z.coerce.number<number | string>().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number<number | string>().int().min(1).max(200).default(20),
};

/**
 * Control (Cc) and format (Cf) characters: bidi overrides, zero-width spaces, BOMs … They can make
 * a name read differently from what it is (U+202E) or look empty (U+200B), so no name or title holds one.
 */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;
const CONTROL_OR_FORMAT_MULTILINE = /(?![\t\n\r])[\p{Cc}\p{Cf}]/u;

/** True when `s` holds no control or format character (newlines and tabs allowed when `multiline`). */
export const isCleanText = (s: string, multiline = false) => !(multiline ? CONTROL_OR_FORMAT_MULTILINE : CONTROL_OR_FORMAT).test(s);

/**
 * A text field that refuses control and format characters (Unicode Cc/Cf) with a 400 naming the field,
 * so hostile strings stay data and every name reads as what it is. Short fields (≤ 100 characters:
 * names, titles) are one line; longer ones (descriptions, notes, reasons) may hold newlines and tabs.
 */
export const text = (max: number, opts: { multiline?: boolean } = {}) => {
  const multiline = opts.multiline ?? max > 100;
  return z
    .string()
    .trim()
    .min(1, '不能为空')
    .max(max, `不能超过 ${max} 个字符`)
    .refine((s) => isCleanText(s, multiline), multiline ? '包含不可见的控制或格式字符' : '包含换行、不可见的控制或格式字符（如双向覆盖符、零宽字符）');
};

/** The same rule for an optional text that may be empty. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字符`)
    .refine((s) => isCleanText(s, max > 100), '包含不可见的控制或格式字符');

/** An area code (区划代码) in a request: 6 to 20 digits. */
export const areaCodeInput = z.string().regex(/^\d{6,20}$/, '应为区划代码');

/** A real calendar day YYYY-MM-DD (2026-02-31 and 2026-13-01 are refused, not rolled over). */
export const isoDay = z
  .string()
  .max(10, '日期格式应为 YYYY-MM-DD')
  .refine((s) => s === '' || isCalendarDay(s), { message: '应为真实存在的日期，格式 YYYY-MM-DD', params: { code: 'invalid_date' } });

/** A required real day: an empty one is refused with the field's name (`what（field）必填`). */
export const requiredDay = (field: string, what: string) => isoDay.refine((s) => s !== '', `${what}（${field}）必填，格式 YYYY-MM-DD`);

/** A real month YYYY-MM. */
export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为 YYYY-MM（月份 01–12）');

/** A query-string flag: `true` or `false`, read as a boolean. */
export const queryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');
