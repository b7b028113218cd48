import { describe, expect, it } from 'vitest';
import {
  countEvacuationStates,
  evacuationActionProblem,
  evacuationActionsOf,
  evacuationPriority,
  evacuationReasons,
  nextEvacuationState,
  shapeCentre,
  worstColour,
} from '../src/evacuation.ts';

describe('evacuation states (待转移 → 转移中 → 已到达 / 拒绝转移; 已到达 → 已返回)', () => {
  it('moves along the allowed paths', () => {
    expect(nextEvacuationState('pending', 'start')).toBe('moving');
    expect(nextEvacuationState('moving', 'arrive')).toBe('arrived');
    expect(nextEvacuationState('pending', 'arrive')).toBe('arrived');
    expect(nextEvacuationState('moving', 'refuse')).toBe('refused');
    expect(nextEvacuationState('refused', 'start')).toBe('moving');
    expect(nextEvacuationState('arrived', 'return')).toBe('returned');
  });
  it('refuses the others', () => {
    expect(nextEvacuationState('pending', 'return')).toBeNull();
    expect(nextEvacuationState('moving', 'start')).toBeNull();
    expect(nextEvacuationState('arrived', 'arrive')).toBeNull();
    expect(nextEvacuationState('arrived', 'refuse')).toBeNull();
    expect(nextEvacuationState('returned', 'start')).toBeNull();
    expect(evacuationActionsOf('returned')).toEqual([]);
    expect(evacuationActionsOf('arrived')).toEqual(['return']);
    expect(evacuationActionsOf('pending')).toEqual(['start', 'arrive', 'refuse']);
  });
  it('wants a reason for a refusal, and says in Chinese what is wrong', () => {
    expect(evacuationActionProblem('pending', 'refuse', '')).toBe('拒绝转移须写明原因');
    expect(evacuationActionProblem('pending', 'refuse', '  ')).toBe('拒绝转移须写明原因');
    expect(evacuationActionProblem('pending', 'refuse', '房屋已加固')).toBeNull();
    expect(evacuationActionProblem('returned', 'arrive', null)).toBe('已返回的人员不能确认到达');
  });
  it('counts per state', () => {
    expect(countEvacuationStates(['pending', 'pending', 'arrived', 'bogus'])).toEqual({ pending: 2, moving: 0, arrived: 1, refused: 0, returned: 0, total: 3 });
  });
});

describe('who goes on the list', () => {
  it('takes red and orange households by default, and people needing help of any colour', () => {
    expect(evacuationReasons({ personId: 'a', householdColour: 'red', tags: [] })).toEqual(['red']);
    expect(evacuationReasons({ personId: 'a', householdColour: 'orange', tags: [] })).toEqual(['orange']);
    expect(evacuationReasons({ personId: 'a', householdColour: 'yellow', tags: [] })).toEqual([]);
    expect(evacuationReasons({ personId: 'a', householdColour: 'blue', tags: ['bedridden'] })).toEqual(['needs-help']);
    expect(evacuationReasons({ personId: 'a', householdColour: 'red', tags: ['living-alone-elderly'] })).toEqual(['red', 'needs-help']);
  });
  it('follows the colours chosen and may leave help tags out', () => {
    expect(evacuationReasons({ personId: 'a', householdColour: 'orange', tags: ['disabled'] }, ['red'], false)).toEqual([]);
    expect(evacuationReasons({ personId: 'a', householdColour: 'yellow', tags: [] }, ['yellow'])).toEqual(['yellow']);
  });
  it('puts people needing help first, then the worst colour', () => {
    expect(evacuationPriority(['needs-help'], 'blue')).toBeGreaterThan(evacuationPriority(['red'], 'red'));
    expect(evacuationPriority(['red'], 'red')).toBeGreaterThan(evacuationPriority(['orange'], 'orange'));
  });
});

describe('worst colour of a building', () => {
  it('is the highest class among its households', () => {
    expect(worstColour(['blue', 'orange', 'yellow'])).toBe('orange');
    expect(worstColour(['blue', 'red', 'orange'])).toBe('red');
    expect(worstColour(['blue'])).toBe('blue');
    expect(worstColour([])).toBeNull();
    expect(worstColour(['green'])).toBeNull();
  });
});

describe('where a shape is drawn', () => {
  it('takes a point, a polygon centroid, or nothing', () => {
    expect(shapeCentre({ type: 'Point', coordinates: [121.1, 31.9] })).toEqual([121.1, 31.9]);
    expect(shapeCentre({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] })).toEqual([1, 1]);
    expect(shapeCentre({ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] } })).toEqual([1, 2]);
    expect(shapeCentre(null)).toBeNull();
    expect(shapeCentre({ type: 'Point', coordinates: ['x'] })).toBeNull();
  });
});
