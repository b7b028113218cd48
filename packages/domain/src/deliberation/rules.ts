// Deliberation (议事协商): whether a meeting was held (quorum) and whether its decision passed, by the
// rule of the deciding body. Exact fractions only: counts are integers and floor areas are integer
// hundredths of a square metre (bigint), compared by cross-multiplying — never by floating point.
import { villageKindOf } from '../codes.ts';

export const DELIBERATION_BODIES = ['villagers-assembly', 'villager-representatives', 'villager-group', 'residents-assembly', 'owners-assembly', 'consultation'] as const;
export type DeliberationBody = (typeof DELIBERATION_BODIES)[number];
export const DELIBERATION_FORMS = ['persons', 'households'] as const;
export type DeliberationForm = (typeof DELIBERATION_FORMS)[number];
export const BALLOT_CHOICES = ['yes', 'no', 'abstain'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];
export const DELIBERATION_STATES = ['open', 'decided'] as const;
export type DeliberationState = (typeof DELIBERATION_STATES)[number];

export const isDeliberationBody = (s: string): s is DeliberationBody => (DELIBERATION_BODIES as readonly string[]).includes(s);

/** A threshold of a rule. `more-than-half` is strict (过半数); the others include the exact fraction (以上). */
export type DeliberationThreshold = 'more-than-half' | 'two-thirds' | 'three-quarters';

/** n/d meetsThreshold the threshold. An empty denominator never does: nobody can take part in, or vote on, nothing. */
export function meetsThreshold(n: bigint, d: bigint, t: DeliberationThreshold): boolean {
  if (d <= 0n) return false;
  switch (t) {
    case 'more-than-half':
      return 2n * n > d;
    case 'two-thirds':
      return 3n * n >= 2n * d;
    case 'three-quarters':
      return 4n * n >= 3n * d;
  }
}

export const DELIBERATION_THRESHOLD_LABELS: Record<DeliberationThreshold, { zh: string; en: string }> = {
  'more-than-half': { zh: '过半数', en: 'more than half' },
  'two-thirds': { zh: '三分之二', en: 'two thirds' },
  'three-quarters': { zh: '四分之三', en: 'three quarters' },
};

export const DELIBERATION_BODY_LABELS: Record<DeliberationBody, { zh: string; en: string }> = {
  'villagers-assembly': { zh: '村民会议', en: "Villagers' assembly" },
  'villager-representatives': { zh: '村民代表会议', en: "Villagers' representatives meeting" },
  'villager-group': { zh: '村民小组会议', en: "Villagers' group meeting" },
  'residents-assembly': { zh: '居民会议', en: "Residents' assembly" },
  'owners-assembly': { zh: '业主大会', en: "Owners' assembly" },
  consultation: { zh: '议事协商会', en: 'Consultation meeting' },
};

/** Where each rule comes from, shown beside the result. */
export const DELIBERATION_BODY_SOURCES: Record<DeliberationBody, { zh: string; en: string }> = {
  'villagers-assembly': { zh: '《村民委员会组织法》第二十二条', en: 'Organic Law of the Villagers’ Committees, art. 22' },
  'villager-representatives': { zh: '《村民委员会组织法》第二十六条', en: 'Organic Law of the Villagers’ Committees, art. 26' },
  'villager-group': { zh: '《村民委员会组织法》第二十八条', en: 'Organic Law of the Villagers’ Committees, art. 28' },
  'residents-assembly': { zh: '《城市居民委员会组织法》第九条', en: 'Organic Law of the Urban Residents’ Committees, art. 9' },
  'owners-assembly': { zh: '《民法典》第二百七十八条', en: 'Civil Code, art. 278' },
  consultation: { zh: '协商议事（不具表决效力，仅供参考）', en: 'advisory consultation (no binding vote)' },
};

/** The nine items of Civil Code art. 278 para. 1 (业主共同决定事项). */
export const OWNERS_ASSEMBLY_MATTERS: Record<number, { zh: string; en: string }> = {
  1: { zh: '制定和修改业主大会议事规则', en: 'adopt or amend the rules of procedure of the owners’ assembly' },
  2: { zh: '制定和修改管理规约', en: 'adopt or amend the management statute' },
  3: { zh: '选举业主委员会或者更换业主委员会成员', en: 'elect or replace members of the owners’ committee' },
  4: { zh: '选聘和解聘物业服务企业或者其他管理人', en: 'engage or dismiss the property service company or other manager' },
  5: { zh: '使用建筑物及其附属设施的维修资金', en: 'use the maintenance fund of the buildings and their facilities' },
  6: { zh: '筹集建筑物及其附属设施的维修资金', en: 'raise the maintenance fund of the buildings and their facilities' },
  7: { zh: '改建、重建建筑物及其附属设施', en: 'rebuild or reconstruct the buildings and their facilities' },
  8: { zh: '改变共有部分的用途或者利用共有部分从事经营活动', en: 'change the use of common parts or use them for business' },
  9: { zh: '有关共有和共同管理权利的其他重大事项', en: 'other major matters of common ownership and management' },
};

