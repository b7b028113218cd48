import { describe, expect, it } from 'vitest';
import { personNumbers } from '../src/lib/validate.ts';

describe('the numbers of a person form', () => {
  it('a new person: blank numbers are null, filled ones trimmed (the X upper case)', () => {
    expect(personNumbers({}, false)).toEqual({ idNumber: null, phone: null });
    expect(personNumbers({ idNumber: ' 32061419600101001x ', phone: ' 13912345678 ' }, false)).toEqual({ idNumber: '32061419600101001X', phone: '13912345678' });
  });
  it('an edit: blank numbers are left out (unchanged), filled ones replace', () => {
    expect(personNumbers({ idNumber: '  ', phone: '' }, true)).toEqual({});
    expect(personNumbers({ phone: '13987654321' }, true)).toEqual({ phone: '13987654321' });
  });
});
