import { describe, expect, it } from 'vitest';
import {
  areaToCenti,
  bodyAllowedIn,
  DELIBERATION_BODY_FORMS,
  decideDeliberation,
  DELIBERATION_BODIES,
  explainDeliberationOutcome,
  wallResultOf,
  meetsThreshold,
  percentTruncated,
  type BallotChoice,
  type DeliberationBody,
  type DeliberationForm,
  type DeliberationRollFacts,
} from '../src/index.ts';

/** A roll of `size` entries; the first `yes` vote yes, the next `no` vote no, the next `abstain` abstain. */
function roll(size: number, yes: number, no = 0, abstain = 0): DeliberationRollFacts[] {
  return Array.from({ length: size }, (_, i) => ({
    choice: (i < yes ? 'yes' : i < yes + no ? 'no' : i < yes + no + abstain ? 'abstain' : null) as BallotChoice | null,
  }));
}

const run = (body: DeliberationBody, form: DeliberationForm, r: DeliberationRollFacts[]) => decideDeliberation({ body, form, roll: r });

describe('exact thresholds', () => {
  it('more than half is strict; two thirds and three quarters include the fraction', () => {
    expect(meetsThreshold(5n, 10n, 'more-than-half')).toBe(false);
    expect(meetsThreshold(6n, 10n, 'more-than-half')).toBe(true);
    expect(meetsThreshold(2n, 3n, 'two-thirds')).toBe(true);
    expect(meetsThreshold(199n, 300n, 'two-thirds')).toBe(false);
    expect(meetsThreshold(3n, 4n, 'three-quarters')).toBe(true);
    expect(meetsThreshold(299n, 400n, 'three-quarters')).toBe(false);
    for (const t of ['more-than-half', 'two-thirds', 'three-quarters'] as const) expect(meetsThreshold(0n, 0n, t)).toBe(false);
  });
  it('percentages are truncated, never rounded up past a threshold', () => {
    expect(percentTruncated(2n, 3n)).toBe('66.6');
    expect(percentTruncated(664n, 1000n)).toBe('66.4');
    expect(percentTruncated(1n, 2n)).toBe('50');
    expect(percentTruncated(0n, 0n)).toBe('0');
    expect(percentTruncated(0n, 7n)).toBe('0');
    expect(percentTruncated(1n, 4940n)).toBe('<0.1');
  });
  it('floor areas become integer hundredths of a m²', () => {
    expect(areaToCenti(89.5)).toBe(8950n);
    expect(areaToCenti('120.25')).toBe(12025n);
    expect(areaToCenti(0.1 + 0.2)).toBeNull(); // 0.30000000000000004: more than two decimals
    expect(areaToCenti(0)).toBeNull();
    expect(areaToCenti(-5)).toBeNull();
    expect(areaToCenti(Number.NaN)).toBeNull();
    expect(areaToCenti('1e3')).toBeNull();
  });
});

// For each body and form: the quorum's threshold over a roll of 12 (and of 3 for two thirds).
const QUORUM: { body: DeliberationBody; form: DeliberationForm; atOrAbove: number; below: number; size: number }[] = [
  // Art. 22 persons: more than half of 12 → 7 holds, 6 does not.
  { body: 'villagers-assembly', form: 'persons', atOrAbove: 7, below: 6, size: 12 },
  // Art. 22 households: two thirds of 12 → 8 holds, 7 does not.
  { body: 'villagers-assembly', form: 'households', atOrAbove: 8, below: 7, size: 12 },
  { body: 'villager-representatives', form: 'persons', atOrAbove: 8, below: 7, size: 12 },
  { body: 'villager-group', form: 'persons', atOrAbove: 8, below: 7, size: 12 },
  { body: 'villager-group', form: 'households', atOrAbove: 8, below: 7, size: 12 },
  { body: 'residents-assembly', form: 'persons', atOrAbove: 7, below: 6, size: 12 },
  { body: 'residents-assembly', form: 'households', atOrAbove: 7, below: 6, size: 12 },
];