/** The forms a body may be held in (one entry per person, or one representative per household). */
export const DELIBERATION_BODY_FORMS: Record<DeliberationBody, readonly DeliberationForm[]> = {
  // Art. 22: 十八周岁以上村民的过半数，或者三分之二以上的户的代表.
  'villagers-assembly': ['persons', 'households'],
  // Art. 26: the roll is the meeting's members (村民代表和村民委员会成员).
  'villager-representatives': ['persons'],
  // Art. 28: 十八周岁以上的村民三分之二以上，或者三分之二以上的户的代表.
  'villager-group': ['persons', 'households'],
  // Residents' Committees law art. 9: 全体十八周岁以上的居民、户的代表 … 过半数出席.
  'residents-assembly': ['persons', 'households'],
  // Civil Code art. 278 counts owners (业主人数) and their exclusive floor area.
  'owners-assembly': ['persons'],
  consultation: ['persons', 'households'],
};

/** The kind of area a body may be held in. */
export type DeliberationBodyPlace = 'village' | 'community' | 'village-level' | 'town-or-below';
export const DELIBERATION_BODY_PLACES: Record<DeliberationBody, DeliberationBodyPlace> = {
  'villagers-assembly': 'village',
  'villager-representatives': 'village',
  'villager-group': 'village',
  'residents-assembly': 'community',
  // An owners' assembly sits in a residential estate: a village or community, or a grid or building inside it.
  'owners-assembly': 'village-level',
  // A consultation (党群议事会, 居民议事园, 四方联席会议 …) may be held by a town or anything inside it.
  consultation: 'town-or-below',
};

/** Whether a body may be held in the area `code` (village segment 200–399 村, 001–199 社区). */
export function bodyAllowedIn(body: DeliberationBody, code: string): boolean {
  if (!/^\d+$/.test(code)) return false;
  const place = DELIBERATION_BODY_PLACES[body];
  if (place === 'town-or-below') return code.length >= 9;
  if (code.length < 12) return false;
  if (place === 'village') return villageKindOf(code) === 'village';
  if (place === 'community') return villageKindOf(code) === 'community';
  return true;
}

/**
 * A floor area in m² as given (number or decimal string, at most two decimals) → integer hundredths
 * of a square metre; null when it is not a positive area with at most two decimals.
 */
export function areaToCenti(area: number | string): bigint | null {
  const s = typeof area === 'number' ? (Number.isFinite(area) ? String(area) : '') : area.trim();
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const v = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
  return v > 0n ? v : null;
}

/** Integer hundredths of a m² → a number of m² for the API (exact for the sizes allowed). */
export const centiToArea = (c: bigint) => Number(c) / 100;

export interface DeliberationRollFacts {
  /** Exclusive floor area in hundredths of a m² (owners' assembly). */
  areaCenti?: bigint | null;
  /** The entry's ballot, if it cast one. */
  choice?: BallotChoice | null;
}

export type DeliberationMeasure = 'roll' | 'households' | 'owners' | 'area' | 'present' | 'present-owners' | 'present-area' | 'ballots';

/** One test of the rule: `n` of `d` against the threshold, and whether it was met. */
export interface DeliberationCheck {
  step: 'quorum' | 'decision';
  measure: DeliberationMeasure;
  n: string;
  d: string;
  threshold: DeliberationThreshold;
  met: boolean;
}

export interface DeliberationOutcome {
  held: boolean;
  passed: boolean;
  eligible: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  eligibleArea?: number;
  presentArea?: number;
  yesArea?: number;
  /** Every test applied, in order; the first one not met is why it failed. */
  checks: DeliberationCheck[];
}

export interface DeliberationDecideInput {
  body: DeliberationBody;
  form: DeliberationForm;
  /** Civil Code art. 278 item (1–9), owners' assembly only. */
  matter?: number | null;
  roll: readonly DeliberationRollFacts[];
}

