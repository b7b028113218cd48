import { describe, expect, it } from 'vitest';
import { ROLE_LABELS, STAFF_POST_INFO, STAFF_POSTS, staffPostAreaProblem, UNCOUNTED_STAFF_POSTS } from '../src/index.ts';

describe('posts of 一格多员', () => {
  it('holds each post at its level of area', () => {
    expect(staffPostAreaProblem('grid-leader', '320614103001001')).toBeNull();
    expect(staffPostAreaProblem('building-leader', '320614103001001001')).toBeNull();
    expect(staffPostAreaProblem('unit-leader', '32061410300100100101')).toBeNull();
    expect(staffPostAreaProblem('sunk-cadre', '320614103001')).toBeNull();
    expect(staffPostAreaProblem('building-leader', '320614103001001')).toBe('楼栋长应任命到楼栋，所选区域是网格');
    expect(staffPostAreaProblem('unit-leader', '320614103001001001')).toMatch(/单元/);
    expect(staffPostAreaProblem('grid-worker', '32061410')).toMatch(/无效代码/);
  });

  it('gives accounts the roles of the post, with labels', () => {
    for (const p of STAFF_POSTS) for (const r of STAFF_POST_INFO[p].roles) expect(ROLE_LABELS[r].zh).toBeTruthy();
    expect(STAFF_POST_INFO['unit-leader'].roles).toEqual(['building-leader']);
    expect(STAFF_POST_INFO['info-worker'].roles).toEqual(['info-worker']);
  });

  it('counts only full-time community staff against the benchmark of 004', () => {
    expect(UNCOUNTED_STAFF_POSTS).toEqual(['grid-worker-part', 'info-worker', 'building-leader', 'unit-leader', 'sunk-cadre']);
  });
});
