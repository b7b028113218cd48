import { chinaDate, forbidden, invalid, SCHEMES, isPointScheme } from '@gongzhi/domain';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { GENESIS, headsDigests, linkHash, sameHex } from '../lib/chain.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canVerifyChains } from '../policies/chain.ts';
import {
  CHAIN_TABLES,
  caseCodes,
  countUnsealed,
  dayHeads,
  linksAt,
  loadHeads,
  sealedPage,
  trySealLock,
  unsealedRows,
  writeSeals,
  type ChainTable,
  type Head,
} from '../repositories/chains.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';

/**
 * Tamper-evident history (issue 11). Rows are written as before, without any chain work on
 * the write path, so intake's group commit is untouched. A sealer, one at a time per table
 * across all processes, takes committed rows that have no place yet in id order and links
 * each to the head of its chain: the place in the chain (seq) and the hash are assigned at
 * sealing, so a transaction that commits late simply joins its chain later, never leaving a
 * gap. `verify` recomputes every chain; the daily heads, kept outside, prove that history
 * older than the copy was not rewritten even by someone holding the key.
 */

export const TABLE_LABELS: Record<ChainTable, string> = {
  audit_log: '审计日志',
  case_events: '案件流转记录',
  points_transfers: '积分账本',
};

const SEAL_BATCH = 2_000;

/** Seals up to `limit` rows of one table; 0 when there is nothing to seal or another sealer is at work. */
export async function sealBatch(db: Db, key: Buffer, t: ChainTable, limit = SEAL_BATCH): Promise<number> {
  return db.transaction(async (tx) => {
    if (!(await trySealLock(tx, t))) return 0;
    const rows = await unsealedRows(tx, t, limit);
    if (rows.length === 0) return 0;
    const heads = await loadHeads(tx, t, [...new Set(rows.map((r) => r.chain))]);
    const moved = new Map<string, Head>();
    const links = rows.map((r) => {
      const prev = heads.get(r.chain);
      const seq = (prev?.seq ?? 0) + 1;
      const hash = linkHash(key, t, r.chain, seq, prev?.hash ?? GENESIS, r.canon);
      const head = { chain: r.chain, seq, hash, rowId: r.id };
      heads.set(r.chain, head);
      moved.set(r.chain, head);
      return { id: r.id, seq, hash };
    });
    await writeSeals(tx, t, links, [...moved.values()]);
    return rows.length;
  });
}

/** Seals everything committed so far (the demo seed, the CLI, tests); returns how many rows. */
export async function sealAll(db: Db, key: Buffer): Promise<number> {
  let total = 0;
  for (const t of CHAIN_TABLES) {
    for (;;) {
      const n = await sealBatch(db, key, t);
      total += n;
      if (n < SEAL_BATCH) break;
    }
  }
  return total;
}

