// Duplicate groups (issue 19 "Duplicates grouped"; SPEC §4 "links to duplicates", "merge duplicates
// (合并)"): reports of the same problem at the same place form a group with one primary case, the
// earliest open one. A new report that passes the rule with an open case joins that case's group as
// a candidate; the dispatcher merges the group into the primary (or unmerges a member) by hand.
//
// Two reports are the same problem at the same place when all three hold (thresholds in
// DUPLICATE_GROUP_RULE):
// - problem: the text similarity — weighted cosine of the intake suggestions' features
//   (suggest/features.ts: ICU words and character bigrams), each feature weighted by how rare it is
//   among the example reports the suggestions are seeded with (小区, 门口, which every type uses,
//   count little; 路灯, 井盖 count much) — is ≥ `textMin`; or both reports are of the same leaf type
//   (the case type — ONE type, the first of `types`: the one the reporter or dispatcher chose, which
//   intake pre-selects from the suggestion's best) and the similarity is ≥ `textSameType`; or the
//   reports are of related types — the case type of one is among the likely types of the other's
//   words (`likely`: the intake suggestion's first `likelyTypes` for that text, those given at least
//   `likelyMinScore`) — and the similarity is ≥ `textRelated`. Residents describe one problem in very
//   different words (煤气味 / 燃气泄漏), so the type carries what the words alone miss; a different
//   problem at the same spot has another type. The related path is for a report whose best guessed
//   type went to a neighbouring type (路面塌陷 / 道路破损, 下水道堵塞 / 雨水井盖): its words still
//   put the other report's type among their likely ones. A case keeps ONE type; `likely` is a
//   property of its text, computed by the same model for both sides when they are compared.
// - place: both points within `maxMetres` (haversine); without a point on either side, the same
//   grid (15-digit code, or a finer shared code) or the same written address.
// - time: reported at most `windowDays` apart.
import { haversineMetres } from './similarity.ts';
import { reportFeatures } from './suggest/features.ts';
import { INTAKE_EXAMPLES } from './suggest/examples.ts';

export interface DuplicateGroupRule {
  /** Text similarity (0..1) two reports need in any case. */
  textMin: number;
  /** Text similarity that suffices between two reports of the same type. */
  textSameType: number;
  /** Farthest two points of one problem may be apart. */
  maxMetres: number;
  /** Longest time between two reports of one problem. */
  windowDays: number;
  /** Code length of the area that counts as "the same place" when a report has no point (a grid). */
  gridCodeLength: number;
  /** Text similarity that suffices between two reports of related types (one's type among the other's likely types). */
  textRelated: number;
  /** How many of the suggestion's types, best first, count as a report's likely types. */
  likelyTypes: number;
  /** The least suggestion score (0..1) a likely type other than the best needs. */
  likelyMinScore: number;
}

/** The thresholds of the rule, in one place (docs/SMART-INTAKE.md "Duplicate groups"). */
export const DUPLICATE_GROUP_RULE: DuplicateGroupRule = {
  textMin: 0.4,
  textSameType: 0,
  maxMetres: 250,
  windowDays: 7,
  gridCodeLength: 15,
  textRelated: 0,
  likelyTypes: 3,
  likelyMinScore: 0.01,
};

/**
 * The likely types of a report's text, for `GroupReport.likely`: the suggestion's first
 * `likelyTypes`, best first, the best always and the others when given at least `likelyMinScore`.
 */
export function likelyTypesOf(suggestions: readonly { label: string; score: number }[], rule: DuplicateGroupRule = DUPLICATE_GROUP_RULE): string[] {
  return suggestions
    .slice(0, rule.likelyTypes)
    .filter((s, i) => i === 0 || s.score >= rule.likelyMinScore)
    .map((s) => s.label);
}