describe.each(QUORUM)('$body ($form)', ({ body, form, atOrAbove, below, size }) => {
  it('is held at the threshold and above, not just below', () => {
    expect(run(body, form, roll(size, atOrAbove)).held).toBe(true);
    expect(run(body, form, roll(size, Math.min(size, atOrAbove + 1))).held).toBe(true);
    const under = run(body, form, roll(size, below));
    expect(under.held).toBe(false);
    expect(under.passed).toBe(false);
  });
  it('passes with more than half of those present voting yes, not with exactly half', () => {
    // 8 present: 5 yes passes, 4 yes (with 4 no) does not; abstentions count as present.
    expect(run(body, form, roll(size, 5, 3)).passed).toBe(true);
    expect(run(body, form, roll(size, 4, 4)).passed).toBe(false);
    expect(run(body, form, roll(size, 4, 0, 4)).passed).toBe(false);
    // 7 present, 4 yes: passes exactly when 7 of the roll hold the meeting.
    expect(run(body, form, roll(size, 4, 3)).passed).toBe(atOrAbove <= 7);
  });
  it('is never held on an empty roll', () => {
    const o = run(body, form, []);
    expect(o).toMatchObject({ held: false, passed: false, eligible: 0, present: 0 });
  });
  it('counts what it saw', () => {
    expect(run(body, form, roll(size, 6, 2, 1))).toMatchObject({ eligible: size, present: 9, yes: 6, no: 2, abstain: 1 });
  });
});

describe('two thirds at its exact fraction', () => {
  for (const body of ['villager-representatives', 'villager-group'] as const) {
    it(`${body}: 2 of 3 holds, 199 of 300 does not, 200 of 300 does`, () => {
      expect(run(body, 'persons', roll(3, 2)).held).toBe(true);
      expect(run(body, 'persons', roll(300, 199)).held).toBe(false);
      expect(run(body, 'persons', roll(300, 200)).held).toBe(true);
    });
  }
  it('villagers-assembly by households: 2 of 3 holds, by persons 2 of 4 does not (strictly more than half)', () => {
    expect(run('villagers-assembly', 'households', roll(3, 2)).held).toBe(true);
    expect(run('villagers-assembly', 'persons', roll(4, 2)).held).toBe(false);
    expect(run('villagers-assembly', 'persons', roll(4, 3)).held).toBe(true);
  });
});

describe('consultation', () => {
  it('is always held and carried by more than half of the ballots cast', () => {
    expect(run('consultation', 'persons', roll(10, 3, 2))).toMatchObject({ held: true, passed: true });
    expect(run('consultation', 'persons', roll(10, 2, 2))).toMatchObject({ held: true, passed: false });
    expect(run('consultation', 'persons', roll(10, 2, 1, 1))).toMatchObject({ held: true, passed: false });
    expect(run('consultation', 'households', roll(10, 0))).toMatchObject({ held: true, passed: false });
    expect(run('consultation', 'persons', [])).toMatchObject({ held: true, passed: false, eligible: 0 });
  });
});

// ---- owners' assembly (Civil Code art. 278) --------------------------------------------------------------------

/** Owners with areas (m²) and choices. */
const owners = (...entries: [number, BallotChoice | null][]): DeliberationRollFacts[] => entries.map(([a, c]) => ({ areaCenti: areaToCenti(a)!, choice: c }));
const owner = (matter: number, r: DeliberationRollFacts[]) => decideDeliberation({ body: 'owners-assembly', form: 'persons', matter, roll: r });

