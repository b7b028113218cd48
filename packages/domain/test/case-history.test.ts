import { describe, expect, it } from 'vitest';
import {
  CASE_TEXTS,
  CATALOGUE,
  computeDue,
  createWorkCalendar,
  decide,
  OPEN_STATES,
  pointInPolygon,
  generateCaseHistory,
  type CaseFacts,
  type CaseRelation,
  type OwnerLevel,
  type HistoryCase,
  type HistoryGrid,
  type Polygon,
} from '../src/index.ts';

const square = (lng: number, lat: number, d = 0.01): Polygon => ({
  type: 'Polygon',
  coordinates: [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]],
});

const GRIDS: HistoryGrid[] = [
  { code: '320614103001001', name: '第一网格', villageName: '状元街居委会', townName: '常乐镇', households: 420, geometry: square(121.1, 31.9), addresses: ['常乐镇状元街社区3幢2单元301室', '常乐镇状元街社区5幢1单元102室'], reporters: 50, propertyUnits: ['property-320614103001-01'] },
  { code: '320614103001002', name: '第二网格', villageName: '状元街居委会', townName: '常乐镇', households: 380, geometry: square(121.11, 31.9), addresses: ['常乐镇状元街社区8幢1单元501室'], reporters: 40 },
  { code: '320614103201001', name: '第一网格', villageName: '颐生村委会', townName: '常乐镇', households: 460, geometry: square(121.2, 31.95), addresses: ['常乐镇颐生村5组18号'], reporters: 60 },
];
const NOW = new Date('2026-12-01T08:00:00+08:00');
const cal = createWorkCalendar();
const history = generateCaseHistory({ grids: GRIDS, now: NOW, seed: 'test', rate: 1 });

const relationOf = (kind: string): CaseRelation | null =>
  ({ reporter: 'reporter', owner: 'owner', supervisor: 'supervisor', handler: 'handler', verifier: 'verifier' } as Record<string, CaseRelation>)[kind] ?? null;

