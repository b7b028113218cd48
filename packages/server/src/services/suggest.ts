// Intake suggestions (智能分派, docs/SMART-INTAKE.md): the likely leaf types, the units to dispatch
// to and the open cases that already report the same, from what a resident or a grid worker is
// typing. The model lives in memory, one per process: seeded from the catalogue at the first call,
// then taught the district's decided cases in the background and every accepted or dispatched case
// as it happens — off the request path, so intake never waits for it.
import { CODE_LENGTH, DUPLICATE_GROUP_RULE, invalid, isAreaCode, likelyTypesOf, seedClassifier, toWgs84, UnitRouter, validLatLng, type TextClassifier } from '@gongzhi/domain';
import { UsageLimiter } from '../lib/rate-limit.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import * as caseRepo from '../repositories/cases.ts';
import * as repo from '../repositories/suggest.ts';
import { areaNames } from './area-names.ts';
import { similarToReport } from './cases.ts';
import type { AppContext } from './context.ts';
import { gridAt } from './grid-index.ts';

export interface SuggestInput {
  title?: string;
  description?: string;
  areaCode?: string;
  location?: { lat: number; lng: number; crs?: 'wgs84' | 'gcj02' | 'bd09' };
}

/** At most this many of each list. */
const LIMIT = 5;
/** How many decided cases the model learns at start (newest first), and how many per slice. */
const HISTORY_MAX = 200_000;
const HISTORY_SLICE = 2_000;
/** The model is rebuilt from the database this often, so processes that did not see a dispatch catch up. */
const REBUILD_MS = 6 * 3_600_000;

type Unit = Awaited<ReturnType<typeof repo.dispatchableUnits>>[number];

interface Model {
  classifier: TextClassifier;
  router: UnitRouter;
  names: Map<string, string>;
  /** Active leaf types: the only ones suggested. */
  selectable: Set<string>;
  units: Map<string, Unit>;
  /** Cases whose text is learnt (a case is learnt once, however often it is dispatched). */
  learnt: Set<string>;
  builtAt: number;
  /** Resolves when the district's history is learnt (tests and the benchmark wait for it). */
  history: Promise<void>;
}

const models = new WeakMap<AppContext, Promise<Model>>();
/** The model each context answers with, once built (read synchronously by duplicate grouping at intake). */
const builtModels = new WeakMap<AppContext, Model>();

/** Area keys from the finest to the coarsest an area's own dispatches are counted under. */
const areaKeys = (code: string) => [CODE_LENGTH.village, CODE_LENGTH.town].filter((n) => code.length >= n).map((n) => code.slice(0, n));

async function build(ctx: AppContext): Promise<Model> {
  const [types, units] = await Promise.all([caseRepo.listCatalogue(ctx.db), repo.dispatchableUnits(ctx.db)]);
  const classifier = seedClassifier(types.map((t) => ({ code: t.code, name: t.name, leaf: t.leaf, keywords: t.keywords as string[] | null })));
  const router = new UnitRouter(areaKeys);
  const byCode = new Map(units.map((u) => [u.code, u]));
  for (const t of types) if (t.leaf && t.defaultUnitCode) router.setDefault(t.code, byCode.get(t.defaultUnitCode)?.id ?? null);
  const model: Model = {
    classifier,
    router,
    names: new Map(types.map((t) => [t.code, t.name])),
    selectable: new Set(types.filter((t) => t.leaf && t.active).map((t) => t.code)),
    units: new Map(units.map((u) => [u.id, u])),
    learnt: new Set(),
    builtAt: Date.now(),
    history: Promise.resolve(),
  };
  model.history = learnHistory(ctx, model).catch(() => undefined);
  return model;
}

function learnCase(m: Model, c: { id: string; categoryCode: string; title: string; description: string; areaCode: string; unitId: string | null }, opts: { unit: boolean }) {
  if (!m.names.has(c.categoryCode)) return;
  if (!m.learnt.has(c.id)) {
    m.learnt.add(c.id);
    m.classifier.learn(c.categoryCode, `${c.title} ${c.description}`);
  }
  if (opts.unit && c.unitId && m.units.has(c.unitId)) m.router.learn(c.categoryCode, c.unitId, c.areaCode);
}

/** The district's decided cases, newest first, a slice at a time so requests keep being served. */
async function learnHistory(ctx: AppContext, m: Model) {
  let before: Date | undefined;
  for (let done = 0; done < HISTORY_MAX; ) {
    const rows = await repo.decidedCases(ctx.db, { limit: HISTORY_SLICE, before });
    for (const r of rows) learnCase(m, r, { unit: true });
    done += rows.length;
    if (rows.length < HISTORY_SLICE) break;
    before = rows[rows.length - 1]!.createdAt;
    await new Promise((r) => setImmediate(r));
  }
}

async function modelOf(ctx: AppContext): Promise<Model> {
  let p = models.get(ctx);
  if (!p) {
    p = build(ctx);
    models.set(ctx, p);
    const mine = p;
    p.then((m) => models.get(ctx) === mine && builtModels.set(ctx, m), () => models.delete(ctx));
  } else {
    const m = await p;
    if (Date.now() - m.builtAt > REBUILD_MS) {
      // Keep answering with the old model while the new one learns.
      m.builtAt = Date.now();
      const next = build(ctx);
      void next.then(async (n) => {
        await n.history;
        models.set(ctx, next);
        builtModels.set(ctx, n);
      }, () => undefined);
    }
  }
  return p;
}