describe('owners-assembly quorum: two thirds of the area AND two thirds of the owners', () => {
  it('holds at exactly two thirds of both', () => {
    // 3 owners of 100 m²: 2 take part → 200/300 m² and 2/3 owners.
    const o = owner(1, owners([100, 'yes'], [100, 'yes'], [100, null]));
    expect(o).toMatchObject({ held: true, passed: true, eligibleArea: 300, presentArea: 200, yesArea: 200 });
  });
  it('fails just below two thirds of the area though the headcount is enough', () => {
    // 199.99 of 300 m²
    const o = owner(1, owners([99.99, 'yes'], [100, 'yes'], [100.01, null]));
    expect(o.held).toBe(false);
    expect(o.passed).toBe(false);
    expect(explainDeliberationOutcome(o)).toContain('未达三分之二');
    // one hundredth more, and it holds
    expect(owner(1, owners([100, 'yes'], [100, 'yes'], [100, null])).held).toBe(true);
  });
  it('fails below two thirds of the owners though the area is enough', () => {
    // 5 owners; 3 take part (3/5 < 2/3) with 90% of the area.
    const o = owner(1, owners([300, 'yes'], [300, 'yes'], [300, 'yes'], [50, null], [50, null]));
    expect(o.held).toBe(false);
    expect(o.checks.find((c) => c.measure === 'owners')?.met).toBe(false);
    expect(o.checks.find((c) => c.measure === 'area')?.met).toBe(true);
  });
  it('explains the area shortfall with an exact readable figure', () => {
    // 664 of 1000 m² take part: 66.4%, below two thirds.
    const r = owners([664, 'yes'], [336, null], [0.01, 'yes']);
    // 3 owners, 2 present (2/3 ok), area 664.01/1000.01 → 66.40…%
    const o = owner(2, r);
    expect(o.held).toBe(false);
    expect(explainDeliberationOutcome(o)).toMatch(/参与表决专有部分面积 664\.01\/1000\.01 ㎡（66\.4%），未达三分之二/);
  });
  it('is never held on an empty roll', () => {
    expect(owner(1, [])).toMatchObject({ held: false, passed: false, eligible: 0, eligibleArea: 0 });
  });
});

describe('owners-assembly decision: matters 6–8 need three quarters, the others more than half, of area AND owners', () => {
  // 4 owners of 100 m², all take part.
  const all4 = (yes: number, areas: number[] = [100, 100, 100, 100]) => owners(...areas.map((a, i) => [a, i < yes ? 'yes' : 'no'] as [number, BallotChoice]));
  for (const matter of [6, 7, 8]) {
    it(`matter ${matter}: 3 of 4 (300/400 m²) passes exactly at three quarters; 2 of 4 fails`, () => {
      expect(owner(matter, all4(3)).passed).toBe(true);
      expect(owner(matter, all4(2)).passed).toBe(false);
    });
    it(`matter ${matter}: three quarters of owners but just under three quarters of the area fails`, () => {
      // yes area 299.99 of 400
      const o = owner(matter, all4(3, [99.99, 100, 100, 100.01]));
      expect(o.passed).toBe(false);
      expect(o.checks.find((c) => c.measure === 'present-area')?.met).toBe(false);
    });
  }
  for (const matter of [1, 2, 3, 4, 5, 9]) {
    it(`matter ${matter}: more than half of area and owners; exactly half fails`, () => {
      expect(owner(matter, all4(3)).passed).toBe(true);
      expect(owner(matter, all4(2)).passed).toBe(false);
      // 3 of 5 owners but only half of the area
      const o = owner(matter, owners([50, 'yes'], [50, 'yes'], [50, 'yes'], [75, 'no'], [75, 'no']));
      expect(o.held).toBe(true);
      expect(o.passed).toBe(false);
      // just above half of the area
      expect(owner(matter, owners([50, 'yes'], [50, 'yes'], [50.01, 'yes'], [75, 'no'], [75, 'no'])).passed).toBe(true);
    });
  }
  it('abstaining owners take part but do not count for yes', () => {
    const o = owner(1, owners([100, 'yes'], [100, 'abstain'], [100, 'abstain']));
    expect(o).toMatchObject({ held: true, passed: false, yes: 1, abstain: 2, presentArea: 300, yesArea: 100 });
  });
});

