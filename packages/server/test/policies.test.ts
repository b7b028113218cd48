import { describe, expect, it } from 'vitest';
import type { Role } from '@gongzhi/domain';
import { abilitiesOf, areaAllowedActions, canAddChildArea, canEditTerritory, canViewArea, personAllowedActions, type Actor } from '../src/policies/index.ts';

const actor = (roles: Role[], scopeCode: string): Actor => ({
  id: '00000000-0000-0000-0000-000000000000',
  username: 'u',
  displayName: 'u',
  roles,
  scopeCode,
  scopeName: '',
  scopeLevel: 'district',
  unitId: null,
  personId: null,
});

describe('area policy', () => {
  it('lets an actor see its scope and everything below, nothing beside or above', () => {
    const community = actor(['community-worker'], '320614103001');
    expect(canViewArea(community, '320614103001')).toBe(true);
    expect(canViewArea(community, '320614103001002')).toBe(true);
    expect(canViewArea(community, '320614103002')).toBe(false);
    expect(canViewArea(community, '320614103')).toBe(false);
    expect(canViewArea(community, '32061410300')).toBe(false);
  });

  it('offers edit to territory editors and people to registry roles only', () => {
    expect(areaAllowedActions(actor(['admin'], '320614'), '320614103')).toEqual(['view', 'viewPeople', 'edit', 'addChild']);
    expect(areaAllowedActions(actor(['leader'], '320614'), '320614103')).toEqual(['view', 'viewPeople']);
    expect(areaAllowedActions(actor(['grid-worker'], '320614103001001'), '320614103001001')).toEqual(['view', 'viewPeople', 'addChild']);
    expect(areaAllowedActions(actor(['resident'], '320614103001001'), '320614103001001')).toEqual(['view']);
    expect(areaAllowedActions(actor(['resident'], '320614103001001'), '320614103001')).toEqual([]);
  });
});

describe('territory policy', () => {
  it('the administrator edits every area of its scope, the scope included', () => {
    const admin = actor(['admin'], '320614');
    for (const code of ['320614', '320614103', '320614103001', '320614103001001', '320614103001001001', '32061410300100100101']) {
      expect(canEditTerritory(admin, code), code).toBe(true);
    }
    expect(canEditTerritory(admin, '320615001')).toBe(false);
    expect(canAddChildArea(admin, '32061410300100100101')).toBe(false); // nothing below a unit
  });

  it('command centres and community workers edit below their own area only', () => {
    const district = actor(['district-dispatcher'], '320614');
    expect(canEditTerritory(district, '320614')).toBe(false);
    expect(canEditTerritory(district, '320614103')).toBe(true);
    expect(canAddChildArea(district, '320614')).toBe(true);
    const town = actor(['town-dispatcher'], '320614103');
    expect(canEditTerritory(town, '320614103')).toBe(false);
    expect(canEditTerritory(town, '320614103201')).toBe(true);
    expect(canEditTerritory(town, '320614102001')).toBe(false);
    expect(canAddChildArea(town, '320614103')).toBe(true);
    const community = actor(['community-worker'], '320614103001');
    expect(canEditTerritory(community, '320614103001')).toBe(false);
    expect(canEditTerritory(community, '320614103001004')).toBe(true);
    expect(canEditTerritory(community, '320614103002001')).toBe(false);
    expect(canAddChildArea(community, '320614103001')).toBe(true);
    expect(canAddChildArea(community, '320614103')).toBe(false);
  });

  it('a grid worker adds buildings and units in its grid, never redraws the grid', () => {
    const grid = actor(['grid-worker'], '320614103001001');
    expect(canEditTerritory(grid, '320614103001001')).toBe(false);
    expect(canAddChildArea(grid, '320614103001001')).toBe(true);
    expect(canEditTerritory(grid, '320614103001001003')).toBe(true);
    expect(canEditTerritory(grid, '320614103001002003')).toBe(false);
  });

  it('leaders, party roles, departments, residents and merchants never edit', () => {
    for (const role of ['leader', 'party-secretary', 'party-member', 'department-handler', 'resident', 'merchant', 'building-leader', 'auditor', 'security'] as const) {
      const a = actor([role], '320614103001001');
      expect(canEditTerritory(a, '320614103001001001'), role).toBe(false);
      expect(canAddChildArea(a, '320614103001001'), role).toBe(false);
    }
  });
});

describe('person policy', () => {
  const inGrid = { areaCode: '32061410300100100101' };
  it('reveal and edit for grid and community workers inside their scope', () => {
    expect(personAllowedActions(actor(['grid-worker'], '320614103001001'), inGrid)).toEqual(['view', 'reveal', 'edit']);
    expect(personAllowedActions(actor(['community-worker'], '320614103001'), inGrid)).toEqual(['view', 'reveal', 'edit']);
    expect(personAllowedActions(actor(['grid-worker'], '320614103001002'), inGrid)).toEqual([]);
  });
  it('view only for leaders and dispatchers; nothing for residents and departments', () => {
    expect(personAllowedActions(actor(['leader'], '320614'), inGrid)).toEqual(['view']);
    expect(personAllowedActions(actor(['town-dispatcher'], '320614103'), inGrid)).toEqual(['view']);
    expect(personAllowedActions(actor(['resident'], '320614103001001'), inGrid)).toEqual([]);
    expect(personAllowedActions(actor(['department-handler'], '320614'), inGrid)).toEqual([]);
  });
  it('abilities follow the roles', () => {
    expect(abilitiesOf(actor(['admin'], '320614'))).toEqual(expect.arrayContaining(['users.manage', 'people.read']));
    expect(abilitiesOf(actor(['admin'], '320614'))).not.toContain('audit.read');
    expect(abilitiesOf(actor(['auditor'], '320614'))).toEqual(['areas.read', 'audit.read', 'chain.verify']);
    expect(abilitiesOf(actor(['admin'], '320614'))).not.toContain('chain.verify');
    expect(abilitiesOf(actor(['resident'], '320614103001001'))).toEqual(['areas.read', 'surveys.answer', 'conventions.mine']);
    expect(abilitiesOf(actor(['grid-worker'], '320614103001001'))).toContain('people.sensitive');
  });
});
