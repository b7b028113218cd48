import { describe, expect, it } from 'vitest';
import {
  allowedCaseActions,
  CASE_ACTIONS,
  CASE_RELATIONS,
  CASE_STATES,
  decide,
  DomainError,
  type CaseAction,
  type CaseFacts,
  type CaseRelation,
  type CaseState,
} from '../src/index.ts';

/**
 * The workflow written out by hand, independently of the rule table:
 * "action: relation@state→next, …" for facts with a handler unit, at town level,
 * no pending extension, no rating, suspended from 'acknowledged' (where relevant).
 */
const SPEC = `
accept: owner@reported→accepted
reject: owner@reported→rejected
escalate: owner@reported→accepted owner@accepted→accepted
dispatch: owner@accepted→dispatched
acknowledge: handler@dispatched→acknowledged
return: handler@dispatched→accepted handler@acknowledged→accepted
feedback: assistant@dispatched→dispatched assistant@acknowledged→acknowledged handler@acknowledged→acknowledged
request-extension: handler@acknowledged→acknowledged
handle: handler@acknowledged→handled
verify-pass: verifier@handled→closed owner@handled→closed
verify-fail: verifier@handled→acknowledged owner@handled→acknowledged
rate: reporter@closed→closed owner@closed→closed
urge: supervisor@reported→reported supervisor@accepted→accepted supervisor@dispatched→dispatched supervisor@acknowledged→acknowledged supervisor@handled→handled owner@reported→reported owner@accepted→accepted owner@dispatched→dispatched owner@acknowledged→acknowledged owner@handled→handled
merge: owner@reported→merged owner@accepted→merged
unmerge: owner@merged→accepted
suspend: owner@accepted→suspended owner@dispatched→suspended owner@acknowledged→suspended
resume: owner@suspended→acknowledged
withdraw: reporter@reported→withdrawn reporter@accepted→withdrawn reporter@dispatched→withdrawn reporter@acknowledged→withdrawn
`;

/** Relations that may take an action in some state (→ otherwise 403). */
const EVER: Record<CaseAction, CaseRelation[]> = {
  accept: ['owner'],
  reject: ['owner'],
  escalate: ['owner'],
  dispatch: ['owner'],
  acknowledge: ['handler'],
  return: ['handler'],
  feedback: ['assistant', 'handler'],
  'request-extension': ['handler'],
  'approve-extension': ['owner'],
  'deny-extension': ['owner'],
  handle: ['handler', 'owner', 'verifier'],
  'verify-pass': ['verifier', 'owner'],
  'verify-fail': ['verifier', 'owner'],
  rate: ['reporter', 'owner'],
  reopen: ['owner'],
  urge: ['supervisor', 'owner'],
  merge: ['owner'],
  unmerge: ['owner'],
  suspend: ['owner'],
  resume: ['owner'],
  withdraw: ['reporter'],
};

const expected = new Map<string, CaseState>();
for (const line of SPEC.trim().split('\n')) {
  const [action, rest] = line.split(': ') as [string, string];
  for (const item of rest.split(' ')) {
    const [who, transition] = item.split('@') as [string, string];
    const [from, to] = transition.split('→') as [string, string];
    expected.set(`${action}|${who}|${from}`, to as CaseState);
  }
}

const base = (state: CaseState): CaseFacts => ({
  state,
  ownerLevel: 'town',
  hasHandlerUnit: true,
  pendingExtension: false,
  rating: null,
  suspendedFrom: state === 'suspended' ? 'acknowledged' : null,
  mergedFrom: state === 'merged' ? 'accepted' : null,
});

function outcome(facts: CaseFacts, action: CaseAction, rel: CaseRelation): string {
  try {
    return decide(facts, action, new Set([rel])).to;
  } catch (e) {
    if (e instanceof DomainError) return e.kind === 'forbidden' ? '403' : '409';
    throw e;
  }
}

describe('case workflow: every action × every state × every relation', () => {
  for (const action of CASE_ACTIONS) {
    it(action, () => {
      for (const state of CASE_STATES) {
        for (const rel of CASE_RELATIONS) {
          const got = outcome(base(state), action, rel);
          const want = expected.get(`${action}|${rel}|${state}`) ?? (EVER[action].includes(rel) ? '409' : '403');
          expect(got, `${action} by ${rel} in ${state}`).toBe(want);
        }
      }
    });
  }
});

