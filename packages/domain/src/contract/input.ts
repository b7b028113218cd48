// Input rules shared by request schemas of the contract (and the server's routes, through routes/common.ts).
import { z } from 'zod';

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
