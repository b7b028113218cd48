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

/** A raster tile layer (XYZ template) and the coordinate system its tiles are drawn in (the MAP_TILE_* settings). */
export const MapTiles = z.object({
  /** Template with {z} {x} {y} (and {s} for a subdomain), the key already in it. */
  url: z.string(),
  /** An optional second layer drawn over the first (天地图's place-name labels 注记). */
  labelUrl: z.string().nullable(),
  subdomains: z.string(),
  crs: z.enum(['wgs84', 'gcj02']),
  attribution: z.string(),
  maxZoom: z.number().int(),
});
export type MapTiles = z.infer<typeof MapTiles>;

/** `GET /api/config`: what the web app needs before anyone logs in (the base map; none when MAP_TILE_URL is unset). */
export const PublicConfig = z.object({ map: z.object({ tiles: MapTiles.nullable() }) }).meta({ example: { map: { tiles: null } } });
export type PublicConfig = z.infer<typeof PublicConfig>;

/** `GET /api/health` */
export const Health = z.object({ status: z.literal('ok') }).meta({ example: { status: 'ok' } });
