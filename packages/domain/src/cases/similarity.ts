// Duplicate hints (SPEC §4 "links to duplicates"): when a case comes in, show the operator the
// open cases that probably describe the same problem, so they can merge instead of dispatching
// the same street lamp three times. This is a hint for a person, not an automatic merge.
//
// The score combines four signals:
// - category: the same type is required for a high score. A sibling type (same parent, e.g.
//   暴露垃圾 vs 积存垃圾渣土) caps the score at 0.7 — residents often pick the neighbouring
//   type; an unrelated type caps it at 0.3, below the threshold.
// - place: haversine distance when both have a point (≤ 50 m counts fully, fading to 0 at
//   500 m); otherwise the deepest shared area code (same building > same grid > same village).
// - time: fades linearly from the same moment to 7 days apart.
// - text: Dice coefficient of character bigrams of title + description. Chinese has no spaces
//   between words, and bigrams catch shared words (路灯, 不亮) without a dictionary.
import { CODE_LENGTH, type AreaLevel } from '../codes.ts';
import type { LatLng } from './coords.ts';

export interface CaseLike {
  categoryCode: string;
  title: string;
  description: string;
  lat?: number | null;
  lng?: number | null;
  areaCode: string;
  reportedAt: Date;
}

/** Scores at or above this are shown as "possible duplicate". */
export const DUPLICATE_THRESHOLD = 0.6;

const WEIGHTS = { place: 0.4, text: 0.4, time: 0.2 } as const;
const NEAR_METRES = 50;
const FAR_METRES = 500;
const TIME_WINDOW_MS = 7 * 24 * 3_600_000;
/** Area fallback: how much a shared area code is worth compared with being within 50 m. */
const AREA_SCORES: readonly [AreaLevel, number][] = [
  ['unit', 0.8],
  ['building', 0.8],
  ['grid', 0.5],
  ['village', 0.25],
];

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres between two WGS84 points. */
export function haversineMetres(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

// ---------------------------------------------------------------------------------------------
// Text

/**
 * Boilerplate of hotline work orders and polite filler. Every 12345 order starts with
 * "市民来电反映", so without this two unrelated orders would already share several bigrams.
 */
const FILLER = ['市民来电反映', '来电反映', '市民反映', '来电人', '您好', '你好', '请问', '希望', '尽快', '相关部门', '处理', '解决', '谢谢'];
const FILLER_RE = new RegExp(FILLER.join('|'), 'g');

/** NFKC folds full-width letters and digits; punctuation, symbols and whitespace are dropped. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(FILLER_RE, '').replace(/[\p{P}\p{S}\p{Z}\p{C}\s]/gu, '');
}

/** Character bigrams (unigrams for a one-character text), by code point. */
function shingles(text: string): Set<string> {
  const chars = Array.from(normalise(text));
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Similarity of two Chinese texts in [0, 1]: Dice coefficient of character bigrams. */
export function textSimilarity(a: string, b: string): number {
  return dice(shingles(a), shingles(b));
}

// ---------------------------------------------------------------------------------------------
// Signals

function categoryParent(code: string): string | null {
  return code.length > 2 ? code.slice(0, -2) : null;
}

function categoryFactor(a: string, b: string): number {
  if (a === b) return 1;
  const pa = categoryParent(a);
  return pa !== null && pa === categoryParent(b) ? 0.7 : 0.3;
}

function pointOf(c: CaseLike): LatLng | null {
  const { lat, lng } = c;
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  return { lat, lng };
}

function areaScore(a: string, b: string): number {
  for (const [level, score] of AREA_SCORES) {
    const n = CODE_LENGTH[level];
    if (a.length >= n && b.length >= n && a.slice(0, n) === b.slice(0, n)) return score;
  }
  return 0;
}

function placeScore(a: CaseLike, b: CaseLike): number {
  const pa = pointOf(a);
  const pb = pointOf(b);
  if (!pa || !pb) return areaScore(a.areaCode, b.areaCode);
  const d = haversineMetres(pa, pb);
  if (d <= NEAR_METRES) return 1;
  if (d >= FAR_METRES) return 0;
  return (FAR_METRES - d) / (FAR_METRES - NEAR_METRES);
}

function timeScore(a: Date, b: Date): number {
  const dt = Math.abs(a.getTime() - b.getTime());
  return Number.isFinite(dt) ? Math.max(0, 1 - dt / TIME_WINDOW_MS) : 0;
}

export interface DuplicateBreakdown {
  /** Multiplier: 1 same type, 0.7 sibling type, 0.3 otherwise. */
  category: number;
  place: number;
  time: number;
  text: number;
  score: number;
}

function breakdown(a: CaseLike, b: CaseLike, textA: ReadonlySet<string>, textB: ReadonlySet<string>): DuplicateBreakdown {
  const category = categoryFactor(a.categoryCode, b.categoryCode);
  const place = placeScore(a, b);
  const time = timeScore(a.reportedAt, b.reportedAt);
  const text = dice(textA, textB);
  const score = category * (WEIGHTS.place * place + WEIGHTS.text * text + WEIGHTS.time * time);
  return { category, place, time, text, score: Math.min(1, Math.max(0, score)) };
}

// A case's text never changes after intake, and each new case is compared with the same recent
// ones again and again: the bigrams of a text are remembered (a bounded memo, pure by its key).
const textMemo = new Map<string, ReadonlySet<string>>();
const TEXT_MEMO_MAX = 20_000;

// Case objects are read, never changed, so one compared many times is also remembered by identity.
const objectMemo = new WeakMap<CaseLike, ReadonlySet<string>>();

function caseText(c: CaseLike): ReadonlySet<string> {
  let set = objectMemo.get(c);
  if (set) return set;
  const text = `${c.title} ${c.description}`;
  set = textMemo.get(text);
  if (!set) {
    set = shingles(text);
    if (textMemo.size >= TEXT_MEMO_MAX) textMemo.clear();
    textMemo.set(text, set);
  }
  objectMemo.set(c, set);
  return set;
}

/** Each signal and the combined score, e.g. to tell the operator why a case was suggested. */
export function duplicateBreakdown(a: CaseLike, b: CaseLike): DuplicateBreakdown {
  return breakdown(a, b, caseText(a), caseText(b));
}

/** How likely `a` and `b` describe the same problem, in [0, 1]; see DUPLICATE_THRESHOLD. */
export function duplicateScore(a: CaseLike, b: CaseLike): number {
  return duplicateBreakdown(a, b).score;
}

/**
 * The `others` that look like duplicates of `candidate` (score ≥ minScore), best first, at most
 * `limit`. Ties keep the order of `others` (e.g. newest first if the caller sorted so).
 */
export function findDuplicates<T extends CaseLike>(
  candidate: CaseLike,
  others: readonly T[],
  limit = 5,
  minScore = DUPLICATE_THRESHOLD,
): { item: T; score: number }[] {
  const own = caseText(candidate);
  const hits: { item: T; score: number }[] = [];
  for (const item of others) {
    if (item === candidate) continue;
    const { score } = breakdown(candidate, item, own, caseText(item));
    if (score >= minScore) hits.push({ item, score });
  }
  return hits.sort((x, y) => y.score - x.score).slice(0, Math.max(0, limit));
}
