// Lists and projects (清单与治理项目, issue 14): 金点子 ideas, the needs list (需求清单) and the
// departments' offers (赋能清单), the explained need↔offer match, and the governance project's
// lifecycle closed out under the residents' supervision group (群众督导小组). Pure functions only.
//
// Sources: `000` 三(二)3 (“一事一组”群众督导小组, 金点子 collected quarterly), `001` (Nanjing's four lists:
// information, resources, needs, risks), `002` (书记项目 and the 实事项目台账 closed out item by item).
import { DomainError } from '../errors.ts';

// ---- 金点子 ------------------------------------------------------------------------------------

export const IDEA_STATES = ['open', 'need', 'topic', 'closed'] as const;
export type IdeaState = (typeof IDEA_STATES)[number];

export const IDEA_STATE_LABELS: Record<IdeaState, { zh: string; en: string }> = {
  open: { zh: '征集中', en: 'Open' },
  need: { zh: '已转需求', en: 'Became a need' },
  topic: { zh: '已转议题', en: 'Became a topic' },
  closed: { zh: '已结束', en: 'Closed' },
};

/** The quarter of collection (`000`: 金点子 are collected each quarter), in China time: `2026-Q4`. */
export function quarterOf(at: Date): string {
  const cst = new Date(at.getTime() + 8 * 3600_000);
  return `${cst.getUTCFullYear()}-Q${Math.floor(cst.getUTCMonth() / 3) + 1}`;
}

/** The first and the last instant of a quarter `YYYY-Qn` (China time). */
export function quarterRange(quarter: string): { from: Date; to: Date } {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new DomainError('invalid', 'invalid_quarter', '季度应为 YYYY-Qn（n 为 1–4）', { field: 'quarter' });
  const y = Number(m[1]);
  const q = Number(m[2]);
  const from = new Date(Date.UTC(y, (q - 1) * 3, 1) - 8 * 3600_000);
  const to = new Date(Date.UTC(y, q * 3, 1) - 8 * 3600_000 - 1);
  return { from, to };
}

