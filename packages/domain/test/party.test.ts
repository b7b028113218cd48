import { describe, expect, it } from 'vitest';
import { branchFormation, FIXED_PARTY_POSTS, qualifiesForOwnBranch, type Compound } from '../src/index.ts';

const c = (code: string, members: number, hasProperty = true, fenced = true): Compound => ({ code, members, hasProperty, fenced });
const codes = (xs: Compound[]) => xs.map((x) => x.code);

describe('the branch formation rule of 003', () => {
  it('gives a fenced compound with property management and ≥ 3 members its own branch', () => {
    expect(qualifiesForOwnBranch(c('a', 3))).toBe(true);
    expect(qualifiesForOwnBranch(c('a', 2))).toBe(false);
    expect(qualifiesForOwnBranch(c('a', 9, false, true))).toBe(false);
    expect(qualifiesForOwnBranch(c('a', 9, true, false))).toBe(false);
  });

  it('groups the other compounds, in code order, into joint branches of ≥ 3 members', () => {
    const r = branchFormation([c('05', 1), c('01', 4), c('02', 1, false), c('03', 2, true, false), c('04', 0), c('06', 5, false)]);
    expect(codes(r.own)).toEqual(['01']);
    expect(r.joint.map(codes)).toEqual([['02', '03'], ['04', '05', '06']]);
  });

  it('joins a trailing group short of members to the group before it', () => {
    const r = branchFormation([c('1', 3, false), c('2', 1, false), c('3', 0, false)]);
    expect(r.joint.map(codes)).toEqual([['1', '2', '3']]);
  });

  it('leaves no compound out, even when there are too few members for any branch', () => {
    const r = branchFormation([c('x', 1, false), c('y', 0)]);
    expect(r.own).toEqual([]);
    expect(r.joint.map(codes)).toEqual([['x', 'y']]);
    expect(branchFormation([])).toEqual({ own: [], joint: [] });
  });

  it('every compound lands in exactly one branch', () => {
    const input = Array.from({ length: 40 }, (_, i) => c(String(i).padStart(2, '0'), (i * 7) % 5, i % 3 !== 0, i % 4 !== 0));
    const r = branchFormation(input);
    const all = [...codes(r.own), ...r.joint.flatMap(codes)].sort();
    expect(all).toEqual(input.map((x) => x.code).sort());
    for (const g of r.joint.slice(0, -1)) expect(g.reduce((s, x) => s + x.members, 0)).toBeGreaterThanOrEqual(3);
  });
});

describe('posts (设岗定责)', () => {
  it('has the five fixed posts of 003', () => {
    expect(FIXED_PARTY_POSTS.map((p) => p.name)).toEqual(['理论宣传岗', '治安联防岗', '文明劝导岗', '环境卫生督导岗', '关爱互助岗']);
  });
});
