// Accounts, the audit log and the Open311 keys (routes/admin.ts): the administrators' screens (docs/SECURITY.md).
import { z } from 'zod';
import { isoTime } from './common.ts';

/** An account as the account list shows it (never a password or its hash). */
export const UserRow = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  scopeCode: z.string(),
  scopeName: z.string().nullable(),
  unitId: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  lockedUntil: isoTime.nullable(),
  lastLoginAt: isoTime.nullable(),
  passwordChangedAt: isoTime.nullable(),
  allowedActions: z.array(z.string()),
});
export type UserRow = z.infer<typeof UserRow>;

/** `GET /api/users` */
export const UserList = z.object({ total: z.number().int(), items: z.array(UserRow) });
export type UserList = z.infer<typeof UserList>;

const Label = z.object({ zh: z.string(), en: z.string() });

/** An entry of the audit log, with its labels for the screen. */
export const AuditRow = z.object({
  id: z.number().int(),
  at: isoTime,
  actor: z.string().nullable(),
  action: z.string(),
  actionLabel: Label,
  entityType: z.string().nullable(),
  entityLabel: Label.nullable(),
  entityId: z.string().nullable(),
  areaCode: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  ip: z.string().nullable(),
  /** The raw detail, for integrators. */
  detail: z.unknown(),
  /** The detail as labelled words. */
  details: z.array(z.object({ key: z.string(), label: Label, value: z.string() })),
});
export type AuditRow = z.infer<typeof AuditRow>;

/** `GET /api/audit` */
export const AuditList = z.object({ total: z.number().int(), items: z.array(AuditRow) });
export type AuditList = z.infer<typeof AuditList>;

/** An Open311 API key: its last four characters only. */
export const ApiKey = z.object({ id: z.string(), name: z.string(), keyHint: z.string(), createdAt: isoTime, revokedAt: isoTime.nullable() });
export type ApiKey = z.infer<typeof ApiKey>;

/** `GET /api/open311/keys` */
export const ApiKeys = z.object({ items: z.array(ApiKey) });
export type ApiKeys = z.infer<typeof ApiKeys>;

/** `POST /api/open311/keys` → 201: the whole key, shown this once. */
export const ApiKeyCreated = z.object({ id: z.string(), name: z.string(), key: z.string(), keyHint: z.string(), createdAt: isoTime });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

/** `POST /api/open311/keys/{id}/revoke` */
export const ApiKeyRevoked = z.object({ id: z.string(), revokedAt: isoTime });