/** Drops the model (the catalogue changed): the next call builds it again. */
export function forgetSuggestionModel(ctx: AppContext) {
  models.delete(ctx);
  builtModels.delete(ctx);
}

const likelyMemo = new WeakMap<Model, Map<string, string[]>>();

/**
 * The likely types of texts by the served model (duplicate grouping at intake, `likelyTypesOf` in
 * cases/duplicates.ts): a function of the text, memoised per model. Null while the process has no
 * model yet — then its building starts, and grouping compares by type and words alone meanwhile.
 * No database query: intake never waits for the model.
 */
export function likelyTypesNow(ctx: AppContext): ((text: string) => string[]) | null {
  const m = builtModels.get(ctx);
  if (!m) {
    void modelOf(ctx).catch(() => undefined);
    return null;
  }
  let memo = likelyMemo.get(m);
  if (!memo) likelyMemo.set(m, (memo = new Map()));
  return (text) => {
    let out = memo.get(text);
    if (!out) {
      out = likelyTypesOf(m.classifier.classify(text, { limit: DUPLICATE_GROUP_RULE.likelyTypes, only: (l) => m.selectable.has(l), explain: false }));
      if (memo.size > 20_000) memo.clear();
      memo.set(text, out);
    }
    return out;
  };
}

/** Waits until the model has learnt the district's history (tests, the benchmark). */
export async function suggestionModelReady(ctx: AppContext) {
  await (await modelOf(ctx)).history;
}

/**
 * A dispatcher decided on cases (accepted, dispatched): learn their text and unit, after the
 * answer is sent. Never throws, never delays the caller.
 */
export function learnDecidedCases(ctx: AppContext, caseIds: string[]) {
  const p = models.get(ctx);
  if (!p || caseIds.length === 0) return;
  setImmediate(() => {
    void (async () => {
      const m = await p;
      const rows = await repo.decidedCases(ctx.db, { limit: caseIds.length, ids: caseIds });
      for (const r of rows) learnCase(m, r, { unit: true });
    })().catch(() => undefined);
  });
}

// A QR page asks as the resident types: generous, but not a free classification service.
const anonymousLimiter = new UsageLimiter(120, 60_000);

function unitAllowed(u: Unit, place: string | null): boolean {
  if (u.areaCode.length <= CODE_LENGTH.district) return true;
  if (!place) return false;
  return place.startsWith(u.areaCode) || u.areaCode.startsWith(place.slice(0, CODE_LENGTH.village));
}

export async function suggest(ctx: AppContext, actor: Actor | null, input: SuggestInput, req: RequestContext) {
  if (!actor) {
    anonymousLimiter.take(req.ip ?? 'unknown', 1, '请求过于频繁，请稍后再试');
    if (!input.areaCode) throw invalid('area_required', '扫码上报需提供所在区域（areaCode）', { field: 'areaCode' });
  }
  let place = input.areaCode ?? null;
  if (place && (!isAreaCode(place) || !(await areaNames(ctx.db, [place])).has(place))) {
    throw invalid('invalid_area_code', `区域代码 ${place.slice(0, 24)} 不存在`, { field: 'areaCode' });
  }
  let lat: number | null = null;
  let lng: number | null = null;
  if (input.location) {
    const { lat: la, lng: ln, crs = 'wgs84' } = input.location;
    if (!validLatLng(la, ln)) throw invalid('invalid_location', '位置坐标不正确（纬度 -90~90，经度 -180~180）', { field: 'location' });
    ({ lat, lng } = toWgs84(la, ln, crs));
    const grid = await gridAt(ctx, lat, lng);
    if (grid && !(place && place.startsWith(grid))) place = grid;
  }
  const title = input.title?.trim() ?? '';
  const description = input.description?.trim() ?? '';
  const text = `${title} ${description}`.trim();
  if (!text) return { categories: [], units: [], similar: [] };

  const m = await modelOf(ctx);
  const ranked = m.classifier.classify(text, { only: (l) => m.selectable.has(l) });
  // Nothing in the text is known to the model: no guess is better than a confident wrong one.
  if (!ranked.slice(0, LIMIT).some((r) => r.words.length > 0)) return { categories: [], units: [], similar: [] };
  const top = ranked.slice(0, LIMIT);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const categories = top.map((r) => ({ code: r.label, name: m.names.get(r.label)!, score: round(r.score), words: r.words }));
  const wordsOf = new Map(top.map((r) => [r.label, r.words]));
  const units = m.router
    .rank(
      ranked.slice(0, 10),
      place,
      (id) => {
        const u = m.units.get(id);
        return !!u && unitAllowed(u, place);
      },
      LIMIT,
    )
    .map((u) => ({ id: u.unit, name: m.units.get(u.unit)!.name, score: round(u.score), type: { code: u.via, name: m.names.get(u.via)! }, words: wordsOf.get(u.via) ?? m.classifier.explain(u.via, text) }));
  const likely = top.filter((r, i) => i === 0 || r.score >= 0.2).slice(0, 2).map((r) => r.label);
  const similar = actor ? await similarToReport(ctx, actor, { title, description, areaCode: place, lat, lng }, likely) : [];
  return { categories, units, similar };
}
