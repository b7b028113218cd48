// Village and community conventions (村规民约 / 居民公约): their kind, the life of a version
// (draft → adopted → superseded), what an adoption needs, and the article-by-article difference
// between two versions. Pure; the server stores, checks scope and presents (docs/PARTICIPATION.md).
//
// Sources:
// - 《村民委员会组织法》第二十七条: 村民会议可以制定和修改村民自治章程、村规民约，并报乡、民族乡、镇的人民政府备案;
//   第二十三条 lets the villagers' assembly entrust matters to the villagers' representatives meeting.
// - 《城市居民委员会组织法》第十五条: 居民公约由居民会议讨论制定，报不设区的市、市辖区的人民政府或者它的派出机关备案，
//   由居民委员会监督执行.
import { villageKindOf } from '../codes.ts';
import type { DeliberationBody } from '../deliberation/rules.ts';

export const CONVENTION_KINDS = ['village', 'community'] as const;
export type ConventionKind = (typeof CONVENTION_KINDS)[number];
export const CONVENTION_KIND_LABELS: Record<ConventionKind, { zh: string; en: string }> = {
  village: { zh: '村规民约', en: 'Village rules' },
  community: { zh: '居民公约', en: "Residents' convention" },
};

export const CONVENTION_STATES = ['draft', 'adopted', 'superseded'] as const;
export type ConventionState = (typeof CONVENTION_STATES)[number];
export const CONVENTION_STATE_LABELS: Record<ConventionState, { zh: string; en: string }> = {
  draft: { zh: '草案', en: 'Draft' },
  adopted: { zh: '现行', en: 'In force' },
  superseded: { zh: '已废止', en: 'Superseded' },
};

/** A village (村, segment 200–399) has 村规民约, a community (社区, 001–199) 居民公约; nothing else has either. */
export function conventionKindOf(code: string): ConventionKind | null {
  if (!/^\d{12}$/.test(code)) return null;
  const k = villageKindOf(code);
  return k === 'village' || k === 'community' ? k : null;
}

/** The bodies whose passed decision adopts a convention (art. 27 / 23 of the villagers' law; art. 15 of the residents' law). */
export const CONVENTION_ADOPTING_BODIES: Record<ConventionKind, readonly DeliberationBody[]> = {
  village: ['villagers-assembly', 'villager-representatives'],
  community: ['residents-assembly'],
};

/** One article (条): an id kept across versions so the difference is article by article, its chapter (章) and text. */
export interface ConventionArticle {
  id: string;
  chapter: string | null;
  text: string;
}

export const MAX_ARTICLES = 200;
export const MAX_ARTICLE_TEXT = 2000;
export const MAX_CHAPTER = 40;

export interface ConventionRefusal {
  code: string;
  message: string;
  /** 400 for bad input, 409 for a state that forbids it. */
  status: 400 | 409;
  field?: string;
}

/** What is wrong with a draft's articles, or null. Empty is allowed in a draft; adoption needs at least one. */
export function articlesProblem(articles: readonly ConventionArticle[]): ConventionRefusal | null {
  if (articles.length > MAX_ARTICLES) return { code: 'too_many_articles', message: `条文（articles）最多 ${MAX_ARTICLES} 条`, status: 400, field: 'articles' };
  const ids = new Set<string>();
  for (const [i, a] of articles.entries()) {
    if (!a.text.trim()) return { code: 'empty_article', message: `第 ${i + 1} 条的条文（articles.${i}.text）不能为空`, status: 400, field: `articles.${i}.text` };
    if (a.text.length > MAX_ARTICLE_TEXT) return { code: 'article_too_long', message: `第 ${i + 1} 条的条文（articles.${i}.text）不能超过 ${MAX_ARTICLE_TEXT} 个字符`, status: 400, field: `articles.${i}.text` };
    if (a.chapter !== null && a.chapter.length > MAX_CHAPTER) return { code: 'chapter_too_long', message: `第 ${i + 1} 条的章名（articles.${i}.chapter）不能超过 ${MAX_CHAPTER} 个字符`, status: 400, field: `articles.${i}.chapter` };
    if (ids.has(a.id)) return { code: 'duplicate_article', message: `第 ${i + 1} 条与前面的条文编号（articles.${i}.id）重复`, status: 400, field: `articles.${i}.id` };
    ids.add(a.id);
  }
  return null;
}

/** The next version's number: one more than the highest so far (1 for the first). */
export const nextVersionNo = (versions: readonly { versionNo: number }[]) => versions.reduce((m, v) => Math.max(m, v.versionNo), 0) + 1;

/** A new draft may be opened only when none is open: one draft at a time, so two editors cannot fork the text. */
export function draftRefusal(versions: readonly { state: ConventionState }[]): ConventionRefusal | null {
  return versions.some((v) => v.state === 'draft') ? { code: 'draft_exists', message: '已有一份草案正在修订，请先通过或继续编辑该草案', status: 409 } : null;
}

/** A draft may be edited; an adopted or superseded version is history and never changes. */
export function editRefusal(state: ConventionState): ConventionRefusal | null {
  return state === 'draft' ? null : { code: 'not_draft', message: state === 'adopted' ? '该版本已经通过，不能再修改；请新建修订草案' : '该版本已废止，不能修改', status: 409 };
}

