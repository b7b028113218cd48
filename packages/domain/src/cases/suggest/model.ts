// The intake suggestion model (docs/SMART-INTAKE.md): a multinomial naive Bayes classifier from a
// report's words to a leaf type, and a router from the likely types (and the place) to the units
// the case is dispatched to. Both are counts, so they learn one case at a time (and forget one, when
// a dispatcher re-classifies it) without retraining from scratch.
import { reportFeatures, reportWords } from './features.ts';

export interface Suggestion {
  label: string;
  /** 0..1; the scores of all labels add up to 1. */
  score: number;
  /** The words of the report that speak most for this label, strongest first. */
  words: string[];
}

/** Laplace smoothing of the word counts: small, as the examples per type are few. */
const ALPHA = 0.05;
/** Pseudo-documents every label starts with, so a type with no cases yet is not ruled out by its prior. */
const PRIOR_DOCS = 8;

export class TextClassifier {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, number>();
  private readonly docs = new Map<string, number>();
  private readonly featureTotals = new Map<string, number>();
  private total = 0;
  private docTotal = 0;

  /** Adds `text` as an example of `label` (a negative weight takes one away). */
  learn(label: string, text: string, weight = 1): void {
    this.learnFeatures(label, reportFeatures(text), weight);
  }

  /** Takes away an example learnt before, e.g. when a dispatcher re-classifies a case. */
  unlearn(label: string, text: string, weight = 1): void {
    this.learn(label, text, -weight);
  }

  learnFeatures(label: string, features: ReadonlyMap<string, number>, weight = 1): void {
    let c = this.counts.get(label);
    if (!c) {
      c = new Map();
      this.counts.set(label, c);
      this.totals.set(label, 0);
      this.docs.set(label, 0);
    }
    for (const [f, x] of features) {
      const before = c.get(f) ?? 0;
      const after = Math.max(0, before + x * weight);
      const d = after - before;
      if (after === 0) c.delete(f);
      else c.set(f, after);
      this.totals.set(label, this.totals.get(label)! + d);
      const ft = (this.featureTotals.get(f) ?? 0) + d;
      if (ft <= 1e-9) this.featureTotals.delete(f);
      else this.featureTotals.set(f, ft);
      this.total += d;
    }
    const docsBefore = this.docs.get(label)!;
    const docsAfter = Math.max(0, docsBefore + weight);
    this.docs.set(label, docsAfter);
    this.docTotal += docsAfter - docsBefore;
  }

  get labels(): string[] {
    return [...this.counts.keys()];
  }

  /** How many examples (weighted) the model holds for `label`. */
  examplesOf(label: string): number {
    return this.docs.get(label) ?? 0;
  }

  /**
   * Every label (or those `only` allows) with its probability for `text`, best first. Labels are
   * compared on the features the model knows; the log-likelihoods are tempered by the length of the
   * report before the softmax, because naive Bayes counts correlated words (路灯, #路灯, #灯不) as
   * independent evidence and would otherwise be certain of everything.
   */
  classify(text: string, opts: { limit?: number; only?: (label: string) => boolean; /** false: leave `words` empty (faster). */ explain?: boolean } = {}): Suggestion[] {
    const features = [...reportFeatures(text)].filter(([f]) => this.featureTotals.has(f));
    const labels = this.labels.filter((l) => !opts.only || opts.only(l));
    if (labels.length === 0) return [];
    const v = this.featureTotals.size + 1;
    const k = labels.length;
    const mass = features.reduce((s, [, x]) => s + x, 0);
    const temperature = 1 + 0.35 * Math.sqrt(mass);
    const logits = labels.map((l) => {
      const c = this.counts.get(l)!;
      const denom = Math.log(this.totals.get(l)! + ALPHA * v);
      let ll = Math.log((this.docs.get(l)! + PRIOR_DOCS) / (this.docTotal + PRIOR_DOCS * k));
      for (const [f, x] of features) ll += x * (Math.log((c.get(f) ?? 0) + ALPHA) - denom);
      return ll / temperature;
    });
    const max = Math.max(...logits);
    const exps = logits.map((z) => Math.exp(z - max));
    const sum = exps.reduce((s, e) => s + e, 0);
    const ranked = labels.map((label, i) => ({ label, score: exps[i]! / sum })).sort((a, b) => b.score - a.score);
    const limit = opts.limit ?? ranked.length;
    return ranked.slice(0, limit).map((r) => ({ ...r, words: opts.explain === false ? [] : this.explain(r.label, text) }));
  }

