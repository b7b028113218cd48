import { describe, expect, it } from 'vitest';
import { placeName } from '../src/index.ts';

const chain = [
  { level: 'district', name: '海门区' },
  { level: 'town', name: '常乐镇' },
  { level: 'village', name: '状元街居委会' },
  { level: 'grid', name: '第一网格' },
  { level: 'building', name: '3幢' },
  { level: 'unit', name: '2单元' },
];

describe('placeName', () => {
  it('reads from the village down, the address part run together', () => {
    expect(placeName(chain, '101室')).toBe('状元街居委会 第一网格 3幢2单元101室');
    expect(placeName(chain.slice(0, 4))).toBe('状元街居委会 第一网格');
    expect(placeName(chain.slice(0, 5))).toBe('状元街居委会 第一网格 3幢');
  });
  it('names the town when the place is above any village', () => {
    expect(placeName(chain.slice(0, 2))).toBe('常乐镇');
    expect(placeName([])).toBe('');
  });
});
