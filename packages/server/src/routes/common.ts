import { z } from 'zod';
import { isCalendarDay } from '../lib/time.ts';

export const areaCodeParam = z.object({
  code: z.string().max(40).describe('区划代码'),
});
export const uuidParam = z.object({ id: z.uuid({ message: '应为 UUID' }) });

export const paging = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export { isCleanText, optionalText, text } from '@gongzhi/domain/contract';

/** A real calendar day YYYY-MM-DD (2026-02-31 and 2026-13-01 are refused, not rolled over). */
export const isoDay = z
  .string()
  .max(10, '日期格式应为 YYYY-MM-DD')
  .refine((s) => s === '' || isCalendarDay(s), { message: '应为真实存在的日期，格式 YYYY-MM-DD', params: { code: 'invalid_date' } });

/** A real month YYYY-MM. */
export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为 YYYY-MM（月份 01–12）');

/**
 * A success answer that is a file, not JSON (an .xlsx template, a .docx report): the document shows its media type
 * and a binary body. Fastify does not serialise a Buffer, so the schema only documents it.
 */
export const fileResponse = (mime: string, description: string) => ({ description, content: { [mime]: { schema: z.string().meta({ format: 'binary' }) } } });

/**
 * An answer in a text format other than JSON (Open311's XML): the document shows its media type and a text body. The
 * route sends the text ready-made (a string is not serialised), so the schema only documents it.
 */
export const textResponse = (mime: string, description: string) => ({ description, content: { [mime]: { schema: z.string() } } });
