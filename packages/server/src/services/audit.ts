import type { DbOrTx } from '../db/client.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { insertAudit } from '../repositories/users.ts';

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  areaCode?: string | null;
  outcome?: 'ok' | 'denied' | 'failed';
  detail?: Record<string, unknown>;
}

/** Writes one audit row; call it with the transaction that makes the change it records. */
export async function audit(
  db: DbOrTx,
  who: { actor: Actor | null; username?: string },
  req: RequestContext,
  entry: AuditEntry,
): Promise<void> {
  await insertAudit(db, {
    actorId: who.actor?.id ?? null,
    actorUsername: who.actor?.username ?? who.username ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    areaCode: entry.areaCode ?? null,
    outcome: entry.outcome ?? 'ok',
    ip: req.ip,
    userAgent: req.userAgent?.slice(0, 300) ?? null,
    detail: entry.detail ?? null,
  });
}
