import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';

/** The chained tables: the audit log (one global chain), case timelines (per case), the points ledger (per scheme). */
export const CHAIN_TABLES = ['audit_log', 'case_events', 'points_transfers'] as const;
export type ChainTable = (typeof CHAIN_TABLES)[number];

const ts = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

interface TableDef {
  /** The column that names a row's chain (null: one chain for the whole table). */
  keyCol: 'case_id' | 'scheme' | null;
  /** The row's own time, which decides the day a link belongs to in the daily heads. */
  timeCol: string;
  /**
   * Canonical content: every column but the chain's own, as a JSON array whose text form is
   * fixed (times in UTC with microseconds, jsonb with its normalised key order).
   */
  canon: string;
}

const DEFS: Record<ChainTable, TableDef> = {
  audit_log: {
    keyCol: null,
    timeCol: 'at',
    canon: `jsonb_build_array(id, ${ts('at')}, actor_id, actor_username, action, entity_type, entity_id, area_code, outcome, ip, user_agent, detail)::text`,
  },
  case_events: {
    keyCol: 'case_id',
    timeCol: 'at',
    canon: `jsonb_build_array(id, case_id, action, from_state, to_state, actor_id, actor_name, actor_unit, ${ts('at')}, note, attachments, detail)::text`,
  },
  points_transfers: {
    keyCol: 'scheme',
    timeCol: 'created_at',
    canon: `jsonb_build_array(id, scheme, debit_account_id, credit_account_id, amount, kind, ref_type, ref_id, reverses_id, authorised_by, note, ${ts('created_at')})::text`,
  },
};

/** The chain of the audit log, which has only one. */
export const GLOBAL_CHAIN = 'audit';

const chainExpr = (t: ChainTable) => (DEFS[t].keyCol ? `${DEFS[t].keyCol}::text` : `'${GLOBAL_CHAIN}'`);
const orderBy = (t: ChainTable) => (DEFS[t].keyCol ? `${DEFS[t].keyCol}, chain_seq` : 'chain_seq');

export interface UnsealedRow {
  id: number;
  chain: string;
  canon: string;
}

export interface SealedRow extends UnsealedRow {
  seq: number;
  hash: string;
}

export interface Head {
  chain: string;
  seq: number;
  hash: string;
  rowId: number;
}

async function rows<T>(db: DbOrTx, q: SQL): Promise<T[]> {
  return (await db.execute(q)).rows as T[];
}