describe('guards and effects', () => {
  it('escalates village → town → district and no further', () => {
    const owner = new Set<CaseRelation>(['owner']);
    const v = decide({ ...base('reported'), ownerLevel: 'village' }, 'escalate', owner);
    expect(v.effects.ownerLevel).toBe('town');
    expect(decide({ ...base('accepted'), ownerLevel: 'town' }, 'escalate', owner).effects.ownerLevel).toBe('district');
    expect(() => decide({ ...base('accepted'), ownerLevel: 'district' }, 'escalate', owner)).toThrow(/最高层级/);
  });

  it('extensions: one pending request at a time, approved or denied by the owner', () => {
    const pending = { ...base('acknowledged'), pendingExtension: true };
    expect(outcome(pending, 'request-extension', 'handler')).toBe('409');
    expect(decide(pending, 'approve-extension', new Set(['owner'])).effects).toMatchObject({ pendingExtension: false, extensionGranted: true });
    expect(decide(pending, 'deny-extension', new Set(['owner'])).effects).toMatchObject({ pendingExtension: false });
    expect(decide(base('acknowledged'), 'request-extension', new Set(['handler'])).effects.pendingExtension).toBe(true);
  });

  it('a community handles what it did not dispatch; a grid worker settles small matters on the spot', () => {
    const noUnit = { ...base('accepted'), hasHandlerUnit: false, ownerLevel: 'village' as const };
    expect(decide(noUnit, 'handle', new Set(['owner'])).to).toBe('handled');
    expect(decide({ ...noUnit, state: 'reported' }, 'handle', new Set(['verifier'])).to).toBe('handled');
    expect(outcome({ ...noUnit, ownerLevel: 'town' }, 'handle', 'verifier')).toBe('409');
    expect(outcome(base('accepted'), 'handle', 'owner')).toBe('409');
  });

  it('rework goes back to the handler, or to the owner when nobody was dispatched', () => {
    expect(decide(base('handled'), 'verify-fail', new Set(['verifier'])).to).toBe('acknowledged');
    expect(decide({ ...base('handled'), hasHandlerUnit: false }, 'verify-fail', new Set(['owner'])).to).toBe('accepted');
    expect(decide(base('handled'), 'verify-fail', new Set(['owner'])).effects.rework).toBe(true);
  });

  it('only an unsatisfied rating reopens a closed case, once rated', () => {
    const owner = new Set<CaseRelation>(['owner']);
    expect(outcome(base('closed'), 'reopen', 'owner')).toBe('409');
    expect(outcome({ ...base('closed'), rating: 'satisfied' }, 'reopen', 'owner')).toBe('409');
    const d = decide({ ...base('closed'), rating: 'unsatisfied' }, 'reopen', owner);
    expect(d.to).toBe('dispatched');
    expect(d.effects).toMatchObject({ rework: true, clearRating: true, restartClock: true });
    expect(decide({ ...base('closed'), rating: 'unsatisfied', hasHandlerUnit: false }, 'reopen', owner).to).toBe('accepted');
    expect(outcome({ ...base('closed'), rating: 'satisfied' }, 'rate', 'reporter')).toBe('409');
  });

  it('resume returns to the state the case was suspended from', () => {
    const owner = new Set<CaseRelation>(['owner']);
    const s = decide(base('dispatched'), 'suspend', owner);
    expect(s.effects.suspendedFrom).toBe('dispatched');
    expect(decide({ ...base('suspended'), suspendedFrom: 'dispatched' }, 'resume', owner).to).toBe('dispatched');
  });

  it('allowedCaseActions lists exactly the actions decide accepts', () => {
    for (const state of CASE_STATES) {
      for (const rel of CASE_RELATIONS) {
        for (const rating of [null, 'unsatisfied'] as const) {
          const facts = { ...base(state), rating };
          const allowed = new Set(allowedCaseActions(facts, new Set([rel])));
          for (const action of CASE_ACTIONS) {
            const ok = !['403', '409'].includes(outcome(facts, action, rel));
            expect(allowed.has(action), `${action} by ${rel} in ${state}`).toBe(ok);
          }
        }
      }
    }
  });

  it('several relations at once combine their rights', () => {
    const both = new Set<CaseRelation>(['owner', 'verifier']);
    expect(allowedCaseActions(base('handled'), both)).toEqual(expect.arrayContaining(['verify-pass', 'verify-fail', 'urge']));
  });
});