  /**
   * The words of `text` that speak most for `label`: those much more frequent among the label's
   * examples than among all examples (log ratio), at most `max`.
   */
  explain(label: string, text: string, max = 3): string[] {
    const c = this.counts.get(label);
    if (!c) return [];
    const v = this.featureTotals.size + 1;
    const own = this.totals.get(label)! + ALPHA * v;
    const all = this.total + ALPHA * v;
    const lift = (f: string) => Math.log(((c.get(f) ?? 0) + ALPHA) / own) - Math.log(((this.featureTotals.get(f) ?? 0) + ALPHA) / all);
    const seen = new Set<string>();
    const scored: { w: string; s: number }[] = [];
    for (const w of reportWords(text)) {
      if (seen.has(w) || !c.has(w)) continue;
      seen.add(w);
      const s = lift(w);
      if (s > 0.5) scored.push({ w, s });
    }
    if (scored.length === 0) {
      // No dictionary word decided it: show the character pairs that did.
      for (const f of reportFeatures(text).keys()) {
        if (!f.startsWith('#') || !c.has(f)) continue;
        const s = lift(f);
        if (s > 0.5) scored.push({ w: f.slice(1), s });
      }
    }
    return scored
      .sort((a, b) => b.s - a.s)
      .slice(0, max)
      .map((x) => x.w);
  }
}

/** How much the catalogue's default unit of a type counts, in dispatches. */
const DEFAULT_UNIT_WEIGHT = 3;
/** How many of its own dispatches an area needs before they outweigh the district's habits. */
const AREA_WEIGHT = 3;

export interface UnitSuggestion {
  unit: string;
  score: number;
  /** The type through which the unit is suggested most. */
  via: string;
}

type Counts = Map<string, Map<string, number>>;

function bump(m: Counts, key: string, unit: string, weight: number) {
  let u = m.get(key);
  if (!u) m.set(key, (u = new Map()));
  const n = Math.max(0, (u.get(unit) ?? 0) + weight);
  if (n === 0) u.delete(unit);
  else u.set(unit, n);
}

const sumOf = (m: ReadonlyMap<string, number> | undefined) => (m ? [...m.values()].reduce((s, n) => s + n, 0) : 0);

/**
 * Which units handle which type, in which area: the catalogue's default unit of each type, then the
 * district's own dispatches, then the area's (a community's property company, a town's own office).
 */
export class UnitRouter {
  private readonly defaults = new Map<string, string>();
  private readonly byType: Counts = new Map();
  private readonly byArea: Counts = new Map();

  constructor(private readonly areaKeys: (areaCode: string) => string[] = (a) => [a]) {}

  setDefault(type: string, unit: string | null): void {
    if (unit) this.defaults.set(type, unit);
    else this.defaults.delete(type);
  }

  /** A dispatch of a case of `type` in `areaCode` to `unit` (a negative weight takes it back). */
  learn(type: string, unit: string, areaCode: string | null, weight = 1): void {
    bump(this.byType, type, unit, weight);
    if (areaCode) for (const k of this.areaKeys(areaCode)) bump(this.byArea, `${k}|${type}`, unit, weight);
  }

  /** P(unit | type, area): the area's dispatches smoothed towards the district's, those towards the default. */
  unitsFor(type: string, areaCode: string | null): Map<string, number> {
    const base = new Map<string, number>();
    const own = this.byType.get(type);
    const dflt = this.defaults.get(type);
    const n = sumOf(own) + (dflt ? DEFAULT_UNIT_WEIGHT : 0);
    if (n > 0) {
      for (const [u, c] of own ?? []) base.set(u, c / n);
      if (dflt) base.set(dflt, (base.get(dflt) ?? 0) + DEFAULT_UNIT_WEIGHT / n);
    }
    if (!areaCode) return base;
    // The finest area with dispatches of this type decides, smoothed towards the district.
    for (const k of this.areaKeys(areaCode)) {
      const local = this.byArea.get(`${k}|${type}`);
      const m = sumOf(local);
      if (!local || m === 0) continue;
      const out = new Map<string, number>();
      for (const [u, p] of base) out.set(u, (AREA_WEIGHT * p) / (m + AREA_WEIGHT));
      for (const [u, c] of local) out.set(u, (out.get(u) ?? 0) + c / (m + AREA_WEIGHT));
      return out;
    }
    return base;
  }

  /** Units for a report whose types are `types` (probabilities), best first; `allowed` filters. */
  rank(types: readonly { label: string; score: number }[], areaCode: string | null, allowed: (unit: string) => boolean = () => true, limit = 5): UnitSuggestion[] {
    const score = new Map<string, { score: number; via: string; best: number }>();
    for (const t of types) {
      for (const [u, p] of this.unitsFor(t.label, areaCode)) {
        if (!allowed(u)) continue;
        const part = t.score * p;
        const s = score.get(u);
        if (!s) score.set(u, { score: part, via: t.label, best: part });
        else {
          s.score += part;
          if (part > s.best) Object.assign(s, { via: t.label, best: part });
        }
      }
    }
    return [...score]
      .map(([unit, s]) => ({ unit, score: Math.min(1, s.score), via: s.via }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
