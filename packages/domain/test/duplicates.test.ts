import { describe, expect, it } from 'vitest';
import { DUPLICATE_GROUP_RULE as R, groupFor, groupReports, pairwiseF1, primaryOf, reportTextSimilarity, sameProblem, type GroupMember, type GroupReport } from '../src/index.ts';

// The duplicate-group rule (cases/duplicates.ts; issue 19 "Duplicates grouped"): text, place and
// time together, each at its threshold.

const T0 = new Date('2026-05-01T09:00:00+08:00');
const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);
const GRID = '320614103001001';
/** A point `m` metres north of the base point. */
const north = (m: number) => ({ lat: 31.9869 + m / 111_195, lng: 120.8945 });

const lamp: GroupReport = { title: '东门口路灯不亮', description: '小区东门口的路灯坏了好几天，晚上一片漆黑', areaCode: GRID, ...north(0), reportedAt: T0, types: ['B0110'] };
const lamp2 = (over: Partial<GroupReport> = {}): GroupReport => ({ title: '路灯坏了', description: '东门那边的路灯晚上不亮，走路看不见', areaCode: GRID, ...north(20), reportedAt: at(1), types: ['B0110'], ...over });

describe('text similarity', () => {
  it('is 1 for the same text, 0 for nothing shared, and weighs rare words above common ones', () => {
    expect(reportTextSimilarity('路灯不亮', '路灯不亮')).toBeCloseTo(1, 6);
    expect(reportTextSimilarity('路灯不亮', '')).toBe(0);
    // Both share 小区门口 with the first; only one shares 路灯.
    const shared = reportTextSimilarity('小区门口路灯坏了', '小区门口路灯不亮');
    const placeOnly = reportTextSimilarity('小区门口路灯坏了', '小区门口垃圾没人清');
    expect(shared).toBeGreaterThan(placeOnly);
    expect(placeOnly).toBeLessThan(R.textMin);
  });
});

describe('sameProblem: place', () => {
  it(`points within ${R.maxMetres} m pass, beyond fail`, () => {
    expect(sameProblem(lamp, lamp2({ ...north(R.maxMetres - 1) })).same).toBe(true);
    const far = sameProblem(lamp, lamp2({ ...north(R.maxMetres + 1) }));
    expect(far.same).toBe(false);
    expect(far.failed).toBe('place');
  });
  it('without a point: the same grid passes, another grid fails, the same address passes', () => {
    const noPoint = lamp2({ lat: null, lng: null });
    expect(sameProblem(lamp, noPoint).samePlace).toBe(true);
    expect(sameProblem(lamp, { ...noPoint, areaCode: '320614103001002' }).failed).toBe('place');
    expect(sameProblem({ ...lamp, lat: null, lng: null, areaCode: '320614103001', address: '人民路 12 号' }, { ...noPoint, areaCode: '320614103001', address: '人民路12号' }).samePlace).toBe(true);
  });
});

describe('sameProblem: time', () => {
  it(`reports ${R.windowDays} days apart pass, a minute more fails (a problem months later is a new one)`, () => {
    expect(sameProblem(lamp, lamp2({ reportedAt: at(R.windowDays) })).same).toBe(true);
    const late = sameProblem(lamp, lamp2({ reportedAt: new Date(at(R.windowDays).getTime() + 60_000) }));
    expect(late.same).toBe(false);
    expect(late.failed).toBe('time');
    expect(sameProblem(lamp, lamp2({ reportedAt: at(90) })).failed).toBe('time');
  });
});

describe('sameProblem: text and type', () => {
  it(`another type needs text similarity ≥ ${R.textMin}`, () => {
    const untyped = lamp2({ types: null, title: '东门口路灯不亮', description: '小区东门口的路灯坏了，晚上很黑' });
    const v = sameProblem({ ...lamp, types: null }, untyped);
    expect(v.text).toBeGreaterThanOrEqual(R.textMin);
    expect(v.same).toBe(true);
    expect(sameProblem({ ...lamp, types: null }, untyped, { ...R, textMin: v.text + 0.001 }).failed).toBe('text');
  });
  it(`the same type needs text similarity ≥ ${R.textSameType}: one problem in other words groups`, () => {
    const other = lamp2({ title: '晚上黑乎乎的', description: '东门那里灯灭了，老人出门摔了一跤' });
    expect(sameProblem(lamp, other).same).toBe(true);
    expect(sameProblem(lamp, { ...other, types: ['0106'] }).failed).toBe('text');
  });
  it('a different problem at the same spot, of another type, is not grouped', () => {
    const rubbish = lamp2({ title: '东门口垃圾没人清', description: '小区东门口垃圾桶满了，臭气熏天', types: ['0106'] });
    expect(sameProblem(lamp, rubbish).same).toBe(false);
  });
  it(`textMin ${R.textMin} lies above what the words of one place give two different problems there`, () => {
    const rubbish = lamp2({ title: '东门口垃圾没人清', description: '小区东门口垃圾桶满了，臭气熏天', types: ['0106'] });
    const v = sameProblem(lamp, rubbish);
    expect(v.text).toBeGreaterThan(0.2);
    expect(v.text).toBeLessThan(R.textMin);
    expect(v.failed).toBe('text');
  });
  it('only the first type counts (a case has one type): a shared second guess is not the same type', () => {
    const other = lamp2({ title: '晚上黑乎乎的', description: '东门那里灯灭了，老人出门摔了一跤' });
    expect(sameProblem({ ...lamp, types: ['B0110', 'B0107'] }, { ...other, types: ['B0107'] }).failed).toBe('text');
    expect(sameProblem({ ...lamp, types: ['B0107', 'B0110'] }, { ...other, types: ['B0107'] }).same).toBe(true);
  });
});

describe('groups', () => {
  const m = (id: string, r: GroupReport, open = true, groupId: string | null = null): GroupMember => ({ ...r, id, open, groupId });
  it('the primary is the earliest open member', () => {
    expect(primaryOf([m('b', lamp2()), m('a', lamp, false), m('c', lamp2({ reportedAt: at(2) }))])?.id).toBe('b');
    expect(primaryOf([m('a', lamp, false)])?.id).toBe('a');
    expect(primaryOf([])).toBeNull();
  });
  it('a new report joins the group of the open case it matches; closed cases take no members', () => {
    expect(groupFor(lamp2({ reportedAt: at(2) }), [m('x', lamp2(), true, 'p')])).toMatchObject({ groupId: 'p', matchId: 'x' });
    expect(groupFor(lamp2({ reportedAt: at(2) }), [m('x', lamp2(), true)])).toMatchObject({ groupId: 'x' });
    expect(groupFor(lamp2({ reportedAt: at(2) }), [m('x', lamp2(), false)])).toBeNull();
  });
  it('groupReports and pairwise F1', () => {
    const reports = [m('a', lamp), m('b', lamp2()), m('c', lamp2({ ...north(2000) })), m('d', lamp2({ reportedAt: at(100) }))];
    const got = groupReports(reports);
    expect(got.get('b')).toBe('a');
    expect(got.get('c')).toBe('c');
    expect(got.get('d')).toBe('d');
    const truth = new Map([['a', 1], ['b', 1], ['c', 2], ['d', 3]].map(([k, v]) => [String(k), String(v)]));
    expect(pairwiseF1(got, truth)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    const wrong = new Map([...got].map(([k]) => [k, 'one']));
    expect(pairwiseF1(wrong, truth).precision).toBeCloseTo(1 / 6, 6);
  });
});