describe('where each body may be held', () => {
  const VILLAGE = '320614103201'; // village segment 201: 村
  const COMMUNITY = '320614103001'; // 001: 社区
  it('village bodies only in a 村, residents-assembly only in a 社区', () => {
    for (const b of ['villagers-assembly', 'villager-representatives', 'villager-group'] as const) {
      expect(bodyAllowedIn(b, VILLAGE)).toBe(true);
      expect(bodyAllowedIn(b, VILLAGE + '001')).toBe(true);
      expect(bodyAllowedIn(b, COMMUNITY)).toBe(false);
      expect(bodyAllowedIn(b, '320614103')).toBe(false);
    }
    expect(bodyAllowedIn('residents-assembly', COMMUNITY)).toBe(true);
    expect(bodyAllowedIn('residents-assembly', VILLAGE)).toBe(false);
    expect(bodyAllowedIn('residents-assembly', '320614103')).toBe(false);
  });
  it('owners-assembly in any village or community or inside one; consultation from a town down', () => {
    expect(bodyAllowedIn('owners-assembly', COMMUNITY)).toBe(true);
    expect(bodyAllowedIn('owners-assembly', VILLAGE)).toBe(true);
    expect(bodyAllowedIn('owners-assembly', COMMUNITY + '001')).toBe(true);
    expect(bodyAllowedIn('owners-assembly', '320614103')).toBe(false);
    expect(bodyAllowedIn('consultation', '320614103')).toBe(true);
    expect(bodyAllowedIn('consultation', '320614')).toBe(false);
  });
  it('every body has at least the persons form', () => {
    for (const b of DELIBERATION_BODIES) expect(DELIBERATION_BODY_FORMS[b]).toContain('persons');
  });
});

describe('explaining the outcome', () => {
  it('names the failed quorum', () => {
    expect(explainDeliberationOutcome(run('villager-representatives', 'persons', roll(3, 1)))).toBe('会议未达法定人数，不能作出决定：到会人数 1/3（33.3%），未达三分之二');
  });
  it('names the passed decision', () => {
    expect(explainDeliberationOutcome(run('residents-assembly', 'persons', roll(10, 5, 1)))).toBe('表决通过：到会人数 6/10（60%），超过半数；赞成票占到会人员 5/6（83.3%），超过半数');
  });
  it('in English too', () => {
    expect(explainDeliberationOutcome(run('consultation', 'persons', roll(4, 2, 2)), 'en')).toBe('Not passed: yes among ballots cast 2/4 (50%): does not reach more than half');
  });
});

describe('wallResultOf (the public wall)', () => {
  it('says passed or not with the vote counts and each check, and nothing else', () => {
    const o = decideDeliberation({ body: 'consultation', form: 'persons', roll: [{ choice: 'yes' }, { choice: 'yes' }, { choice: 'no' }, { choice: 'abstain' }, {}] });
    // 2 of 4 ballots is not more than half.
    expect(wallResultOf(o)).toBe('表决未通过：同意 2 票、反对 1 票、弃权 1 票；赞成票占有效票 2/4（50%），未过半数');
    const carried = decideDeliberation({ body: 'consultation', form: 'persons', roll: [{ choice: 'yes' }, { choice: 'yes' }, { choice: 'no' }] });
    expect(wallResultOf(carried)).toBe('表决通过：同意 2 票、反对 1 票、弃权 0 票；赞成票占有效票 2/3（66.6%），超过半数');
    const none = decideDeliberation({ body: 'villager-representatives', form: 'persons', roll: [{ choice: 'yes' }, {}, {}] });
    expect(wallResultOf(none)).toMatch(/^会议未达法定人数，不能作出决定：同意 1 票、反对 0 票、弃权 0 票；到会人数 1\/3（33.3%），未达三分之二$/);
  });
});