export interface GroupReport {
  /**
   * The leaf types the report is of, best first: the case's type, or the likely types of the intake
   * suggestion. Only the first counts — a case has one type, the chosen one; two reports are "of the
   * same type" when their first types are equal. (Sharing any of three likely types joined different
   * problems whose second or third guesses happened to meet.)
   */
  types?: readonly string[] | null;
  /**
   * The likely types of the report's words by the intake suggestion model (`likelyTypesOf`), best
   * first — not the case's type, which is the first of `types`. Without it only `textMin` and the
   * same type count.
   */
  likely?: readonly string[] | null;
  title: string;
  description: string;
  areaCode: string;
  lat?: number | null;
  lng?: number | null;
  address?: string | null;
  reportedAt: Date;
}

// ---------------------------------------------------------------------------------------------
// Text

let idf: Map<string, number> | null = null;
let idfDefault = 1;

/** Inverse document frequency of each feature over the shipped example reports (one document per type). */
function featureWeights(): Map<string, number> {
  if (idf) return idf;
  const docs = Object.values(INTAKE_EXAMPLES).map((examples) => new Set(examples.flatMap((e) => [...reportFeatures(e).keys()])));
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d) df.set(f, (df.get(f) ?? 0) + 1);
  const n = docs.length;
  idf = new Map([...df].map(([f, k]) => [f, Math.log((n + 1) / (k + 1)) + 1]));
  // A feature no example has (a place name, a rare word) is weighted as one a quarter of the types use:
  // place names would otherwise count as the rarest words and make any two reports of one spot alike.
  idfDefault = Math.log((n + 1) / (n / 4 + 1)) + 1;
  return idf;
}

type Vector = Map<string, number>;
const vectorMemo = new Map<string, { v: Vector; norm: number }>();

function vectorOf(text: string): { v: Vector; norm: number } {
  let out = vectorMemo.get(text);
  if (out) return out;
  const w = featureWeights();
  const v: Vector = new Map();
  for (const [f, n] of reportFeatures(text)) v.set(f, n * (w.get(f) ?? idfDefault));
  let sq = 0;
  for (const x of v.values()) sq += x * x;
  out = { v, norm: Math.sqrt(sq) };
  if (vectorMemo.size > 20_000) vectorMemo.clear();
  vectorMemo.set(text, out);
  return out;
}

/** Weighted cosine similarity of two reports' texts, 0..1. */
export function reportTextSimilarity(a: string, b: string): number {
  const x = vectorOf(a);
  const y = vectorOf(b);
  if (x.norm === 0 || y.norm === 0) return 0;
  const [small, large] = x.v.size <= y.v.size ? [x.v, y.v] : [y.v, x.v];
  let dot = 0;
  for (const [f, n] of small) {
    const m = large.get(f);
    if (m) dot += n * m;
  }
  return Math.min(1, dot / (x.norm * y.norm));
}

// ---------------------------------------------------------------------------------------------
// Place and time

const point = (r: GroupReport) =>
  typeof r.lat === 'number' && typeof r.lng === 'number' && Number.isFinite(r.lat) && Number.isFinite(r.lng) ? { lat: r.lat, lng: r.lng } : null;

const normAddress = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

export interface SameProblemVerdict {
  same: boolean;
  text: number;
  /** Metres between the points; null when either report has none. */
  metres: number | null;
  /** Whether the places count as the same (points close enough, or the same grid or address). */
  samePlace: boolean;
  /** How the problems were compared: the same type, related types, or the words alone. */
  types: 'same' | 'related' | 'none';
  days: number;
  /** Why not, when `same` is false: the first condition that failed. */
  failed: 'time' | 'place' | 'text' | null;
}

