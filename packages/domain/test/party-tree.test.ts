import { describe, expect, it } from 'vitest';
import { jointBranchArea, orgPlacementProblem } from '../src/index.ts';

const TOWN = { kind: 'town-committee', areaCode: '320614103' };
const VILLAGE = { kind: 'village-org', areaCode: '320614103001' };
const GRID = { kind: 'grid-branch', areaCode: '320614103001001' };

describe('the organisation tree (五级链条, 1+2+N+X)', () => {
  it('places each kind under its parent kinds, at its levels, inside the parent’s area', () => {
    expect(orgPlacementProblem('town-committee', '320614103', null)).toBeNull();
    expect(orgPlacementProblem('village-org', '320614103001', TOWN)).toBeNull();
    expect(orgPlacementProblem('grid-branch', '320614103001001', VILLAGE)).toBeNull();
    expect(orgPlacementProblem('functional-branch', '320614103001', VILLAGE)).toBeNull();
    expect(orgPlacementProblem('building-group', '320614103001001001', GRID)).toBeNull();
    expect(orgPlacementProblem('compound-branch', '320614103001001001', GRID)).toBeNull();
    expect(orgPlacementProblem('joint-branch', '320614103001001', GRID)).toBeNull();
  });

  it('refuses the wrong parent, level or area', () => {
    expect(orgPlacementProblem('grid-branch', '320614103001001', TOWN)).toBe('网格党支部的上级应为村（社区）党组织');
    expect(orgPlacementProblem('grid-branch', '320614103001', VILLAGE)).toBe('网格党支部应设在网格，所选区域是村（社区）');
    expect(orgPlacementProblem('grid-branch', '320614103002001', VILLAGE)).toBe('下级组织覆盖的区域须在上级组织的区域之内');
    expect(orgPlacementProblem('village-org', '320614103001', null)).toMatch(/须有上级组织/);
    expect(orgPlacementProblem('town-committee', '320614103', VILLAGE)).toMatch(/顶层/);
    expect(orgPlacementProblem('building-group', '320614103001001001', VILLAGE)).toMatch(/上级应为/);
  });

  it('gives a joint branch the grid its compounds share, else their village', () => {
    expect(jointBranchArea(['320614103001001001', '320614103001001002'])).toBe('320614103001001');
    expect(jointBranchArea(['320614103001001001', '320614103001002001'])).toBe('320614103001');
    expect(jointBranchArea(['320614103001001001', '320614103002001001'])).toBeNull();
    expect(jointBranchArea([])).toBeNull();
  });
});
