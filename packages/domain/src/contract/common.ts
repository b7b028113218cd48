// Response schemas shared by the server (which serialises through them and publishes them in its OpenAPI
// document) and the web app (which takes its types from them with z.infer). docs/API.md explains the use.
import { z } from 'zod';

/** Every non-2xx answer of /api/* (API-CONTRACT "Errors"): a stable code and a Chinese message. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      /** The offending fields of a 400 (`issues`), or what a 409 is about. */
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error', example: { error: { code: 'not_found', message: '案件不存在或不在您的范围内' } } });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** A time as the API writes it: ISO 8601 with offset (2026-11-22T09:30:00+08:00). */
export const isoTime = z.string();
/** A point in WGS84 as the server stores it. */
export const point = z.object({ lat: z.number(), lng: z.number(), crs: z.string().optional() });

/** A page of a list. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), page: z.number().int().optional(), pageSize: z.number().int().optional(), items: z.array(item) });
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** `GET /api/health` */
export const Health = z.object({ status: z.literal('ok') }).meta({ example: { status: 'ok' } });
