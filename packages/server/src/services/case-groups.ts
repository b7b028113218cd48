// Duplicate groups (docs/SMART-INTAKE.md "Duplicate groups"): the group of a case as the caller may
// see it, and merging the group into its primary in one action. Candidates join a group at intake
// (services/cases.ts attachCandidate); a merged member leaves it with the workflow's `unmerge`.
import { conflict, notFound, OPEN_STATES, primaryOf, STATE_LABELS, type CaseState } from '@gongzhi/domain';
import type { Tx } from '../db/client.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { caseAllowedActions, caseScopeOf } from '../policies/case.ts';
import * as repo from '../repositories/cases.ts';
import { toIsoCst } from '../lib/time.ts';
import { audit } from './audit.ts';
import { applyAction, unitIdsOf } from './cases.ts';
import type { AppContext } from './context.ts';
import type { DbOrTx } from '../db/client.ts';

type Role = 'primary' | 'candidate' | 'merged';

const isOpen = (c: repo.CaseRow) => OPEN_STATES.has(c.state as CaseState);

/** The primary among the members the caller sees: the earliest open one. */
function primaryAmong(members: repo.CaseRow[]): repo.CaseRow | null {
  const p = primaryOf(members.map((m) => ({ id: m.id, open: isOpen(m), reportedAt: m.createdAt })));
  return p ? members.find((m) => m.id === p.id)! : null;
}

/** Members a merge takes: the caller may merge them (owner, reported or accepted), not the primary. */
async function mergeable(db: DbOrTx, actor: Actor, members: repo.CaseRow[], primary: repo.CaseRow | null): Promise<Set<string>> {
  const out = new Set<string>();
  if (!primary || !isOpen(primary) || primary.state === 'suspended') return out;
  for (const m of members) {
    if (m.id === primary.id || m.state === 'merged') continue;
    if (caseAllowedActions(actor, m, await unitIdsOf(db, m)).includes('merge')) out.add(m.id);
  }
  return out;
}

async function present(db: DbOrTx, actor: Actor, groupId: string | null) {
  if (!groupId) return { groupId: null, primaryId: null, members: [], allowedActions: [] as string[] };
  const members = await repo.groupMembers(db, caseScopeOf(actor), groupId);
  const primary = primaryAmong(members);
  const canMerge = await mergeable(db, actor, members, primary);
  const items = [];
  for (const m of members) {
    const role: Role = m.id === primary?.id ? 'primary' : m.state === 'merged' ? 'merged' : 'candidate';
    const actions: string[] = [];
    if (canMerge.has(m.id)) actions.push('merge');
    if (role === 'merged' && caseAllowedActions(actor, m, await unitIdsOf(db, m)).includes('unmerge')) actions.push('unmerge');
    items.push({
      id: m.id,
      code: m.code,
      title: m.title,
      description: m.description,
      address: m.address,
      state: m.state as CaseState,
      stateLabel: STATE_LABELS[m.state as CaseState]?.zh ?? m.state,
      role,
      createdAt: toIsoCst(m.createdAt),
      allowedActions: actions,
    });
  }
  return { groupId, primaryId: primary?.id ?? null, members: items, allowedActions: canMerge.size > 0 ? ['merge'] : [] };
}

/** GET /api/cases/{id}/group: the case's duplicate group, members within the caller's scope only. */
export async function caseGroup(ctx: AppContext, actor: Actor, id: string) {
  const c = await repo.findCase(ctx.db, caseScopeOf(actor), id);
  if (!c) throw notFound('案件');
  return present(ctx.db, actor, c.groupId);
}

/**
 * POST /api/cases/{id}/group/merge: merges every candidate of the case's group that the caller may
 * merge into the group's primary, in one transaction — each through the workflow's `merge` (its
 * timeline entries on both cases and its audit row), plus one audit row for the group.
 * 409 `not_in_group`, `group_primary_closed`, `nothing_to_merge`.
 */
export async function mergeGroup(ctx: AppContext, actor: Actor, id: string, body: { note?: string }, req: RequestContext) {
  const c = await repo.findCase(ctx.db, caseScopeOf(actor), id);
  if (!c) throw notFound('案件');
  const groupId = c.groupId;
  if (!groupId) throw conflict('not_in_group', '该案件不在任何重复组中');
  await ctx.db.transaction(async (tx: Tx) => {
    await repo.lockGroupMembers(tx, groupId);
    const members = await repo.groupMembers(tx, caseScopeOf(actor), groupId);
    const primary = primaryAmong(members);
    if (!primary || !isOpen(primary) || primary.state === 'suspended') {
      throw conflict('group_primary_closed', '重复组中没有可作为主案件的未办结案件，不能合并');
    }
    const ids = await mergeable(tx, actor, members, primary);
    if (ids.size === 0) throw conflict('nothing_to_merge', '重复组中没有您可以合并的案件（只有待受理、待派遣的案件可以合并）');
    const merged: string[] = [];
    for (const m of members) {
      if (!ids.has(m.id)) continue;
      await applyAction(ctx, tx, actor, m, 'merge', { intoCaseId: primary.id, note: body.note?.trim() || `与 ${primary.code} 反映同一问题，合并办理` }, req);
      merged.push(m.code);
    }
    await audit(tx, { actor }, req, { action: 'case.group-merge', entityType: 'case', entityId: primary.id, areaCode: primary.areaCode, detail: { code: primary.code, merged } });
  });
  return present(ctx.db, actor, groupId);
}
