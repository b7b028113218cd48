import { describe, expect, it } from 'vitest';
import { caseSearchQuery, SEARCH_MAX_WORDS } from '../src/index.ts';

describe('caseSearchQuery', () => {
  it('asks for a Chinese word as its character pairs one after another', () => {
    expect(caseSearchQuery('路灯不亮').tsquery).toBe(`('路灯' <-> '灯不' <-> '不亮')`);
    expect(caseSearchQuery('路灯').tsquery).toBe(`'路灯'`);
  });
  it('joins words with AND; spaces and punctuation separate words', () => {
    expect(caseSearchQuery(' 路灯，不亮 ').tsquery).toBe(`'路灯' & '不亮'`);
    expect(caseSearchQuery('路灯 不亮').words).toEqual(['路灯', '不亮']);
  });
  it('takes Latin letters and digits as word starts, lower case, full-width folded', () => {
    expect(caseSearchQuery('Road5号楼').tsquery).toBe(`'road5':* & '号楼'`);
    expect(caseSearchQuery('ＡＢ１２').tsquery).toBe(`'ab12':*`);
  });
  it('leaves a single Chinese character to a substring match', () => {
    const s = caseSearchQuery('井 盖');
    expect(s.tsquery).toBeNull();
    expect(s.singles).toEqual(['井', '盖']);
    expect(caseSearchQuery('3 楼 漏水')).toMatchObject({ tsquery: `'3':* & '漏水'`, singles: ['楼'] });
  });
  it('never lets quotes or operators through', () => {
    const s = caseSearchQuery(`路灯' | !x & (y) <-> :*`);
    expect(s.tsquery).toBe(`'路灯' & 'x':* & 'y':*`);
    expect(caseSearchQuery(`'"&|!()<>:*`).tsquery).toBeNull();
  });
  it('recognises a case code', () => {
    expect(caseSearchQuery('gb20261204').code).toBe('GB20261204');
    expect(caseSearchQuery('20261204000').code).toBe('20261204000');
    expect(caseSearchQuery('路灯').code).toBeNull();
  });
  it(`keeps at most ${SEARCH_MAX_WORDS} words of at most 20 characters`, () => {
    expect(caseSearchQuery('a b c d e f g h i j').words).toHaveLength(SEARCH_MAX_WORDS);
    const long = caseSearchQuery('一二三四五六七八九十一二三四五六七八九十一二三');
    expect(long.words[0]).toHaveLength(20);
    expect(long.tsquery?.split('<->')).toHaveLength(19);
  });
  it('answers an empty query with nothing to search', () => {
    expect(caseSearchQuery('  ')).toEqual({ tsquery: null, singles: [], code: null, words: [] });
  });
});
