import { describe, expect, it } from 'vitest';
import { areasOverlap, CHECK_IN_CLOCK_SLACK_MS, CHECK_IN_MAX_DELAY_MS, checkInTime, countOnCall, durationMinutes, durationZh, emergencyActions, eventsConcerning, onCallKindOf, overlappingEvent, switchRefusal } from '../src/index.ts';

const TOWN = '320614103';
const VILLAGE = '320614103001';
const GRID = '320614103001001';
const OTHER_TOWN = '320614104';

describe('who may switch an area to wartime', () => {
  it('a town centre switches its town, a village or a grid of it', () => {
    for (const a of [TOWN, VILLAGE, GRID]) expect(switchRefusal(['town-dispatcher'], TOWN, a)).toBeNull();
  });
  it('a district centre and the administrator switch any town of the district', () => {
    expect(switchRefusal(['district-dispatcher'], '320614', TOWN)).toBeNull();
    expect(switchRefusal(['admin'], '320614', OTHER_TOWN)).toBeNull();
  });
  it('a community worker cannot switch, not even its own community', () => {
    expect(switchRefusal(['community-worker'], VILLAGE, VILLAGE)).toBe('role');
    expect(switchRefusal(['community-worker'], VILLAGE, TOWN)).toBe('role');
  });
  it('a town centre cannot switch another town, and nobody switches the district or a building', () => {
    expect(switchRefusal(['town-dispatcher'], TOWN, OTHER_TOWN)).toBe('scope');
    expect(switchRefusal(['district-dispatcher'], '320614', '320614')).toBe('level');
    expect(switchRefusal(['district-dispatcher'], '320614', `${GRID}001`)).toBe('level');
  });
});

describe('one active event per area subtree', () => {
  const events = [{ areaCode: VILLAGE, state: 'active' }, { areaCode: OTHER_TOWN, state: 'ended' }];
  it('refuses a switch over an area holding or inside an active event', () => {
    expect(overlappingEvent(GRID, events)).toBe(events[0]);
    expect(overlappingEvent(TOWN, events)).toBe(events[0]);
    expect(overlappingEvent(VILLAGE, events)).toBe(events[0]);
  });
  it('allows a sibling area and an area whose event has ended', () => {
    expect(overlappingEvent('320614103002', events)).toBeNull();
    expect(overlappingEvent(OTHER_TOWN, events)).toBeNull();
    expect(areasOverlap('320614103002', VILLAGE)).toBe(false);
  });
  it('a grid screen shows the banner of the village in wartime', () => {
    expect(eventsConcerning(GRID, events)).toEqual([events[0]]);
    expect(eventsConcerning('320614103002001', events)).toEqual([]);
  });
});

describe('the record', () => {
  it('measures the duration in whole minutes and writes it in Chinese', () => {
    const start = new Date('2026-07-01T08:00:00Z');
    expect(durationMinutes(start, new Date('2026-07-03T11:05:30Z'))).toBe(2 * 1440 + 3 * 60 + 5);
    expect(durationZh(2 * 1440 + 3 * 60 + 5)).toBe('2 天 3 小时 5 分钟');
    expect(durationZh(59)).toBe('59 分钟');
    expect(durationZh(60)).toBe('1 小时 0 分钟');
    expect(durationMinutes(start, null, new Date('2026-07-01T07:00:00Z'))).toBe(0);
  });
  it('counts each person on call once, at the grid of their latest check-in', () => {
    const at = (m: number) => new Date(Date.UTC(2026, 6, 1, 8, m));
    const n = countOnCall([
      { personKey: 'a', kind: 'grid-worker', gridCode: GRID, at: at(0) },
      { personKey: 'a', kind: 'grid-worker', gridCode: GRID, at: at(5) },
      { personKey: 'b', kind: 'cadre', gridCode: GRID, at: at(1) },
      { personKey: 'c', kind: 'volunteer', gridCode: '320614103001002', at: at(2) },
      { personKey: 'c', kind: 'volunteer', gridCode: GRID, at: at(9) },
    ]);
    expect(n.total).toBe(3);
    expect(n.byGrid).toEqual([{ gridCode: GRID, 'grid-worker': 1, cadre: 1, 'party-member': 0, volunteer: 1, total: 3 }]);
  });
  it('staff check in as their on-call kind', () => {
    expect(onCallKindOf(['grid-worker'])).toBe('grid-worker');
    expect(onCallKindOf(['cadre'])).toBe('cadre');
    expect(onCallKindOf(['party-secretary'])).toBe('party-member');
    expect(onCallKindOf(['resident'])).toBeNull();
  });
  it('an ended event takes no more actions', () => {
    expect(emergencyActions('active', true, true)).toEqual(['end', 'addUnit', 'sendTask', 'checkIn']);
    expect(emergencyActions('active', false, true)).toEqual(['checkIn']);
    expect(emergencyActions('ended', true, true)).toEqual([]);
  });
});

describe('the time of a check-in sent late from the queue', () => {
  const now = new Date('2026-07-20T10:00:00Z');
  const started = new Date('2026-07-19T02:00:00Z');
  const ms = (t: number) => new Date(now.getTime() + t);
  it('is the time it arrives when the phone gives none', () => {
    expect(checkInTime(undefined, now, started)).toEqual({ at: now });
  });
  it('is the tap while the phone was offline, back to three days', () => {
    expect(checkInTime(ms(-3600_000), now, started)).toEqual({ at: ms(-3600_000) });
    const early = new Date('2026-07-10T10:00:00Z');
    expect(checkInTime(ms(-CHECK_IN_MAX_DELAY_MS), now, early)).toEqual({ at: ms(-CHECK_IN_MAX_DELAY_MS) });
    expect(checkInTime(ms(-CHECK_IN_MAX_DELAY_MS - 1), now, early)).toEqual({ problem: 'too_old' });
  });
  it('takes a clock a little ahead as now, and refuses one far ahead', () => {
    expect(checkInTime(ms(CHECK_IN_CLOCK_SLACK_MS), now, started)).toEqual({ at: now });
    expect(checkInTime(ms(CHECK_IN_CLOCK_SLACK_MS + 1), now, started)).toEqual({ problem: 'future' });
  });
  it('cannot be before the event started', () => {
    expect(checkInTime(started, now, started)).toEqual({ at: started });
    expect(checkInTime(new Date(started.getTime() - 1), now, started)).toEqual({ problem: 'before_event' });
  });
});