/** Whether `a` and `b` report the same problem at the same place (the rule at the top of this file). */
export function sameProblem(a: GroupReport, b: GroupReport, rule: DuplicateGroupRule = DUPLICATE_GROUP_RULE): SameProblemVerdict {
  const days = Math.abs(a.reportedAt.getTime() - b.reportedAt.getTime()) / 86_400_000;
  const pa = point(a);
  const pb = point(b);
  const metres = pa && pb ? haversineMetres(pa, pb) : null;
  let samePlace: boolean;
  if (metres !== null) samePlace = metres <= rule.maxMetres;
  else {
    const n = rule.gridCodeLength;
    const sameGrid = a.areaCode.length >= n && b.areaCode.length >= n && a.areaCode.slice(0, n) === b.areaCode.slice(0, n);
    const addrA = normAddress(a.address);
    samePlace = sameGrid || (addrA.length >= 4 && addrA === normAddress(b.address));
  }
  const text = reportTextSimilarity(`${a.title} ${a.description}`, `${b.title} ${b.description}`);
  const typeA = a.types?.[0];
  const typeB = b.types?.[0];
  const sameType = !!typeA && typeA === typeB;
  const related = (!!typeA && !!b.likely?.includes(typeA)) || (!!typeB && !!a.likely?.includes(typeB));
  const needed = sameType ? rule.textSameType : related ? Math.min(rule.textRelated, rule.textMin) : rule.textMin;
  const failed = !(days <= rule.windowDays) ? 'time' : !samePlace ? 'place' : text < needed ? 'text' : null;
  return { same: failed === null, text, metres, samePlace, types: sameType ? 'same' : related ? 'related' : 'none', days, failed };
}

// ---------------------------------------------------------------------------------------------
// Groups

export interface GroupMember extends GroupReport {
  id: string;
  /** Open (reported … suspended): only open cases take new members or become primary. */
  open: boolean;
  /** The group it already belongs to (its primary's id), if any. */
  groupId?: string | null;
}

/** The primary of a group: the earliest open member (ties: the smaller id), else the earliest member. */
export function primaryOf<T extends Pick<GroupMember, 'id' | 'open' | 'reportedAt'>>(members: readonly T[]): T | null {
  const order = (x: T, y: T) => x.reportedAt.getTime() - y.reportedAt.getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const open = members.filter((m) => m.open).sort(order);
  return open[0] ?? [...members].sort(order)[0] ?? null;
}

/**
 * The group a new report joins: among the open cases it matches, the best by text, and that case's
 * group (its primary's id), or the case itself as a new group's primary. Null when none matches.
 */
export function groupFor(report: GroupReport, openCases: readonly GroupMember[], rule: DuplicateGroupRule = DUPLICATE_GROUP_RULE): { groupId: string; matchId: string; text: number } | null {
  let best: { groupId: string; matchId: string; text: number } | null = null;
  for (const c of openCases) {
    if (!c.open) continue;
    const v = sameProblem(report, c, rule);
    if (v.same && (!best || v.text > best.text)) best = { groupId: c.groupId ?? c.id, matchId: c.id, text: v.text };
  }
  return best;
}

/**
 * Groups a set of reports as intake would, one by one in the order reported: each joins the group
 * of the best-matching earlier open report, else starts its own. Returns the group id of each
 * report (the id of the group's first report), by report id. Used by the evaluation.
 */
export function groupReports(reports: readonly GroupMember[], rule: DuplicateGroupRule = DUPLICATE_GROUP_RULE): Map<string, string> {
  const sorted = [...reports].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  const seen: GroupMember[] = [];
  const out = new Map<string, string>();
  for (const r of sorted) {
    const hit = groupFor(r, seen, rule);
    const groupId = hit?.groupId ?? r.id;
    out.set(r.id, groupId);
    seen.push({ ...r, groupId });
  }
  return out;
}

/** Pairwise precision, recall and F1 of a grouping against the truth (both: report id → group key). */
export function pairwiseF1(predicted: ReadonlyMap<string, string>, truth: ReadonlyMap<string, string>): { precision: number; recall: number; f1: number; truePairs: number; predictedPairs: number } {
  const ids = [...truth.keys()];
  let tp = 0;
  let pp = 0;
  let tt = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const p = predicted.get(ids[i]!) === predicted.get(ids[j]!);
      const t = truth.get(ids[i]!) === truth.get(ids[j]!);
      if (p) pp++;
      if (t) tt++;
      if (p && t) tp++;
    }
  }
  const precision = pp ? tp / pp : 1;
  const recall = tt ? tp / tt : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, truePairs: tt, predictedPairs: pp };
}
