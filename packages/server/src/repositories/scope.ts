import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../policies/actor.ts';

declare const scopeBrand: unique symbol;
/**
 * An area scope. It can only be made from an authenticated actor (or, for system jobs,
 * explicitly as the whole installation), and every repository read that returns
 * area-bound rows takes one, so no query can forget the caller's scope.
 */
export interface Scope {
  readonly code: string;
  readonly [scopeBrand]: true;
}

export const scopeOf = (actor: Actor): Scope => ({ code: actor.scopeCode }) as Scope;
/** For seeding, CLI and background jobs only. */
export const systemScope = (code = ''): Scope => ({ code }) as Scope;

/** `column LIKE 'scope%'`: the prefix match the pattern-ops indexes serve. */
export function inScope(column: AnyColumn, scope: Scope): SQL {
  return sql`${column} like ${escapeLike(scope.code) + '%'}`;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (m) => '\\' + m);
}
