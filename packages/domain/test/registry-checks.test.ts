import { describe, expect, it } from 'vitest';
import { birthDateOfId, buildingKey, doorKey, genderOfId, householdEventOutcome, idCheckChar, idNumberProblem, parsePhone, unitKey } from '../src/index.ts';

const withCheck = (first17: string) => first17 + idCheckChar(first17);
const today = new Date('2026-12-03T04:00:00Z'); // 12:00 in China

describe('GB 11643 identity numbers', () => {
  it('accepts a valid number, with X and a lower-case x', () => {
    expect(idNumberProblem('11010519491231002X', today)).toBeNull();
    expect(idNumberProblem('11010519491231002x', today)).toBeNull();
    expect(idNumberProblem(withCheck('32068419800101001'), today)).toBeNull();
    // Full-width digits typed with a Chinese IME.
    expect(idNumberProblem('１１０１０５１９４９１２３１００２Ｘ', today)).toBeNull();
  });
  it('wants exactly 18 characters', () => {
    expect(idNumberProblem('11010519491231002', today)).toBe('length');
    expect(idNumberProblem('11010519491231002X1', today)).toBe('length');
    expect(idNumberProblem('110105491231002', today)).toBe('length'); // the old 15-digit form
  });
  it('wants digits and a final digit or X', () => {
    expect(idNumberProblem('1101051949123100XX', today)).toBe('characters');
    expect(idNumberProblem('11010519491231002Y', today)).toBe('characters');
  });
  it('wants a real date of birth, not in the future, not before 1900', () => {
    expect(idNumberProblem(withCheck('32068420230229001'), today)).toBe('birth-date'); // not a leap year
    expect(idNumberProblem(withCheck('32068420240229001'), today)).toBeNull(); // leap year
    expect(idNumberProblem(withCheck('32068419801301001'), today)).toBe('birth-date');
    expect(idNumberProblem(withCheck('32068419800431001'), today)).toBe('birth-date');
    expect(idNumberProblem(withCheck('32068418991231001'), today)).toBe('birth-date');
    expect(idNumberProblem(withCheck('32068419000101001'), today)).toBeNull();
    expect(idNumberProblem(withCheck('32068420261203001'), today)).toBeNull(); // born today
    expect(idNumberProblem(withCheck('32068420261204001'), today)).toBe('birth-date'); // tomorrow
  });
  it('checks the ISO 7064 MOD 11-2 character', () => {
    expect(idNumberProblem('110105194912310021', today)).toBe('check-character');
    const good = withCheck('32068419800101001');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(idNumberProblem(wrong, today)).toBe('check-character');
  });
  it('reads the date of birth and the gender', () => {
    expect(birthDateOfId('11010519491231002X')).toBe('1949-12-31');
    expect(genderOfId('11010519491231002X')).toBe('female');
    expect(genderOfId(withCheck('32068419800101001'))).toBe('male');
  });
});

describe('mainland telephone numbers', () => {
  it('accepts mobiles 13x–19x, with +86', () => {
    expect(parsePhone('13912345678')).toEqual({ kind: 'mobile', value: '13912345678' });
    expect(parsePhone('199 1234 5678')).toEqual({ kind: 'mobile', value: '19912345678' });
    expect(parsePhone('+8613912345678')).toEqual({ kind: 'mobile', value: '13912345678' });
    expect(parsePhone('12912345678')).toBeNull();
    expect(parsePhone('1391234567')).toBeNull();
    expect(parsePhone('139123456789')).toBeNull();
  });
  it('accepts landlines with a 3- or 4-digit area code and a 7- or 8-digit number', () => {
    expect(parsePhone('0513-82123456')).toEqual({ kind: 'landline', value: '0513-82123456' });
    expect(parsePhone('051382123456')).toEqual({ kind: 'landline', value: '0513-82123456' });
    expect(parsePhone('(010)62345678')).toEqual({ kind: 'landline', value: '010-62345678' });
    expect(parsePhone('021-6234567')).toEqual({ kind: 'landline', value: '021-6234567' });
    expect(parsePhone('0513-8212345')).toEqual({ kind: 'landline', value: '0513-8212345' });
    expect(parsePhone('0513-821234')).toBeNull(); // 6 digits
    expect(parsePhone('0513-821234567')).toBeNull(); // 9 digits
    expect(parsePhone('0513-02123456')).toBeNull(); // local number starts with 0
    expect(parsePhone('0113-82123456')).toBeNull(); // no area code 011x
    expect(parsePhone('12345')).toBeNull();
    expect(parsePhone('')).toBeNull();
  });
});

describe('address parts', () => {
  it('meets the usual spellings of buildings, units and doors', () => {
    for (const b of ['3幢', '3栋', '3号楼', '3号', '3', '３幢']) expect(buildingKey(b)).toBe('3');
    expect(buildingKey('5组')).toBe('5');
    expect(unitKey('2单元')).toBe(unitKey('2'));
    expect(doorKey('301室')).toBe(doorKey('301'));
    expect(doorKey('18号')).toBe('18');
  });
});

describe('household events', () => {
  const today = '2026-12-03';
  const member = { status: 'active' as const, householdId: 'h1', birthDate: '1980-01-01' };
  it('moves a person in, out of another household the same day', () => {
    expect(householdEventOutcome('move-in', { status: 'active', householdId: 'h2', birthDate: null }, 'h1', today, today)).toEqual({ status: 'active', householdId: 'h1', leaves: 'h2' });
    expect(householdEventOutcome('move-in', { status: 'moved-out', householdId: null, birthDate: null }, 'h1', today, today)).toEqual({ status: 'active', householdId: 'h1', leaves: null });
    expect(householdEventOutcome('move-in', member, 'h1', today, today)).toEqual({ problem: 'already-member' });
  });
  it('moves out and records a death only for a current member', () => {
    expect(householdEventOutcome('move-out', member, 'h1', today, today)).toEqual({ status: 'moved-out', householdId: null, leaves: null });
    expect(householdEventOutcome('death', member, 'h1', today, today)).toEqual({ status: 'deceased', householdId: 'h1', leaves: null });
    expect(householdEventOutcome('move-out', member, 'h2', today, today)).toEqual({ problem: 'not-member' });
    expect(householdEventOutcome('move-in', { ...member, status: 'deceased' }, 'h2', today, today)).toEqual({ problem: 'deceased' });
  });
  it('takes dates up to today and from the date of birth', () => {
    expect(householdEventOutcome('move-out', member, 'h1', '2026-12-04', today)).toEqual({ problem: 'future-date' });
    expect(householdEventOutcome('move-out', member, 'h1', '1979-12-31', today)).toEqual({ problem: 'before-birth' });
    expect(householdEventOutcome('move-out', member, 'h1', '1980-01-01', today)).toMatchObject({ status: 'moved-out' });
  });
});
