import { forbidden, invalid, notFound, overdueChainOf, validOverdueChain, type OverdueChain } from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canEditCatalogue } from '../policies/case.ts';
import * as repo from '../repositories/cases.ts';
import { findUnitByCode } from '../repositories/users.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { FALLBACK_DEADLINES, type StepDeadlines } from './deadlines.ts';
import { invalidateCatalogueCache } from './cases.ts';
import { forgetSuggestionModel } from './suggest.ts';

function toDto(t: repo.CatalogueRow, actor: Actor | null) {
  return {
    code: t.code,
    name: t.name,
    parentCode: t.parentCode,
    leaf: t.leaf,
    keywords: t.keywords,
    deadline: { ...FALLBACK_DEADLINES, ...((t.deadlines as Partial<StepDeadlines>) ?? {}) },
    handlingLevel: t.handlingLevel as 'village' | 'town' | 'district',
    urgent: t.urgent,
    verifyOnSite: t.verifyOnSite,
    autoDispatch: t.autoDispatch,
    roundTheClock: t.roundTheClock,
    rule5321: t.rule5321,
    overdueChain: overdueChainOf(t.overdueChain),
    defaultUnitCode: t.defaultUnitCode,
    active: t.active,
    allowedActions: actor && canEditCatalogue(actor) ? ['edit'] : [],
  };
}

export async function listCatalogue(ctx: AppContext, actor: Actor | null) {
  const rows = await repo.listCatalogue(ctx.db);
  return { items: rows.filter((r) => r.active || (actor && canEditCatalogue(actor))).map((r) => toDto(r, actor)) };
}

export interface CataloguePatch {
  name?: string;
  deadlines?: StepDeadlines;
  handlingLevel?: 'village' | 'town' | 'district';
  urgent?: boolean;
  verifyOnSite?: boolean;
  autoDispatch?: boolean;
  roundTheClock?: boolean;
  rule5321?: boolean;
  overdueChain?: OverdueChain | null;
  defaultUnitCode?: string | null;
  active?: boolean;
  keywords?: string[];
}

export async function updateCatalogue(ctx: AppContext, actor: Actor, code: string, patch: CataloguePatch, req: RequestContext) {
  if (!canEditCatalogue(actor)) throw forbidden('只有系统管理员可以维护事项目录');
  const existing = await repo.findCatalogueType(ctx.db, code);
  if (!existing) throw notFound('事项类型');
  if (patch.defaultUnitCode && !(await findUnitByCode(ctx.db, patch.defaultUnitCode))) {
    throw invalid('invalid_unit', `单位代码 ${patch.defaultUnitCode} 不存在`, { field: 'defaultUnitCode' });
  }
  if (patch.overdueChain) patch = { ...patch, overdueChain: validOverdueChain(patch.overdueChain) };
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateCatalogueType(tx, code, patch);
    await audit(tx, { actor }, req, { action: 'catalogue.update', entityType: 'catalogue', entityId: code, detail: { fields: Object.keys(patch) } });
    return toDto(row!, actor);
  }).finally(() => {
    invalidateCatalogueCache();
    forgetSuggestionModel(ctx);
  });
}
