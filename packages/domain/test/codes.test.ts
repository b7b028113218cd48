import { describe, expect, it } from 'vitest';
import {
  ancestryOf,
  childLevelOf,
  cockpitChildLevelOf,
  isAreaCode,
  isValidIdNumber,
  isValidMobile,
  isWithinScope,
  levelOfCode,
  maskIdNumber,
  maskName,
  maskPhone,
  parentCodeOf,
  shortVillageName,
  townKindOf,
  villageKindOf,
} from '../src/index.ts';

describe('area codes', () => {
  it('parse levels from fixed widths', () => {
    expect(levelOfCode('320614')).toBe('district');
    expect(levelOfCode('320614103')).toBe('town');
    expect(levelOfCode('320614103001')).toBe('village');
    expect(levelOfCode('320614103001001')).toBe('grid');
    expect(levelOfCode('320614103001001001')).toBe('building');
    expect(levelOfCode('32061410300100100101')).toBe('unit');
    for (const bad of ['', '3206', '32061410', 'abcdef', '320614 ', '3206141030010011', '３２０６１４']) {
      expect(levelOfCode(bad)).toBeNull();
      expect(isAreaCode(bad)).toBe(false);
    }
  });

  it('know parents and ancestry', () => {
    expect(parentCodeOf('320614')).toBeNull();
    expect(parentCodeOf('320614103')).toBe('320614');
    expect(parentCodeOf('32061410300100100101')).toBe('320614103001001001');
    expect(ancestryOf('320614103001001')).toEqual(['320614', '320614103', '320614103001', '320614103001001']);
  });

  it('the cockpit drills from the district down to the grid, and no further', () => {
    expect(cockpitChildLevelOf('district')).toBe('town');
    expect(cockpitChildLevelOf('town')).toBe('village');
    expect(cockpitChildLevelOf('village')).toBe('grid');
    expect(childLevelOf('grid')).toBe('building');
    expect(cockpitChildLevelOf('grid')).toBeNull();
    expect(cockpitChildLevelOf('building')).toBeNull();
  });

  it('scope is a prefix match on whole levels', () => {
    expect(isWithinScope('320614103001', '320614103')).toBe(true);
    expect(isWithinScope('320614103', '320614103')).toBe(true);
    expect(isWithinScope('320614103', '320614103001')).toBe(false);
    expect(isWithinScope('320614104001', '320614103')).toBe(false);
    expect(isWithinScope('320614103001', '32061410300')).toBe(false);
    expect(isWithinScope('x', '320614')).toBe(false);
  });

  it('classify town and village segments by the statistical rules', () => {
    expect(townKindOf('320614001')).toBe('street');
    expect(townKindOf('320614103')).toBe('town');
    expect(townKindOf('320614201')).toBe('township');
    expect(townKindOf('320614400')).toBe('zone');
    expect(villageKindOf('320614103001')).toBe('community');
    expect(villageKindOf('320614103201')).toBe('village');
    expect(shortVillageName('状元街居委会')).toBe('状元街社区');
    expect(shortVillageName('颐生村村委会')).toBe('颐生村');
    expect(shortVillageName('东风新村社区居委会')).toBe('东风新村社区');
  });
});

describe('personal numbers', () => {
  it('validate ID numbers with the GB 11643 check character', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491331002X')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
  });
  it('validate mobile numbers', () => {
    expect(isValidMobile('13812345678')).toBe(true);
    expect(isValidMobile('12812345678')).toBe(false);
    expect(isValidMobile('1381234567')).toBe(false);
  });
  it('mask to the last four digits', () => {
    expect(maskIdNumber('002X')).toBe('**************002X');
    expect(maskPhone('5678')).toBe('*******5678');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧***');
  });
});