const check = (step: DeliberationCheck['step'], measure: DeliberationMeasure, n: bigint, d: bigint, threshold: DeliberationThreshold): DeliberationCheck => ({ step, measure, n: String(n), d: String(d), threshold, met: meetsThreshold(n, d, threshold) });

/**
 * The quorum tests of a body's rule (whether the meeting may be held) over who of the roll took part:
 * by ballot when a deliberation closes, by attendance at a meeting. A consultation has none.
 */
export function quorumChecks(body: DeliberationBody, form: DeliberationForm, roll: readonly { areaCenti?: bigint | null; present: boolean }[]): DeliberationCheck[] {
  const eligible = BigInt(roll.length);
  const took = roll.filter((r) => r.present);
  const present = BigInt(took.length);
  if (body === 'consultation') return [];
  if (body === 'owners-assembly') {
    // Civil Code art. 278 para. 2: 专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决.
    const sum = (rs: readonly { areaCenti?: bigint | null }[]) => rs.reduce((s, r) => s + (r.areaCenti ?? 0n), 0n);
    return [check('quorum', 'area', sum(took), sum(roll), 'two-thirds'), check('quorum', 'owners', present, eligible, 'two-thirds')];
  }
  let quorumThreshold: DeliberationThreshold;
  switch (body) {
    case 'villagers-assembly':
      // Art. 22: 十八周岁以上村民的过半数，或者本村三分之二以上的户的代表参加.
      quorumThreshold = form === 'households' ? 'two-thirds' : 'more-than-half';
      break;
    case 'villager-representatives': // Art. 26: 三分之二以上的组成人员参加方可召开.
    case 'villager-group': // Art. 28: 三分之二以上 (persons or households).
      quorumThreshold = 'two-thirds';
      break;
    case 'residents-assembly': // Residents' Committees law art. 9: 过半数出席，才能举行.
      quorumThreshold = 'more-than-half';
      break;
  }
  return [check('quorum', form === 'households' ? 'households' : 'roll', present, eligible, quorumThreshold)];
}

/** The outcome of a closed deliberation under its body's rule. */
export function decideDeliberation(input: DeliberationDecideInput): DeliberationOutcome {
  const { body, form, roll } = input;
  const eligible = BigInt(roll.length);
  const voted = roll.filter((r) => r.choice);
  const present = BigInt(voted.length);
  const yes = BigInt(voted.filter((r) => r.choice === 'yes').length);
  const no = voted.filter((r) => r.choice === 'no').length;
  const abstain = voted.filter((r) => r.choice === 'abstain').length;
  const base = { eligible: Number(eligible), present: Number(present), yes: Number(yes), no, abstain };
  const checks: DeliberationCheck[] = [];
  const all = (cs: DeliberationCheck[]) => cs.every((c) => c.met);

  if (body === 'owners-assembly') {
    // Civil Code art. 278 para. 2: 由专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决;
    // items 6–8 need 参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意,
    // the others 参与表决专有部分面积过半数的业主且参与表决人数过半数的业主同意.
    const sum = (rs: readonly DeliberationRollFacts[]) => rs.reduce((s, r) => s + (r.areaCenti ?? 0n), 0n);
    const eligibleArea = sum(roll);
    const presentArea = sum(voted);
    const yesArea = sum(voted.filter((r) => r.choice === 'yes'));
    const quorum = quorumChecks(body, form, roll.map((r) => ({ areaCenti: r.areaCenti, present: !!r.choice })));
    checks.push(...quorum);
    const held = all(quorum);
    const strict = input.matter === 6 || input.matter === 7 || input.matter === 8;
    const t: DeliberationThreshold = strict ? 'three-quarters' : 'more-than-half';
    const decision = [check('decision', 'present-area', yesArea, presentArea, t), check('decision', 'present-owners', yes, present, t)];
    if (held) checks.push(...decision);
    return { held, passed: held && all(decision), ...base, eligibleArea: centiToArea(eligibleArea), presentArea: centiToArea(presentArea), yesArea: centiToArea(yesArea), checks };
  }

  if (body === 'consultation') {
    // Advisory: always held; carried when yes votes are more than half of the ballots cast.
    const decision = check('decision', 'ballots', yes, present, 'more-than-half');
    checks.push(decision);
    return { held: true, passed: decision.met, ...base, checks };
  }

  const quorum = quorumChecks(body, form, roll.map((r) => ({ present: !!r.choice })))[0]!;
  checks.push(quorum);
  // All four: 所作决定应当经到会人员的过半数同意 / 由出席人的过半数通过.
  const decision = check('decision', 'present', yes, present, 'more-than-half');
  if (quorum.met) checks.push(decision);
  return { held: quorum.met, passed: quorum.met && decision.met, ...base, checks };
}

