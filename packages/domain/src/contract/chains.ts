// Tamper-evident history (哈希链): routes/chains.ts.
import { z } from 'zod';
import { isoTime } from './common.ts';

export const ChainBreak = z.object({
  /** case_events, points ledger or audit_log. */
  table: z.string(),
  tableLabel: z.string(),
  chain: z.string(),
  chainLabel: z.string(),
  /** The row where the chain breaks (null when the row is gone). */
  rowId: z.number().int().nullable(),
  seq: z.number().int(),
  kind: z.enum(['changed', 'missing', 'truncated', 'head', 'heads-file']),
  message: z.string(),
  expected: z.string().optional(),
  actual: z.string().optional(),
});
export type ChainBreak = z.infer<typeof ChainBreak>;

/** `POST /api/chain/verify` */
export const ChainVerifyReport = z.object({
  ok: z.boolean(),
  checkedAt: isoTime,
  tables: z.array(z.object({ table: z.string(), label: z.string(), chains: z.number().int(), links: z.number().int(), pending: z.number().int(), broken: z.number().int() })),
  /** The first broken link of each broken chain (at most 50), in table order. */
  breaks: z.array(ChainBreak),
  message: z.string(),
});
export type ChainVerifyReport = z.infer<typeof ChainVerifyReport>;

/** `GET /api/chain/heads/{day}`: the day's file, downloaded and kept elsewhere. */
export const ChainHeadsFile = z.object({
  format: z.literal('gongzhi-chain-heads/1'),
  day: z.string(),
  exportedAt: isoTime,
  heads: z.array(z.object({ table: z.string(), chain: z.string(), seq: z.number().int(), rowId: z.number().int(), hash: z.string() })),
  /** SM3 of the JSON text of the four fields above. */
  sm3: z.string(),
  /** HMAC-SM3 of the same text. */
  mac: z.string(),
});
export type ChainHeadsFile = z.infer<typeof ChainHeadsFile>;

/** `POST /api/chain/heads/verify` */
export const ChainHeadsCheck = z.object({
  ok: z.boolean(),
  day: z.string(),
  entries: z.number().int(),
  /** Whether the file's own digests hold. */
  fileIntact: z.boolean(),
  breaks: z.array(ChainBreak),
  message: z.string(),
});
export type ChainHeadsCheck = z.infer<typeof ChainHeadsCheck>;
