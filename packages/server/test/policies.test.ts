import { describe, expect, it } from 'vitest';
import type { Role } from '@gongzhi/domain';
import { abilitiesOf, areaAllowedActions, canViewArea, personAllowedActions, type Actor } from '../src/policies/index.ts';

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

  it('offers edit to administrators and people to registry roles only', () => {
    expect(areaAllowedActions(actor(['admin'], '320614'), '320614103')).toEqual(['view', 'viewPeople', 'edit']);
    expect(areaAllowedActions(actor(['grid-worker'], '320614103001001'), '320614103001001')).toEqual(['view', 'viewPeople']);
    expect(areaAllowedActions(actor(['resident'], '320614103001001'), '320614103001001')).toEqual(['view']);
    expect(areaAllowedActions(actor(['resident'], '320614103001001'), '320614103001')).toEqual([]);
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
    expect(abilitiesOf(actor(['resident'], '320614103001001'))).toEqual(['areas.read']);
    expect(abilitiesOf(actor(['grid-worker'], '320614103001001'))).toContain('people.sensitive');
  });
});