/** n/d as a percentage truncated (never rounded up) to one decimal: "66.6"; "<0.1" for some but less. */
export function percentTruncated(n: string | bigint, d: string | bigint): string {
  const N = BigInt(n);
  const D = BigInt(d);
  if (D <= 0n) return '0';
  const tenths = (N * 1000n) / D;
  // Some, but under a tenth of a percent: not "0".
  if (tenths === 0n && N > 0n) return '<0.1';
  const whole = tenths / 10n;
  const frac = tenths % 10n;
  return frac === 0n ? String(whole) : `${whole}.${frac}`;
}

const DELIBERATION_MEASURE_LABELS: Record<DeliberationMeasure, { zh: string; en: string }> = {
  roll: { zh: '到会人数', en: 'attendance' },
  households: { zh: '到会户代表', en: 'households represented' },
  owners: { zh: '参与表决业主人数', en: 'owners voting' },
  area: { zh: '参与表决专有部分面积', en: 'floor area voting' },
  present: { zh: '赞成票占到会人员', en: 'yes among those present' },
  'present-owners': { zh: '赞成业主占参与表决人数', en: 'yes among owners voting' },
  'present-area': { zh: '赞成面积占参与表决面积', en: 'yes area among area voting' },
  ballots: { zh: '赞成票占有效票', en: 'yes among ballots cast' },
};

const fmtArea = (centi: string) => {
  const c = BigInt(centi);
  const frac = c % 100n;
  return `${c / 100n}${frac ? '.' + String(frac).padStart(2, '0').replace(/0$/, '') : ''}`;
};

/** One check in words: "参与表决专有部分面积 664/1000 ㎡（66.4%），未达三分之二". */
export function explainDeliberationCheck(c: DeliberationCheck, lang: 'zh' | 'en' = 'zh'): string {
  const isArea = c.measure === 'area' || c.measure === 'present-area';
  const n = isArea ? fmtArea(c.n) : c.n;
  const d = isArea ? fmtArea(c.d) : c.d;
  const unit = isArea ? (lang === 'zh' ? ' ㎡' : ' m²') : '';
  const pct = percentTruncated(c.n, c.d);
  const t = DELIBERATION_THRESHOLD_LABELS[c.threshold][lang];
  if (lang === 'en') return `${DELIBERATION_MEASURE_LABELS[c.measure].en} ${n}/${d}${unit} (${pct}%): ${c.met ? 'reaches' : 'does not reach'} ${t}`;
  const verdict = c.met ? (c.threshold === 'more-than-half' ? '超过半数' : `达到${t}`) : c.threshold === 'more-than-half' ? '未过半数' : `未达${t}`;
  return `${DELIBERATION_MEASURE_LABELS[c.measure].zh} ${n}/${d}${unit}（${pct}%），${verdict}`;
}

/** The outcome in words, Chinese by default: held or not, passed or not, and every check behind it. */
export function explainDeliberationOutcome(o: Pick<DeliberationOutcome, 'held' | 'passed' | 'checks'>, lang: 'zh' | 'en' = 'zh'): string {
  const head = lang === 'zh' ? (!o.held ? '会议未达法定人数，不能作出决定' : o.passed ? '表决通过' : '表决未通过') : !o.held ? 'Quorum not reached; no decision' : o.passed ? 'Passed' : 'Not passed';
  const parts = o.checks.map((c) => explainDeliberationCheck(c, lang));
  return lang === 'zh' ? `${head}：${parts.join('；')}` : `${head}: ${parts.join('; ')}`;
}

/**
 * A decided deliberation's result for the public wall (民生小事小黑板), in words and with the vote
 * counts: "表决通过：同意 62 票、反对 10 票、弃权 8 票；到会人数 80/100（80%），超过半数；…". Counts only, no names.
 */
export function wallResultOf(o: Pick<DeliberationOutcome, 'held' | 'passed' | 'checks' | 'yes' | 'no' | 'abstain'>): string {
  const head = !o.held ? '会议未达法定人数，不能作出决定' : o.passed ? '表决通过' : '表决未通过';
  const votes = `同意 ${o.yes} 票、反对 ${o.no} 票、弃权 ${o.abstain} 票`;
  return [`${head}：${votes}`, ...o.checks.map((c) => explainDeliberationCheck(c, 'zh'))].join('；');
}
