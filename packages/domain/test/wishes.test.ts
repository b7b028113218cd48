import { describe, expect, it } from 'vitest';
import {
  allowedWishActions,
  decideWish,
  DomainError,
  isWishAction,
  WISH_ACTIONS,
  WISH_RELATIONS,
  WISH_STATES,
  type WishAction,
  type WishRelation,
  type WishState,
} from '../src/index.ts';

/** The workflow written out by hand, independently of the rule table: "action: relation@state→next". */
const SPEC = `
approve: reviewer@submitted→published
reject: reviewer@submitted→rejected
claim: helper@published→claimed
fulfil: claimant@claimed→fulfilled
confirm: wisher@fulfilled→confirmed
cancel: wisher@submitted→cancelled wisher@published→cancelled reviewer@submitted→cancelled reviewer@published→cancelled reviewer@claimed→cancelled
`;

/** Relations that may take an action in some state (→ otherwise 403). */
const EVER: Record<WishAction, WishRelation[]> = {
  approve: ['reviewer'],
  reject: ['reviewer'],
  claim: ['helper'],
  fulfil: ['claimant'],
  confirm: ['wisher'],
  cancel: ['wisher', 'reviewer'],
};

const expected = new Map<string, WishState>();
for (const line of SPEC.trim().split('\n')) {
  const [action, rest] = line.split(': ') as [string, string];
  for (const item of rest.split(' ')) {
    const [who, transition] = item.split('@') as [string, string];
    const [from, to] = transition.split('→') as [string, string];
    expected.set(`${action}|${who}|${from}`, to as WishState);
  }
}

function outcome(state: WishState, action: WishAction, rels: WishRelation[]): string {
  try {
    return decideWish(state, action, new Set(rels)).to;
  } catch (e) {
    if (e instanceof DomainError) return e.kind === 'forbidden' ? '403' : '409';
    throw e;
  }
}

describe('wish workflow: every action × every state × every relation', () => {
  for (const action of WISH_ACTIONS) {
    it(action, () => {
      for (const state of WISH_STATES) {
        for (const rel of WISH_RELATIONS) {
          const want = expected.get(`${action}|${rel}|${state}`) ?? (EVER[action].includes(rel) ? '409' : '403');
          expect(outcome(state, action, [rel]), `${action} by ${rel} in ${state}`).toBe(want);
        }
        // No relation at all may never act.
        expect(outcome(state, action, []), `${action} by nobody in ${state}`).toBe('403');
      }
    });
  }
});

describe('rules of the wish wall', () => {
  it('the wisher can never claim their own wish, whatever else they are', () => {
    for (const state of WISH_STATES) {
      expect(outcome(state, 'claim', ['wisher', 'helper'])).toBe('403');
      expect(outcome(state, 'claim', ['wisher', 'helper', 'reviewer'])).toBe('403');
      expect(allowedWishActions(state, new Set(['wisher', 'helper']))).not.toContain('claim');
    }
    try {
      decideWish('published', 'claim', new Set(['wisher', 'helper']));
    } catch (e) {
      expect((e as DomainError).code).toBe('self_claim');
    }
  });

  it('an unreviewed wish cannot be claimed (409 with a reason)', () => {
    expect(() => decideWish('submitted', 'claim', new Set(['helper']))).toThrow(/尚未经社区审核/);
    expect(outcome('submitted', 'claim', ['helper'])).toBe('409');
  });

  it('a claimed wish cannot be claimed again', () => {
    expect(outcome('claimed', 'claim', ['helper'])).toBe('409');
    expect(outcome('claimed', 'claim', ['helper', 'claimant'])).toBe('409');
  });

  it('the wisher may cancel before the claim only; staff also after it', () => {
    expect(outcome('claimed', 'cancel', ['wisher'])).toBe('409');
    expect(outcome('claimed', 'cancel', ['reviewer'])).toBe('cancelled');
    expect(outcome('fulfilled', 'cancel', ['reviewer'])).toBe('409');
  });

  it('allowedWishActions lists exactly the actions decideWish accepts', () => {
    const combos: WishRelation[][] = [[], ...WISH_RELATIONS.map((r) => [r]), ['helper', 'claimant'], ['wisher', 'reviewer'], ['reviewer', 'helper']];
    for (const state of WISH_STATES) {
      for (const rels of combos) {
        const allowed = new Set(allowedWishActions(state, new Set(rels)));
        for (const action of WISH_ACTIONS) {
          const ok = !['403', '409'].includes(outcome(state, action, rels));
          expect(allowed.has(action), `${action} by ${rels.join('+')} in ${state}`).toBe(ok);
        }
      }
    }
  });

  it('terminal states allow nothing', () => {
    for (const state of ['confirmed', 'rejected', 'cancelled'] as const) {
      expect(allowedWishActions(state, new Set(WISH_RELATIONS))).toEqual([]);
    }
  });

  it('recognises its actions', () => {
    expect(isWishAction('claim')).toBe(true);
    expect(isWishAction('withdraw')).toBe(false);
  });
});
