import { z } from 'zod';

// The request schemas' building blocks live in the contract, shared with the web (docs/API.md "Request types").
export { areaCodeInput, isCleanText, isoDay, isoMonth, optionalText, paging, text } from '@gongzhi/domain/contract';

export const areaCodeParam = z.object({
  code: z.string().max(40).describe('区划代码'),
});
export const uuidParam = z.object({ id: z.uuid({ message: '应为 UUID' }) });

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