/** The month a need is compiled into (需求清单 is compiled monthly), China time: `2026-12`. */
export function needMonthOf(at: Date): string {
  const cst = new Date(at.getTime() + 8 * 3600_000);
  return `${cst.getUTCFullYear()}-${String(cst.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Who may support an idea: a resident of the idea's community, once, and not the author.
 * Returns the refusal, or null when the support is allowed.
 */
export function supportRefusal(a: { isAuthor: boolean; sameCommunity: boolean; alreadySupported: boolean; state: IdeaState }): DomainError | null {
  if (a.isAuthor) return new DomainError('forbidden', 'own_idea', '不能支持自己提出的金点子');
  if (!a.sameCommunity) return new DomainError('forbidden', 'not_your_community', '只能支持本村（社区）居民提出的金点子');
  if (a.state !== 'open') return new DomainError('conflict', 'idea_not_open', '该金点子已不在征集中，不能再支持');
  if (a.alreadySupported) return new DomainError('conflict', 'already_supported', '您已经支持过这个金点子（每人一次）');
  return null;
}

// ---- needs -------------------------------------------------------------------------------------

/** Where a need comes from; each need keeps links to its sources. */
export const NEED_SOURCE_TYPES = ['idea', 'wish', 'visit', 'case', 'deliberation'] as const;
export type NeedSourceType = (typeof NEED_SOURCE_TYPES)[number];

export const NEED_SOURCE_LABELS: Record<NeedSourceType, { zh: string; en: string }> = {
  idea: { zh: '金点子', en: 'Idea' },
  wish: { zh: '微心愿', en: 'Wish' },
  visit: { zh: '走访反映', en: 'Visit follow-up' },
  case: { zh: '群众多次反映的事件', en: 'Case raised by many' },
  deliberation: { zh: '议事协商决定', en: 'Deliberation decision' },
};

export const NEED_STATES = ['open', 'project', 'met'] as const;
export type NeedState = (typeof NEED_STATES)[number];
export const NEED_STATE_LABELS: Record<NeedState, { zh: string; en: string }> = {
  open: { zh: '待对接', en: 'Open' },
  project: { zh: '已立项', en: 'Project' },
  met: { zh: '已满足', en: 'Met' },
};

// ---- matching ----------------------------------------------------------------------------------

export interface MatchNeed {
  title: string;
  content: string;
  /** The year the need is to be met in (the month's year). */
  year: number;
}

export interface MatchOffer {
  title: string;
  content: string;
  conditions: string;
  year: number;
  /** How many villages/communities the offer can serve this year. */
  capacity: number;
  /** How many projects already use it. */
  used: number;
}

export interface MatchReason {
  zh: string;
  en: string;
}

export interface Match {
  /** 0–100; higher is a better fit. */
  score: number;
  /** False when the offer cannot be used at all (another year, or no capacity left). */
  usable: boolean;
  reasons: MatchReason[];
  /** The words the need and the offer share. */
  shared: string[];
}

/** Two-character sequences of Han characters, and ASCII words: the vocabulary compared. */
export function terms(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  for (const w of text.toLowerCase().match(/[a-z0-9]{2,}/g) ?? []) out.add(w);
  return out;
}

/** Frequent two-character sequences that say nothing about the subject. */
const STOP = new Set(['社区', '居民', '群众', '需要', '希望', '提供', '服务', '开展', '进行', '一个', '我们', '可以', '没有', '问题', '工作', '村民', '建议']);

/**
 * The explained score of a need↔offer match: the share of the need's subject words the offer covers
 * (title counts double), 70 points at most; 20 points when the offer is of the need's year; 10 points
 * scaled by the capacity left. An offer of another year, or with no capacity left, is not usable
 * (score 0). Staff decide; the score only orders the proposals.
 */
export function matchScore(need: MatchNeed, offer: MatchOffer): Match {
  const reasons: MatchReason[] = [];
  const needTitle = [...terms(need.title)].filter((t) => !STOP.has(t));
  const needAll = new Set([...needTitle, ...[...terms(need.content)].filter((t) => !STOP.has(t))]);
  const offerTerms = terms(`${offer.title} ${offer.content} ${offer.conditions}`);
  const shared = [...needAll].filter((t) => offerTerms.has(t));
  const weightOf = (t: string) => (needTitle.includes(t) ? 2 : 1);
  const total = [...needAll].reduce((s, t) => s + weightOf(t), 0);
  const hit = shared.reduce((s, t) => s + weightOf(t), 0);
  const overlap = total === 0 ? 0 : Math.round((70 * hit) / total);
  const left = Math.max(0, offer.capacity - offer.used);
  if (offer.year !== need.year) {
    reasons.push({ zh: `清单年度 ${offer.year} 与需求年度 ${need.year} 不同，不能对接`, en: `offer of ${offer.year}, need of ${need.year}` });
    return { score: 0, usable: false, reasons, shared };
  }
  if (left === 0) {
    reasons.push({ zh: `本年度可承接 ${offer.capacity} 个，已全部对接`, en: `capacity ${offer.capacity} used up` });
    return { score: 0, usable: false, reasons, shared };
  }
  reasons.push(
    shared.length
      ? { zh: `内容相符 ${overlap}/70 分：共同词语“${shared.slice(0, 6).join('、')}”`, en: `content ${overlap}/70: shared ${shared.slice(0, 6).join(', ')}` }
      : { zh: '内容相符 0/70 分：没有共同词语', en: 'content 0/70: nothing shared' },
  );
  reasons.push({ zh: `同一年度 20/20 分`, en: 'same year 20/20' });
  const cap = Math.round((10 * left) / Math.max(1, offer.capacity));
  reasons.push({ zh: `尚可承接 ${left}/${offer.capacity} 个，${cap}/10 分`, en: `capacity left ${left}/${offer.capacity}: ${cap}/10` });
  return { score: overlap + 20 + cap, usable: true, reasons, shared };
}

// ---- projects ----------------------------------------------------------------------------------

export const PROJECT_STATES = ['open', 'claimed', 'closed'] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];
export const PROJECT_STATE_LABELS: Record<ProjectState, { zh: string; en: string }> = {
  open: { zh: '待领办', en: 'Awaiting claim' },
  claimed: { zh: '实施中', en: 'Under way' },
  closed: { zh: '已销号', en: 'Closed out' },
};

/** Who claims (领办) a project: a service team of the community, a party member, or a sunk-down cadre. */
export const CLAIM_KINDS = ['team', 'member', 'cadre'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export const CLAIM_KIND_LABELS: Record<ClaimKind, { zh: string; en: string }> = {
  team: { zh: '服务团队领办', en: 'Service team' },
  member: { zh: '党员领办', en: 'Party member' },
  cadre: { zh: '下沉干部领办', en: 'Sunk-down cadre' },
};

/** “一事一组” (`000`): one supervision group per project, of 1 to 9 residents. */
export const SUPERVISORS_MIN = 1;
export const SUPERVISORS_MAX = 9;

export function supervisorsProblem(count: number): DomainError | null {
  if (count < SUPERVISORS_MIN || count > SUPERVISORS_MAX) {
    return new DomainError('invalid', 'invalid_supervisors', `群众督导小组（supervisors）应有 ${SUPERVISORS_MIN}–${SUPERVISORS_MAX} 名居民`, { field: 'supervisors' });
  }
  return null;
}

export interface CloseCheck {
  ok: boolean;
  /** Why the project cannot be closed out yet (Chinese, for the 409). */
  reasons: string[];
}

/**
 * Close-out (销号) needs the project claimed, its progress at 100%, and the sign-off of EVERY member
 * of its supervision group (the rule of this product: a group exists to supervise, so none is
 * skipped; a member without a phone signs on paper and staff record it).
 */
export function closeCheck(p: { state: ProjectState; percent: number; supervisors: number; signed: number }): CloseCheck {
  const reasons: string[] = [];
  if (p.state !== 'claimed') reasons.push(p.state === 'open' ? '项目尚未领办' : '项目已销号');
  if (p.percent < 100) reasons.push(`进度为 ${p.percent}%，未到 100%`);
  if (p.signed < p.supervisors) reasons.push(`群众督导小组 ${p.signed}/${p.supervisors} 人已签字确认，须全部确认`);
  return { ok: reasons.length === 0, reasons };
}

/** Closed out on time: on or before the due day (China time). A project without a due day counts as on time. */
export function closedOnTime(dueDate: string | null, closedAt: Date): boolean {
  if (!dueDate) return true;
  const cst = new Date(closedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return cst <= dueDate;
}

/** The share of the budget spent, truncated to one decimal (spending past the budget is shown, not refused). Money is integer fen. */
export function spentShare(budgetFen: number, spentFen: number): number | null {
  if (budgetFen <= 0) return null;
  return Math.floor((1000 * spentFen) / budgetFen) / 10;
}

/** Progress moves forward only, 0–100. */
export function progressProblem(current: number, next: number): DomainError | null {
  if (!Number.isInteger(next) || next < 0 || next > 100) return new DomainError('invalid', 'invalid_percent', '进度（percent）应为 0–100 的整数', { field: 'percent' });
  if (next < current) return new DomainError('invalid', 'percent_backwards', `进度（percent）不能低于当前的 ${current}%`, { field: 'percent' });
  return null;
}