/** One sealer at a time per table, across every server process; false when another holds it. */
export async function trySealLock(tx: DbOrTx, t: ChainTable): Promise<boolean> {
  const r = await rows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext(${`gongzhi:chain-seal:${t}`})) as ok`);
  return r[0]?.ok === true;
}

/** Committed rows not yet in their chain, oldest first. */
export async function unsealedRows(tx: DbOrTx, t: ChainTable, limit: number): Promise<UnsealedRow[]> {
  const r = await rows<{ id: string | number; chain: string; canon: string }>(
    tx,
    sql`select id, ${sql.raw(chainExpr(t))} as chain, ${sql.raw(DEFS[t].canon)} as canon from ${sql.raw(t)}
        where chain_hash is null order by id limit ${limit}`,
  );
  return r.map((x) => ({ id: Number(x.id), chain: x.chain, canon: x.canon }));
}

export async function countUnsealed(db: DbOrTx, t: ChainTable): Promise<number> {
  const r = await rows<{ n: string | number }>(db, sql`select count(*) as n from ${sql.raw(t)} where chain_hash is null`);
  return Number(r[0]?.n ?? 0);
}

const toHead = (x: { chain: string; seq: string | number; hash: string; row_id: string | number }): Head => ({
  chain: x.chain,
  seq: Number(x.seq),
  hash: x.hash,
  rowId: Number(x.row_id),
});

/** The recorded heads of some chains of a table (all of them when `chains` is omitted). */
export async function loadHeads(db: DbOrTx, t: ChainTable, chains?: string[]): Promise<Map<string, Head>> {
  const filter = chains ? sql` and chain in (select jsonb_array_elements_text(${JSON.stringify(chains)}::jsonb))` : sql``;
  const r = await rows<{ chain: string; seq: string; hash: string; row_id: string }>(
    db,
    sql`select chain, seq, hash, row_id from chain_heads where tbl = ${t}${filter}`,
  );
  return new Map(r.map((x) => [x.chain, toHead(x)]));
}

/** Gives rows their place and hash, and moves the heads of their chains. */
export async function writeSeals(tx: DbOrTx, t: ChainTable, links: { id: number; seq: number; hash: string }[], heads: Head[]): Promise<void> {
  await tx.execute(sql`update ${sql.raw(t)} set chain_seq = v.seq, chain_hash = v.hash
    from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as v(id bigint, seq bigint, hash text)
    where ${sql.raw(t)}.id = v.id and ${sql.raw(t)}.chain_hash is null`);
  await tx.execute(sql`insert into chain_heads (tbl, chain, seq, hash, row_id)
    select ${t}, chain, seq, hash, "rowId" from jsonb_to_recordset(${JSON.stringify(heads)}::jsonb) as v(chain text, seq bigint, hash text, "rowId" bigint)
    on conflict (tbl, chain) do update set seq = excluded.seq, hash = excluded.hash, row_id = excluded.row_id, sealed_at = now()`);
}

/** Sealed rows in chain order, a page at a time after `after` (the last row of the previous page). */
export async function sealedPage(db: DbOrTx, t: ChainTable, after: { chain: string; seq: number } | null, limit: number): Promise<SealedRow[]> {
  const key = DEFS[t].keyCol;
  let cond: SQL = sql``;
  if (after) {
    cond = key
      ? sql` and (${sql.raw(key)}, chain_seq) > (${after.chain}::${sql.raw(key === 'case_id' ? 'uuid' : 'text')}, ${after.seq})`
      : sql` and chain_seq > ${after.seq}`;
  }
  const r = await rows<{ id: string | number; chain: string; seq: string | number; hash: string; canon: string }>(
    db,
    sql`select id, ${sql.raw(chainExpr(t))} as chain, chain_seq as seq, chain_hash as hash, ${sql.raw(DEFS[t].canon)} as canon
        from ${sql.raw(t)} where chain_seq is not null${cond} order by ${sql.raw(orderBy(t))} limit ${limit}`,
  );
  return r.map((x) => ({ id: Number(x.id), chain: x.chain, seq: Number(x.seq), hash: x.hash, canon: x.canon }));
}

/** The last link of every chain among the rows of one day (China time), as the daily heads record them. */
export async function dayHeads(db: DbOrTx, t: ChainTable, from: Date, to: Date): Promise<Head[]> {
  const key = DEFS[t].keyCol;
  const time = sql.raw(DEFS[t].timeCol);
  const r = await rows<{ chain: string; seq: string; hash: string; row_id: string }>(
    db,
    key
      ? sql`select distinct on (${sql.raw(key)}) ${sql.raw(chainExpr(t))} as chain, chain_seq as seq, chain_hash as hash, id as row_id
        from ${sql.raw(t)} where ${time} >= ${from.toISOString()} and ${time} < ${to.toISOString()}
        and chain_seq is not null order by ${sql.raw(key)}, chain_seq desc`
      : sql`select ${GLOBAL_CHAIN} as chain, chain_seq as seq, chain_hash as hash, id as row_id
        from ${sql.raw(t)} where ${time} >= ${from.toISOString()} and ${time} < ${to.toISOString()}
        and chain_seq is not null order by chain_seq desc limit 1`,
  );
  return r.map(toHead);
}

/** The stored links at given places (null where there is no row at that place any more). */
export async function linksAt(db: DbOrTx, t: ChainTable, places: { chain: string; seq: number }[]): Promise<Map<string, { rowId: number; hash: string }>> {
  if (places.length === 0) return new Map();
  const key = DEFS[t].keyCol;
  const join = key === 'case_id' ? 'x.case_id = v.chain::uuid and ' : key === 'scheme' ? 'x.scheme = v.chain and ' : '';
  const r = await rows<{ chain: string; seq: string; id: string; hash: string }>(
    db,
    sql`select v.chain, v.seq, x.id, x.chain_hash as hash from jsonb_to_recordset(${JSON.stringify(places)}::jsonb) as v(chain text, seq bigint)
        join ${sql.raw(t)} x on ${sql.raw(join)}x.chain_seq = v.seq`,
  );
  return new Map(r.map((x) => [`${x.chain}#${Number(x.seq)}`, { rowId: Number(x.id), hash: x.hash }]));
}

/** Case codes for the case chains named in a report. */
export async function caseCodes(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await rows<{ id: string; code: string }>(
    db,
    sql`select id::text as id, code from cases where id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`,
  );
  return new Map(r.map((x) => [x.id, x.code]));
}