describe('demo case history', () => {
  it('is deterministic from its seed', () => {
    const again = generateCaseHistory({ grids: GRIDS, now: NOW, seed: 'test', rate: 1 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(history));
    const other = generateCaseHistory({ grids: GRIDS, now: NOW, seed: 'other', rate: 0.5 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(history));
  });

  it('adds light grids without changing the history of the fully generated ones', () => {
    const light: HistoryGrid[] = [
      { code: '320614100001001', name: '第一网格', villageName: '三星居委会', townName: '三星镇', households: 8, geometry: square(121.3, 31.9), addresses: ['三星镇三星社区1幢1单元101室'], reporters: 10, light: true },
      { code: '320614100201002', name: '第二网格', villageName: '新河村委会', townName: '三星镇', households: 8, geometry: square(121.31, 31.9), addresses: [], reporters: 6, light: true },
    ];
    const both = generateCaseHistory({ grids: [...light, ...GRIDS], now: NOW, seed: 'test', rate: 1 });
    // Only the running numbers (index, the hotline order number's sequence) may differ.
    const strip = (c: HistoryCase) => JSON.stringify({ ...c, index: 0, externalRef: c.externalRef?.replace(/-\d+$/, ''), mergedInto: c.mergedInto === null ? null : 0, events: c.events.map((e) => ({ ...e, detail: null })) });
    expect(both.filter((c) => c.areaCode.startsWith('320614103')).map(strip)).toEqual(history.map(strip));
    const lightCases = both.filter((c) => c.areaCode.startsWith('320614100'));
    // A year of cases at the rate and one of the last 30 days per village, none of the last hour's or the
    // work in progress of the first village.
    expect(lightCases.length).toBeGreaterThanOrEqual(18);
    expect(lightCases.length).toBeLessThan(22);
    for (const v of ['320614100001', '320614100201']) {
      expect(lightCases.some((c) => c.areaCode.startsWith(v) && NOW.getTime() - c.createdAt.getTime() < 30 * 86400_000)).toBe(true);
    }
    expect(lightCases.every((c) => NOW.getTime() - c.createdAt.getTime() > 3600_000)).toBe(true);
  });

  it('scales with households over twelve months ending now', () => {
    const fresh = history.filter((c) => NOW.getTime() - c.createdAt.getTime() < 3600_000 && c.events.length === 1);
    expect(fresh.length).toBeGreaterThanOrEqual(2);
    expect(history.length - fresh.length).toBeGreaterThanOrEqual(420 + 380 + 460);
    expect(history.length).toBeLessThan((420 + 380 + 460) * 1.1);
    for (const c of history) {
      expect(c.createdAt.getTime()).toBeLessThan(NOW.getTime());
      expect(c.createdAt.getTime()).toBeGreaterThan(NOW.getTime() - 366 * 86400_000);
    }
    const byMonth = new Set(history.map((c) => c.createdAt.toISOString().slice(0, 7)));
    expect(byMonth.size).toBeGreaterThanOrEqual(12);
  });

  it('uses real catalogue leaves, grids and places inside the grid', () => {
    const leaves = new Set(CATALOGUE.filter((c) => c.leaf).map((c) => c.code));
    for (const t of CASE_TEXTS) expect(leaves.has(t.code), t.code).toBe(true);
    for (const c of history) {
      const grid = GRIDS.find((g) => g.code === c.areaCode)!;
      expect(grid).toBeDefined();
      if (c.lat != null) expect(pointInPolygon([c.lng!, c.lat], grid.geometry!)).toBe(true);
      expect(c.title).not.toContain('{loc}');
      expect(c.description).not.toContain('{loc}');
      if (c.reporter !== null) expect(c.reporter).toBeLessThan(grid.reporters);
      if (c.categoryCode.startsWith('H')) expect(c.channel).toBe('hotline');
    }
  });

  it('has channels in realistic proportions', () => {
    const n = (ch: string) => history.filter((c) => c.channel === ch).length / history.length;
    expect(n('patrol')).toBeGreaterThan(0.2);
    expect(n('hotline')).toBeGreaterThan(0.1);
    for (const ch of ['qr', 'mobile', 'patrol', 'hotline', 'reception', 'visit', 'mailbox', 'open311', 'console']) expect(n(ch), ch).toBeGreaterThan(0);
  });

  it('takes only steps the workflow allows, in time order, ending in the recorded state', () => {
    for (const c of history) {
      const events = c.events.filter((e) => !['merged-from', 'overdue', 'deadline-warning'].includes(e.action));
      expect(events[0]!.action).toBe('report');
      const facts: CaseFacts = { state: 'reported', ownerLevel: events[0]!.detail!.ownerLevel as OwnerLevel, hasHandlerUnit: false, pendingExtension: false, rating: null, suspendedFrom: null };
      for (const e of events.slice(1)) {
        expect(e.from, `${c.index} ${e.action}`).toBe(facts.state);
        if (e.action === 'auto-escalate') {
          expect(facts.ownerLevel).toBe('village');
          facts.state = 'accepted';
          facts.ownerLevel = 'town';
          continue;
        }
        const rel = relationOf(e.actor.kind);
        expect(rel, e.action).not.toBeNull();
        let d;
        try {
          d = decide(facts, e.action as never, new Set([rel!]));
        } catch (err) {
          throw new Error(`case ${c.index}: ${e.action} by ${rel}: ${String(err)}\n${c.events.map((x) => `${x.at.toISOString()} ${x.action} ${x.from}->${x.to}`).join("\n")}`, { cause: err });
        }
        expect(d.to).toBe(e.to);
        const fx = d.effects;
        if (fx.ownerLevel) facts.ownerLevel = fx.ownerLevel;
        if (fx.setHandler) facts.hasHandlerUnit = true;
        if (fx.clearHandler) facts.hasHandlerUnit = false;
        if (fx.pendingExtension !== undefined) facts.pendingExtension = fx.pendingExtension;
        if (fx.setRating) facts.rating = (e.detail!.score as CaseFacts['rating']) ?? null;
        if (fx.clearRating) facts.rating = null;
        if (fx.suspendedFrom !== undefined) facts.suspendedFrom = fx.suspendedFrom;
        if (e.action === 'handle') facts.pendingExtension = false;
        facts.state = d.to;
      }
      expect(facts.state).toBe(c.state);
      expect(facts.ownerLevel).toBe(c.ownerLevel);
      expect(facts.hasHandlerUnit).toBe(c.handlerUnit !== null);
      for (let i = 1; i < c.events.length; i++) expect(c.events[i]!.at.getTime()).toBeGreaterThanOrEqual(c.events[i - 1]!.at.getTime());
      expect(c.events.at(-1)!.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('keeps deadlines as the working-day calendar sets them', () => {
    const spec = new Map(CATALOGUE.map((t) => [t.code, t.deadlines.handle]));
    for (const c of history) {
      let due: Date | null = null;
      for (const e of c.events) {
        if (['accept', 'escalate', 'handle', 'auto-escalate', 'dispatch'].includes(e.action) && !due) due = computeDue(e.at, spec.get(c.categoryCode)!, cal);
        if (e.action === 'approve-extension') due = cal.addWorkingDays(due!, Number(e.detail!.workingDays));
        if (e.action === 'resume' && due) due = new Date(due.getTime() + Number(e.detail!.pausedMs));
        if (e.action === 'reopen') due = computeDue(e.at, spec.get(c.categoryCode)!, cal);
      }
      expect(c.dueAt?.getTime() ?? null, `case ${c.index}`).toBe(due?.getTime() ?? null);
      if (c.acceptedAt) expect(c.acceptedAt.getTime()).toBeGreaterThanOrEqual(c.createdAt.getTime());
      if (c.state === 'closed') expect(c.closedAt).not.toBeNull();
      // A waiting case whose step deadline has passed carries its overdue mark (the live sweep will not repeat it).
      if (OPEN_STATES.has(c.state) && c.state !== 'suspended' && c.stepDueAt && c.stepDueAt.getTime() + 60_000 < NOW.getTime()) {
        expect(c.marks.some((m) => m.kind === 'overdue' && m.dueAt.getTime() === c.stepDueAt!.getTime()), `case ${c.index}`).toBe(true);
      }
    }
  });

  it('has the mix of outcomes a town sees', () => {
    const count = (f: (c: HistoryCase) => boolean) => history.filter(f).length;
    const closed = count((c) => c.state === 'closed');
    expect(closed / history.length).toBeGreaterThan(0.7);
    const onTime = count((c) => c.state === 'closed' && c.closedAt! <= c.dueAt!);
    expect(onTime / closed).toBeGreaterThan(0.75);
    expect(onTime).toBeLessThan(closed);
    expect(count((c) => c.rating === 'satisfied') / closed).toBeGreaterThan(0.6);
    expect(count((c) => c.events.some((e) => e.action === 'verify-fail'))).toBeGreaterThan(0);
    expect(count((c) => c.events.some((e) => e.action === 'reopen'))).toBeGreaterThan(0);
    expect(count((c) => c.events.some((e) => e.action === 'return'))).toBeGreaterThan(0);
    expect(count((c) => c.events.some((e) => e.action === 'approve-extension'))).toBeGreaterThan(0);
    expect(count((c) => c.events.some((e) => e.action === 'auto-escalate'))).toBeGreaterThan(0);
    expect(count((c) => c.ownerLevel === 'district' && c.handlerUnit !== null)).toBeGreaterThan(0);
    expect(count((c) => c.handlerUnit === 'dept-cg')).toBeGreaterThan(0);
    for (const s of ['rejected', 'merged', 'withdrawn']) expect(count((c) => c.state === s), s).toBeGreaterThan(0);
    expect(count((c) => c.events.some((e) => e.action === 'suspend'))).toBeGreaterThan(0);
    expect(count((c) => c.state === 'closed' && c.public && !!c.answer)).toBeGreaterThan(0);
    for (const c of history.filter((x) => x.state === 'merged')) {
      const target = history[c.mergedInto!]!;
      expect(target.events.some((e) => e.action === 'merged-from' && e.detail!.fromIndex === c.index)).toBe(true);
    }
  });

  it('leaves recent cases open in every working state', () => {
    const open = history.filter((c) => OPEN_STATES.has(c.state));
    // In the first village (the demo community's): work for the community, the town, 区城管局 and the grid worker.
    const first = open.filter((c) => c.areaCode.startsWith('320614103001'));
    for (const s of ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled', 'suspended']) expect(first.some((c) => c.state === s), s).toBe(true);
    expect(first.some((c) => c.state === 'accepted' && c.ownerLevel === 'town')).toBe(true);
    expect(first.some((c) => ['dispatched', 'acknowledged'].includes(c.state) && c.handlerUnit === 'dept-cg')).toBe(true);
    expect(first.some((c) => c.state === 'handled' && c.areaCode === '320614103001001')).toBe(true);
    // Reported within the last hour in every village, not yet taken on.
    expect(open.some((c) => c.areaCode.startsWith('320614103001') && c.state === 'reported' && NOW.getTime() - c.createdAt.getTime() < 3600_000)).toBe(true);
    // …at about the usual daily rate, not a spike.
    const perDay = history.length / 365;
    expect(history.filter((c) => NOW.getTime() - c.createdAt.getTime() < 86400_000).length).toBeLessThan(perDay * 3 + 15);
    for (const c of open) expect(NOW.getTime() - c.createdAt.getTime()).toBeLessThan(60 * 86400_000);
  });
});
