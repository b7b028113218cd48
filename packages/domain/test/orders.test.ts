import { describe, expect, it } from 'vitest';
import {
  allowedOrderActions,
  decideOrder,
  DomainError,
  isOrderAction,
  ORDER_ACTIONS,
  ORDER_RELATIONS,
  ORDER_STATES,
  STANDARD_SERVICE_TEAMS,
  type OrderAction,
  type OrderRelation,
  type OrderState,
} from '../src/index.ts';

/** The workflow written out by hand, independently of the rule table: "action: relation@state→next". */
const SPEC = `
dispatch: manager@ordered→dispatched
reassign: manager@dispatched→dispatched manager@taken→dispatched
take: assignee@dispatched→taken
decline: assignee@dispatched→ordered
complete: taker@taken→completed
rate: orderer@completed→rated
cancel: orderer@ordered→cancelled orderer@dispatched→cancelled manager@ordered→cancelled manager@dispatched→cancelled manager@taken→cancelled
`;

/** Relations that may take an action in some state (→ otherwise 403). */
const EVER: Record<OrderAction, OrderRelation[]> = {
  dispatch: ['manager'],
  reassign: ['manager'],
  take: ['assignee'],
  decline: ['assignee'],
  complete: ['taker'],
  rate: ['orderer'],
  cancel: ['orderer', 'manager'],
};

const expected = new Map<string, OrderState>();
for (const line of SPEC.trim().split('\n')) {
  const [action, rest] = line.split(': ') as [string, string];
  for (const item of rest.split(' ')) {
    const [who, transition] = item.split('@') as [string, string];
    const [from, to] = transition.split('→') as [string, string];
    expected.set(`${action}|${who}|${from}`, to as OrderState);
  }
}

function outcome(state: OrderState, action: OrderAction, rels: OrderRelation[]): string {
  try {
    return decideOrder(state, action, new Set(rels)).to;
  } catch (e) {
    if (e instanceof DomainError) return e.kind === 'forbidden' ? '403' : '409';
    throw e;
  }
}

describe('order workflow: every action × every state × every relation', () => {
  for (const action of ORDER_ACTIONS) {
    it(action, () => {
      for (const state of ORDER_STATES) {
        for (const rel of ORDER_RELATIONS) {
          const want = expected.get(`${action}|${rel}|${state}`) ?? (EVER[action].includes(rel) ? '409' : '403');
          expect(outcome(state, action, [rel]), `${action} by ${rel} in ${state}`).toBe(want);
        }
        expect(outcome(state, action, []), `${action} by nobody in ${state}`).toBe('403');
      }
    });
  }
});

describe('rules of 点单-派单-接单', () => {
  it('the orderer never takes their own order, whatever else they are', () => {
    for (const state of ORDER_STATES) {
      expect(outcome(state, 'take', ['orderer', 'assignee'])).toBe('403');
      expect(allowedOrderActions(state, new Set(['orderer', 'assignee', 'manager']))).not.toContain('take');
    }
    expect(() => decideOrder('dispatched', 'take', new Set(['orderer', 'assignee']))).toThrow(/不能承接自己/);
  });

  it('a declined order goes back to the community; an order once taken cannot be declined or cancelled by the resident', () => {
    expect(outcome('dispatched', 'decline', ['assignee'])).toBe('ordered');
    expect(outcome('taken', 'decline', ['assignee', 'taker'])).toBe('409');
    expect(outcome('taken', 'cancel', ['orderer'])).toBe('409');
    expect(outcome('taken', 'cancel', ['manager'])).toBe('cancelled');
  });

  it('rating happens once, after completion only', () => {
    expect(outcome('taken', 'rate', ['orderer'])).toBe('409');
    expect(outcome('rated', 'rate', ['orderer'])).toBe('409');
  });

  it('allowedOrderActions lists exactly the actions decideOrder accepts', () => {
    const combos: OrderRelation[][] = [[], ...ORDER_RELATIONS.map((r) => [r]), ['assignee', 'taker'], ['orderer', 'manager'], ['manager', 'assignee'], ['orderer', 'assignee']];
    for (const state of ORDER_STATES) {
      for (const rels of combos) {
        const allowed = new Set(allowedOrderActions(state, new Set(rels)));
        for (const action of ORDER_ACTIONS) {
          const ok = !['403', '409'].includes(outcome(state, action, rels));
          expect(allowed.has(action), `${action} by ${rels.join('+')} in ${state}`).toBe(ok);
        }
      }
    }
  });

  it('terminal states allow nothing', () => {
    for (const state of ['rated', 'cancelled'] as const) expect(allowedOrderActions(state, new Set(ORDER_RELATIONS))).toEqual([]);
  });

  it('the eight standard teams of the 基层治理服务团', () => {
    expect(STANDARD_SERVICE_TEAMS.map((t) => t.name)).toEqual([
      '政策理论宣讲服务队',
      '发展富民指导服务队',
      '平安法治服务队',
      '矛盾纠纷调解服务队',
      '城乡环境整治服务队',
      '文明新风传播服务队',
      '为民事项代办服务队',
      '民生公益保障服务队',
    ]);
    expect(isOrderAction('take')).toBe(true);
    expect(isOrderAction('claim')).toBe(false);
  });
});
