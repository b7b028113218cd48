// The dictionary parts (i18n/index.tsx): the public phone pages load a part of the dictionary, 回音壁 a larger one, every
// other page the whole. The parts nest, and a key resolves to the same words whichever part is loaded.
import { describe, expect, it } from 'vitest';
import { initialDictPart } from '../src/i18n/index.tsx';
import { publicZhCN } from '../src/i18n/public.zh-CN.ts';
import { publicEn } from '../src/i18n/public.en.ts';
import { wallZhCN } from '../src/i18n/wall.zh-CN.ts';
import { wallEn } from '../src/i18n/wall.en.ts';
import { zhCN } from '../src/i18n/zh-CN.ts';
import { en } from '../src/i18n/en.ts';

describe('dictionary parts', () => {
  it('a first page load asks for the part its page needs', () => {
    expect(initialDictPart('/m/report')).toBe('public');
    expect(initialDictPart('/m/track/')).toBe('public');
    expect(initialDictPart('/m/wall')).toBe('wall');
    expect(initialDictPart('/m/wall/')).toBe('wall');
    expect(initialDictPart('/m/wallet')).toBe('all');
    expect(initialDictPart('/m')).toBe('all');
    expect(initialDictPart('/m/reception')).toBe('all');
    expect(initialDictPart('/cases')).toBe('all');
  });

  const languages = [
    { name: 'zh-CN', parts: [publicZhCN, wallZhCN], all: zhCN as Partial<Record<string, string>> },
    { name: 'en', parts: [publicEn, wallEn], all: en as Partial<Record<string, string>> },
  ];
  for (const { name, parts, all } of languages) {
    it(`${name}: public ⊂ wall ⊂ all, each key with the words of the whole dictionary`, () => {
      const [pub, wall] = parts as [Partial<Record<string, string>>, Partial<Record<string, string>>];
      expect(Object.keys(pub).filter((k) => !(k in wall))).toEqual([]);
      expect(Object.keys(wall).length).toBeGreaterThan(Object.keys(pub).length);
      for (const part of parts) expect(Object.entries(part).filter(([k, v]) => all[k] !== v)).toEqual([]);
      // 回音壁's strips: the reception days, the red and black lists, the board's decisions and projects.
      for (const key of ['m.rc.title', 'prop.wall.red', 'prop.wall.black', 'proj.wall.decisions', 'proj.wall.projects']) expect(wall[key], key).toBeTruthy();
    });
  }
});
