import { createHash } from 'node:crypto';
import { conflict, invalid } from '@gongzhi/domain';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema.ts';
import { findIdempotent, saveIdempotent } from '../repositories/cases.ts';
import type { AppContext } from './context.ts';

export interface Created {
  status: number;
  body: unknown;
}

/**
 * Runs a create at most once per (caller, key): the key is claimed in the same transaction as
 * the create, so concurrent repeats wait for the first and then return its result. A create
 * that fails rolls its claim back with it, so the key may be used again.
 * Case intake claims its keys inside its group-commit statement instead (repositories/cases.ts
 * insertIntakes), with the same effect; on-the-spot intakes and other services use this.
 */
export async function withIdempotency<T extends Created>(
  ctx: AppContext,
  scopeName: string,
  key: string | undefined,
  fn: (tx: Tx) => Promise<T>,
): Promise<{ status: number; body: T['body'] }> {
  if (!key) return ctx.db.transaction(fn);
  const scope = storedScope(scopeName);
  if (key.length > 128) throw invalid('invalid_idempotency_key', 'Idempotency-Key 不能超过 128 个字符', { field: 'Idempotency-Key' });
  const done = await findIdempotent(ctx.db, scope, key);
  // A repeat answers the first answer's body as stored (the same JSON the first call returned).
  if (done && done.status !== 0) return { status: done.status, body: done.body as T['body'] };
  try {
    return await ctx.db.transaction(async (tx) => {
      if (!(await saveIdempotent(tx, scope, key, 0, {}))) throw new IdempotencyRace();
      const result = await fn(tx);
      await tx
        .update(idempotencyKeys)
        .set({ status: result.status, body: result.body })
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      return result;
    });
  } catch (e) {
    if (!(e instanceof IdempotencyRace)) throw e;
    const first = await findIdempotent(ctx.db, scope, key);
    if (!first || first.status === 0) throw conflict('idempotency_in_progress', '相同 Idempotency-Key 的请求正在处理中，请稍后重试');
    return { status: first.status, body: first.body as T['body'] };
  }
}
class IdempotencyRace extends Error {}

/** The column holds 80 characters: a longer scope (a prefix and two ids, say) is kept as its digest, one-to-one in practice. */
export const SCOPE_MAX = 80;
export function storedScope(scope: string): string {
  return scope.length <= SCOPE_MAX ? scope : `h:${createHash('sha256').update(scope).digest('hex')}`;
}