export interface AdoptionFacts {
  kind: ConventionKind;
  areaCode: string;
  state: ConventionState;
  articleCount: number;
  /** The deciding deliberation, when adoption rests on one. */
  deliberation?: { areaCode: string; body: string; state: string; passed: boolean } | null;
  /** A paper adoption recorded after the fact (before the platform, or at a meeting held offline). */
  paper?: { adoptedOn: string; note: string } | null;
  /** Today, China time (YYYY-MM-DD). */
  today: string;
}

/**
 * Whether a draft may be adopted: it is still a draft, has articles, and rests either on a decided
 * deliberation of the same village/community by a body that may adopt it and that passed, or on a
 * recorded paper adoption (its date, not in the future, and a note saying which meeting).
 */
export function adoptionRefusal(f: AdoptionFacts): ConventionRefusal | null {
  const edit = editRefusal(f.state);
  if (edit) return edit;
  if (f.articleCount === 0) return { code: 'empty_convention', message: '草案还没有条文（articles），不能通过', status: 400, field: 'articles' };
  const d = f.deliberation;
  if (d) {
    if (d.areaCode !== f.areaCode) return { code: 'deliberation_wrong_area', message: '所选议事（deliberationId）不是本村（社区）的议事', status: 400, field: 'deliberationId' };
    if (!CONVENTION_ADOPTING_BODIES[f.kind].includes(d.body as DeliberationBody)) {
      const bodies = f.kind === 'village' ? '村民会议或村民代表会议' : '居民会议';
      return { code: 'deliberation_wrong_body', message: `${CONVENTION_KIND_LABELS[f.kind].zh}须由${bodies}表决通过，所选议事（deliberationId）不是`, status: 400, field: 'deliberationId' };
    }
    if (d.state !== 'decided') return { code: 'deliberation_not_decided', message: '所选议事尚未结束表决，不能据此通过', status: 409, field: 'deliberationId' };
    if (!d.passed) return { code: 'deliberation_not_passed', message: '所选议事未表决通过，不能据此通过', status: 409, field: 'deliberationId' };
    return null;
  }
  const p = f.paper;
  if (!p) return { code: 'adoption_basis_required', message: '请选择表决通过的议事（deliberationId），或登记纸质表决的日期（paperAdoptedOn）和说明（paperNote）', status: 400, field: 'deliberationId' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.adoptedOn)) return { code: 'invalid_date', message: '纸质表决日期（paperAdoptedOn）格式应为 YYYY-MM-DD', status: 400, field: 'paperAdoptedOn' };
  if (p.adoptedOn > f.today) return { code: 'adopted_in_future', message: '纸质表决日期（paperAdoptedOn）不能晚于今天', status: 400, field: 'paperAdoptedOn' };
  if (!p.note.trim()) return { code: 'paper_note_required', message: '请写明纸质表决的会议和结果（paperNote）', status: 400, field: 'paperNote' };
  return null;
}

export type ArticleChange = 'added' | 'removed' | 'changed' | 'same';

export interface ArticleDiff {
  change: ArticleChange;
  id: string;
  /** 1-based article number in the older version (null when added). */
  fromNo: number | null;
  /** 1-based article number in the newer version (null when removed). */
  toNo: number | null;
  fromText: string | null;
  toText: string | null;
  fromChapter: string | null;
  toChapter: string | null;
}

/**
 * The difference between two versions, article by article, matched by article id: in the newer
 * version's order, each removed article placed after the article that preceded it in the older one.
 * An article whose text or chapter changed is `changed`; only its place moving is `same`.
 */
export function diffArticles(from: readonly ConventionArticle[], to: readonly ConventionArticle[]): ArticleDiff[] {
  const toIds = new Set(to.map((a) => a.id));
  const fromById = new Map(from.map((a, i) => [a.id, { a, no: i + 1 }]));
  // Removed articles, keyed by the id of the nearest surviving article before them in the older version.
  const removedAfter = new Map<string | null, ArticleDiff[]>();
  let anchor: string | null = null;
  for (const [i, a] of from.entries()) {
    if (toIds.has(a.id)) {
      anchor = a.id;
      continue;
    }
    const list = removedAfter.get(anchor) ?? [];
    list.push({ change: 'removed', id: a.id, fromNo: i + 1, toNo: null, fromText: a.text, toText: null, fromChapter: a.chapter, toChapter: null });
    removedAfter.set(anchor, list);
  }
  const out: ArticleDiff[] = [...(removedAfter.get(null) ?? [])];
  for (const [i, a] of to.entries()) {
    const old = fromById.get(a.id);
    if (!old) out.push({ change: 'added', id: a.id, fromNo: null, toNo: i + 1, fromText: null, toText: a.text, fromChapter: null, toChapter: a.chapter });
    else {
      const changed = old.a.text !== a.text || (old.a.chapter ?? null) !== (a.chapter ?? null);
      out.push({ change: changed ? 'changed' : 'same', id: a.id, fromNo: old.no, toNo: i + 1, fromText: old.a.text, toText: a.text, fromChapter: old.a.chapter, toChapter: a.chapter });
    }
    out.push(...(removedAfter.get(a.id) ?? []));
  }
  return out;
}

/** Counts of a difference, for a one-line summary ("新增 2 条，删除 1 条，修改 3 条"). */
export function diffSummary(d: readonly ArticleDiff[]) {
  return { added: d.filter((x) => x.change === 'added').length, removed: d.filter((x) => x.change === 'removed').length, changed: d.filter((x) => x.change === 'changed').length };
}