/** Seals new rows every second (any number of instances may run it; one seals at a time). */
export function startChainSealer(ctx: AppContext, intervalMs = 1_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sealAll(ctx.db, ctx.cipher.chainKey)
      .catch((err) => console.error('[gongzhi] sealing the history chains failed', err))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

// ---- verification ---------------------------------------------------------------------------

export type BreakKind = 'changed' | 'missing' | 'truncated' | 'head' | 'heads-file';

export interface ChainBreak {
  table: ChainTable;
  tableLabel: string;
  chain: string;
  chainLabel: string;
  /** The row where the chain breaks (null when the row is gone). */
  rowId: number | null;
  seq: number;
  kind: BreakKind;
  message: string;
  expected?: string;
  actual?: string;
}

export interface TableReport {
  table: ChainTable;
  label: string;
  chains: number;
  links: number;
  pending: number;
  broken: number;
}

export interface VerifyReport {
  ok: boolean;
  checkedAt: string;
  tables: TableReport[];
  /** The first broken link of each broken chain, at most MAX_BREAKS of them, in table order. */
  breaks: ChainBreak[];
  message: string;
}

const MAX_BREAKS = 50;
const PAGE = 5_000;

function chainLabel(t: ChainTable, chain: string, codes: Map<string, string>): string {
  if (t === 'audit_log') return '全局';
  if (t === 'case_events') return `案件 ${codes.get(chain) ?? '（已不存在）'}`;
  return isPointScheme(chain) ? SCHEMES[chain].zh : `积分类别（${chain.slice(0, 16)}）`;
}

type RawBreak = Omit<ChainBreak, 'tableLabel' | 'chainLabel' | 'message'>;

async function walkTable(db: DbOrTx, key: Buffer, t: ChainTable, out: RawBreak[]): Promise<TableReport> {
  const heads = await loadHeads(db, t);
  const report: TableReport = { table: t, label: TABLE_LABELS[t], chains: 0, links: 0, pending: await countUnsealed(db, t), broken: 0 };
  let cur: { chain: string; expected: number; prev: string; lastRow: number | null; broken: boolean } | null = null;
  const seen = new Set<string>();
  const fail = (b: RawBreak) => {
    report.broken++;
    if (out.length < MAX_BREAKS) out.push(b);
  };
  const finish = () => {
    if (!cur || cur.broken) return;
    const head = heads.get(cur.chain);
    const last = cur.expected - 1;
    if (!head) {
      fail({ table: t, chain: cur.chain, rowId: cur.lastRow, seq: last, kind: 'head' });
    } else if (head.seq > last) {
      fail({ table: t, chain: cur.chain, rowId: null, seq: last + 1, kind: 'truncated', expected: String(head.seq), actual: String(last) });
    } else if (head.seq < last || !sameHex(head.hash, cur.prev)) {
      fail({ table: t, chain: cur.chain, rowId: cur.lastRow, seq: last, kind: 'head', expected: head.hash, actual: cur.prev });
    }
  };
  let after: { chain: string; seq: number } | null = null;
  for (;;) {
    const page = await sealedPage(db, t, after, PAGE);
    for (const row of page) {
      if (!cur || cur.chain !== row.chain) {
        finish();
        cur = { chain: row.chain, expected: 1, prev: GENESIS, lastRow: null, broken: false };
        seen.add(row.chain);
        report.chains++;
      }
      report.links++;
      if (cur.broken) continue;
      if (row.seq !== cur.expected) {
        fail({ table: t, chain: row.chain, rowId: row.id, seq: cur.expected, kind: 'missing', expected: String(cur.expected), actual: String(row.seq) });
        cur.broken = true;
        continue;
      }
      const hash = linkHash(key, t, row.chain, row.seq, cur.prev, row.canon);
      if (!sameHex(hash, row.hash)) {
        fail({ table: t, chain: row.chain, rowId: row.id, seq: row.seq, kind: 'changed', expected: hash, actual: row.hash });
        cur.broken = true;
        continue;
      }
      cur.expected++;
      cur.prev = row.hash;
      cur.lastRow = row.id;
    }
    if (page.length < PAGE) break;
    const last = page[page.length - 1]!;
    after = { chain: last.chain, seq: last.seq };
  }
  finish();
  for (const [chain, head] of heads) {
    if (seen.has(chain)) continue;
    report.chains++;
    fail({ table: t, chain, rowId: null, seq: 1, kind: 'truncated', expected: String(head.seq), actual: '0' });
  }
  return report;
}

function describe(b: RawBreak): string {
  const row = b.rowId === null ? '' : `记录 #${b.rowId}`;
  switch (b.kind) {
    case 'changed':
      return `${row}（第 ${b.seq} 环）的内容与封存时的哈希不符：这条记录在封存后被改动过`;
    case 'missing':
      return `第 ${b.seq} 环缺失（${row} 登记为第 ${b.actual} 环）：其前的记录被删除或其封存被清除`;
    case 'truncated':
      return `链尾缺失：链应有 ${b.expected} 环，现只有 ${b.actual} 环，末尾的记录被删除`;
    case 'head':
      return `链尾与登记的链头不符（第 ${b.seq} 环${row ? '，' + row : ''}）：链头记录或链尾记录被改动`;
    case 'heads-file':
      return b.rowId === null
        ? `日终哈希文件登记的第 ${b.seq} 环已不存在：历史被删改`
        : `${row}（第 ${b.seq} 环）与日终哈希文件登记的不同：该环及之前的历史在导出后被改写`;
  }
}

async function finishReport(db: DbOrTx, tables: TableReport[], raw: RawBreak[], extra = ''): Promise<VerifyReport> {
  const codes = await caseCodes(db, [...new Set(raw.filter((b) => b.table === 'case_events' && /^[0-9a-f-]{36}$/.test(b.chain)).map((b) => b.chain))]);
  const breaks = raw.map((b) => ({ ...b, tableLabel: TABLE_LABELS[b.table], chainLabel: chainLabel(b.table, b.chain, codes), message: describe(b) }));
  const ok = breaks.length === 0 && tables.every((t) => t.broken === 0);
  const links = tables.reduce((s, t) => s + t.links, 0);
  const pending = tables.reduce((s, t) => s + t.pending, 0);
  const first = breaks[0];
  const message = ok
    ? `全部 ${links} 环校验通过${pending ? `，另有 ${pending} 条新记录等待封存` : ''}${extra}`
    : `发现 ${tables.reduce((s, t) => s + t.broken, 0) || breaks.length} 处断链，第一处：${first!.tableLabel}（${first!.chainLabel}）${first!.message}`;
  return { ok, checkedAt: new Date().toISOString(), tables, breaks, message };
}

/** Recomputes every chain from its rows (read-only, on one consistent snapshot). */
export async function verifyChains(db: Db, key: Buffer): Promise<VerifyReport> {
  return db.transaction(
    async (tx) => {
      // Walk each chain along its unique index, even when the planner's statistics still think
      // the table is small (right after a bulk import): a sort per page would make the walk quadratic.
      await tx.execute(sql`set local enable_sort = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      const raw: RawBreak[] = [];
      const tables: TableReport[] = [];
      for (const t of CHAIN_TABLES) tables.push(await walkTable(tx, key, t, raw));
      return finishReport(tx, tables, raw);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The same check on a transaction the caller holds (tests use it to look at a rewrite they roll back). */
export async function verifyChainsIn(tx: DbOrTx, key: Buffer): Promise<VerifyReport> {
  const raw: RawBreak[] = [];
  const tables: TableReport[] = [];
  for (const t of CHAIN_TABLES) tables.push(await walkTable(tx, key, t, raw));
  return finishReport(tx, tables, raw);
}

// ---- daily heads ----------------------------------------------------------------------------

export const HEADS_FORMAT = 'gongzhi-chain-heads/1';

export interface HeadsEntry {
  table: ChainTable;
  chain: string;
  seq: number;
  rowId: number;
  hash: string;
}

export interface HeadsFile {
  format: typeof HEADS_FORMAT;
  day: string;
  exportedAt: string;
  heads: HeadsEntry[];
  /** SM3 of the JSON text of the four fields above, in this order. */
  sm3: string;
  /** HMAC-SM3 of the same text with a key derived from the master key. */
  mac: string;
}

const headsBody = (f: Pick<HeadsFile, 'format' | 'day' | 'exportedAt' | 'heads'>) =>
  JSON.stringify({ format: f.format, day: f.day, exportedAt: f.exportedAt, heads: f.heads });

export const isDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

/** The last link, as of now, of every chain that grew on `day` (China time). */
export async function exportHeads(db: DbOrTx, key: Buffer, day: string): Promise<HeadsFile> {
  if (!isDay(day)) throw invalid('invalid_day', `日期“${day.slice(0, 20)}”无效，应为 YYYY-MM-DD 的实际日期`);
  const from = new Date(`${day}T00:00:00+08:00`);
  const to = new Date(from.getTime() + 86_400_000);
  const heads: HeadsEntry[] = [];
  for (const t of CHAIN_TABLES) {
    for (const h of await dayHeads(db, t, from, to)) heads.push({ table: t, chain: h.chain, seq: h.seq, rowId: h.rowId, hash: h.hash });
  }
  const body = { format: HEADS_FORMAT, day, exportedAt: new Date().toISOString(), heads } as const;
  return { ...body, ...headsDigests(key, headsBody(body)) };
}

export interface HeadsCheck {
  ok: boolean;
  day: string;
  entries: number;
  /** Whether the file's own digests hold (a copy that was altered is worth nothing). */
  fileIntact: boolean;
  breaks: ChainBreak[];
  message: string;
}

/** Reads and checks the shape of a heads file; a 4xx in Chinese for anything else. */
export function parseHeadsFile(value: unknown): HeadsFile {
  const bad = (what: string) => invalid('invalid_heads_file', `日终哈希文件无效：${what}`);
  if (!value || typeof value !== 'object') throw bad('不是 JSON 对象');
  const f = value as Record<string, unknown>;
  if (f.format !== HEADS_FORMAT) throw bad('格式标识不对');
  if (typeof f.day !== 'string' || !isDay(f.day)) throw bad('日期无效');
  if (typeof f.exportedAt !== 'string' || typeof f.sm3 !== 'string' || typeof f.mac !== 'string') throw bad('缺少导出时间或摘要');
  if (!Array.isArray(f.heads) || f.heads.length > 1_000_000) throw bad('缺少链头列表');
  for (const e of f.heads as unknown[]) {
    const h = e as Record<string, unknown>;
    const ok =
      h &&
      typeof h === 'object' &&
      (CHAIN_TABLES as readonly string[]).includes(h.table as string) &&
      typeof h.chain === 'string' &&
      (h.table !== 'case_events' || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(h.chain)) &&
      h.chain.length <= 64 &&
      Number.isSafeInteger(h.seq) &&
      (h.seq as number) > 0 &&
      Number.isSafeInteger(h.rowId) &&
      typeof h.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(h.hash);
    if (!ok) throw bad('链头条目格式不对');
  }
  return value as HeadsFile;
}

/** Checks that every link a heads file recorded is still there with the same hash. */
export async function verifyHeads(db: DbOrTx, key: Buffer, file: HeadsFile): Promise<HeadsCheck> {
  const d = headsDigests(key, headsBody(file));
  const fileIntact = sameHex(d.sm3, file.sm3) && sameHex(d.mac, file.mac);
  const raw: RawBreak[] = [];
  for (const t of CHAIN_TABLES) {
    const entries = file.heads.filter((h) => h.table === t);
    const found = await linksAt(db, t, entries.map((h) => ({ chain: h.chain, seq: h.seq })));
    for (const h of entries) {
      const now = found.get(`${h.chain}#${h.seq}`);
      if (!now) raw.push({ table: t, chain: h.chain, rowId: null, seq: h.seq, kind: 'heads-file', expected: h.hash });
      else if (now.rowId !== h.rowId || !sameHex(now.hash, h.hash)) raw.push({ table: t, chain: h.chain, rowId: now.rowId, seq: h.seq, kind: 'heads-file', expected: h.hash, actual: now.hash });
    }
  }
  const report = await finishReport(db, [], raw.slice(0, MAX_BREAKS));
  const ok = fileIntact && raw.length === 0;
  const message = !fileIntact
    ? `${file.day} 的日终哈希文件本身的摘要不符：文件被改动过或不是本系统导出的，不能作为依据`
    : ok
      ? `${file.day} 的日终哈希文件中 ${file.heads.length} 个链头全部相符：这些链在该日及以前的历史未被改写`
      : `与 ${file.day} 的日终哈希文件相比发现 ${raw.length} 处不符，第一处：${report.message.replace(/^发现 \d+ 处断链，第一处：/, '')}`;
  return { ok, day: file.day, entries: file.heads.length, fileIntact, breaks: report.breaks, message };
}

// ---- what the console calls ------------------------------------------------------------------

function guard(actor: Actor) {
  if (!canVerifyChains(actor)) throw forbidden('只有审计管理员可以校验历史记录');
}

export async function verifyForActor(ctx: AppContext, actor: Actor, req: RequestContext): Promise<VerifyReport> {
  guard(actor);
  const report = await verifyChains(ctx.db, ctx.cipher.chainKey);
  await audit(ctx.db, { actor }, req, {
    action: 'chain.verify',
    outcome: report.ok ? 'ok' : 'failed',
    detail: { links: report.tables.reduce((s, t) => s + t.links, 0), breaks: report.breaks.length, first: report.breaks[0]?.message ?? null },
  });
  return report;
}

export async function headsForActor(ctx: AppContext, actor: Actor, day: string, req: RequestContext): Promise<HeadsFile> {
  guard(actor);
  const file = await exportHeads(ctx.db, ctx.cipher.chainKey, day);
  await audit(ctx.db, { actor }, req, { action: 'chain.heads-export', entityType: 'day', entityId: day, detail: { heads: file.heads.length, sm3: file.sm3 } });
  return file;
}

export async function verifyHeadsForActor(ctx: AppContext, actor: Actor, body: unknown, req: RequestContext): Promise<HeadsCheck> {
  guard(actor);
  const file = parseHeadsFile(body);
  const check = await verifyHeads(ctx.db, ctx.cipher.chainKey, file);
  await audit(ctx.db, { actor }, req, { action: 'chain.heads-verify', entityType: 'day', entityId: file.day, outcome: check.ok ? 'ok' : 'failed', detail: { entries: check.entries, breaks: check.breaks.length } });
  return check;
}

/** Yesterday in China time: the last whole day, the default of the heads export. */
export const yesterday = (now = new Date()) => chinaDate(new Date(now.getTime() - 86_400_000));
