import { describe, expect, it } from 'vitest';
import { campaignActions, colourChange, countProgress, isRiskColour, needsHelp, orderWorklist, RISK_COLOURS } from '../src/index.ts';

describe('four colours', () => {
  it('are red, orange, yellow and blue', () => {
    expect([...RISK_COLOURS]).toEqual(['red', 'orange', 'yellow', 'blue']);
    expect(isRiskColour('blue')).toBe(true);
    expect(isRiskColour('green')).toBe(false);
  });
  it('a change is recorded only when the colour differs', () => {
    expect(colourChange('blue', 'red')).toEqual({ from: 'blue', to: 'red' });
    expect(colourChange('red', 'red')).toBeNull();
    expect(colourChange('red', undefined)).toBeNull();
    expect(colourChange(null, 'yellow')).toEqual({ from: null, to: 'yellow' });
  });
});

describe('campaign progress', () => {
  const hh = [
    { id: 'a', areaCode: '320614103001001' },
    { id: 'b', areaCode: '320614103001001' },
    { id: 'c', areaCode: '320614103001002' },
  ];
  const children = [
    { code: '320614103001001', name: '第一网格' },
    { code: '320614103001002', name: '第二网格' },
    { code: '320614103001003', name: '第三网格' },
  ];
  it('counts distinct households with a visited result, per child area', () => {
    const p = countProgress(
      hh,
      [
        { householdId: 'a', result: 'visited' },
        { householdId: 'a', result: 'visited' },
        { householdId: 'b', result: 'nobody-home' },
        { householdId: 'c', result: 'refused' },
        { householdId: 'zzz', result: 'visited' },
      ],
      children,
    );
    expect(p).toEqual({
      households: 3,
      visited: 1,
      byArea: [
        { code: '320614103001001', name: '第一网格', households: 2, visited: 1 },
        { code: '320614103001002', name: '第二网格', households: 1, visited: 0 },
        { code: '320614103001003', name: '第三网格', households: 0, visited: 0 },
      ],
    });
  });
  it('a household first nobody home, then visited, counts once', () => {
    const p = countProgress(hh, [{ householdId: 'b', result: 'nobody-home' }, { householdId: 'b', result: 'visited' }], children);
    expect(p.visited).toBe(1);
  });
});

describe('worker list', () => {
  it('puts people needing help first, then households not yet knocked at', () => {
    const list = orderWorklist([
      { id: '1', needsHelp: false, lastResult: null, address: 'B' },
      { id: '2', needsHelp: false, lastResult: 'nobody-home' as const, address: 'A' },
      { id: '3', needsHelp: true, lastResult: 'nobody-home' as const, address: 'C' },
      { id: '4', needsHelp: false, lastResult: null, address: 'A' },
    ]);
    expect(list.map((i) => i.id)).toEqual(['3', '4', '1', '2']);
  });
  it('knows who needs help', () => {
    expect(needsHelp(['living-alone-elderly'])).toBe(true);
    expect(needsHelp(['bedridden', 'veteran'])).toBe(true);
    expect(needsHelp(['veteran'])).toBe(false);
  });
  it('a closed campaign takes nothing more', () => {
    expect(campaignActions('closed', 1)).toEqual([]);
    expect(campaignActions('active', 1)).toEqual(['visit', 'nextRound', 'close']);
  });
});
