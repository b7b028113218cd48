import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, CATALOGUE_BY_CODE, CATALOGUE_UNITS, INTAKE_EXAMPLES, reportFeatures, reportWords, seedClassifier, TextClassifier, UnitRouter } from '../src/index.ts';

describe('intake suggestion features', () => {
  it('segments Chinese into words with Intl.Segmenter, drops function words, adds character bigrams', () => {
    expect(reportWords('小区门口的路灯坏了')).toEqual(['小区', '门口', '路灯', '坏']);
    const f = reportFeatures('小区门口的路灯坏了');
    expect(f.get('路灯')).toBe(1);
    expect(f.get('#路灯')).toBe(0.5);
    expect(f.get('#灯坏')).toBe(0.5);
    expect(f.has('的')).toBe(false);
  });

  it('folds full-width letters and drops hotline boilerplate and numbers', () => {
    expect(reportWords('市民来电反映：ＡＢＣ小区3号楼电梯坏了，请尽快处理')).not.toContain('反映');
    expect(reportWords('ＡＢＣ小区')).toContain('abc');
    expect(reportWords('3号楼 2024')).not.toContain('2024');
    expect(reportFeatures('').size).toBe(0);
  });

  it("drops a grid worker's note opening as it drops the hotline's: two notes share no feature through it", () => {
    expect(reportFeatures('巡查发现：路灯不亮')).toEqual(reportFeatures('路灯不亮'));
    expect(reportFeatures('网格员走访发现：路灯不亮')).toEqual(reportFeatures('路灯不亮'));
    const lamp = reportFeatures('巡查发现：路灯不亮');
    const sign = reportFeatures('巡查发现：广告牌倒了');
    expect([...lamp.keys()].filter((f) => sign.has(f))).toEqual([]);
  });
});

describe('TextClassifier', () => {
  it('learns incrementally, scores 0..1 adding up to 1, best first, and unlearns', () => {
    const m = new TextClassifier();
    m.learn('lamp', '路灯不亮 晚上很黑');
    m.learn('noise', '广场舞音响太吵');
    const r = m.classify('路灯坏了不亮');
    expect(r[0]!.label).toBe('lamp');
    expect(r[0]!.score).toBeGreaterThan(r[1]!.score);
    expect(r.reduce((s, x) => s + x.score, 0)).toBeCloseTo(1, 6);
    for (const x of r) expect(x.score >= 0 && x.score <= 1).toBe(true);
    m.learn('noise', '路灯 路灯 路灯 嗡嗡响', 3);
    expect(m.classify('路灯')[0]!.label).toBe('noise');
    m.unlearn('noise', '路灯 路灯 路灯 嗡嗡响', 3);
    expect(m.classify('路灯')[0]!.label).toBe('lamp');
    expect(m.examplesOf('noise')).toBe(1);
  });

  it('explains with the words that decided it', () => {
    const m = seedClassifier(CATALOGUE);
    const [top] = m.classify('小区门口的路灯坏了，晚上黑乎乎的', { limit: 1 });
    expect(top!.label).toBe('B0110');
    expect(top!.words[0]).toBe('路灯');
    expect(top!.words).not.toContain('的');
  });

  it('is seeded from every leaf of the catalogue with examples, and never suggests a category', () => {
    const leaves = CATALOGUE.filter((c) => c.leaf).map((c) => c.code);
    const m = seedClassifier(CATALOGUE);
    expect(new Set(m.labels)).toEqual(new Set(leaves));
    for (const code of Object.keys(INTAKE_EXAMPLES)) expect(leaves).toContain(code);
    expect(leaves.every((c) => (INTAKE_EXAMPLES[c]?.length ?? 0) >= 4)).toBe(true);
    expect(m.classify('楼上每天半夜蹦跳，吵得睡不着', { limit: 1 })[0]!.label).toBe('G0202');
    expect(m.classify('田里有人烧秸秆，烟很大', { limit: 1 })[0]!.label).toBe('G0902');
  });

  it('names the everyday problems the catalogue added (docs/SMART-INTAKE.md "Catalogue additions"), and their neighbours keep theirs', () => {
    const m = seedClassifier(CATALOGUE);
    const top = (text: string) => m.classify(text, { limit: 1 })[0]!.label;
    expect(top('楼下空地上有人养了几只鸡天天打鸣')).toBe('0606');
    expect(top('雪后人行道上一层冰，走路直打滑')).toBe('0607');
    expect(top('小区道路边的车位被装上了锁')).toBe('0608');
    expect(top('公共绿地被挖开种了白菜')).toBe('0609');
    expect(top('水库边没有护栏也没有提醒')).toBe('B0605');
    expect(top('出租房被隔成了十几个格子间住满了人')).toBe('G0308');
    // A farm's manure is still livestock pollution, a road's railing still a road's, a locked fire lane still a fire lane.
    expect(top('养猪场的粪水流进了河')).toBe('G0904');
    expect(top('马路中间的护栏被车撞歪了')).toBe('B0204');
    expect(top('消防通道被人装了地锁堵住了')).toBe('G0304');
  });

  it('answers well within the latency budget', () => {
    const m = seedClassifier(CATALOGUE);
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) m.classify(`小区门口的路灯坏了${i}，晚上黑乎乎的，老人走路摔了一跤`, { limit: 5 });
    // Generous: the budget of the whole request, on a loaded machine.
    expect((performance.now() - t0) / 100).toBeLessThan(50);
  });
});

describe('UnitRouter', () => {
  const areaKeys = (code: string) => [12, 9].filter((n) => code.length >= n).map((n) => code.slice(0, n));

  it('starts from the default unit, learns the district’s dispatches, then the area’s', () => {
    const r = new UnitRouter(areaKeys);
    r.setDefault('G0803', 'fire');
    expect(r.rank([{ label: 'G0803', score: 1 }], '320614103001')[0]).toEqual({ unit: 'fire', score: 1, via: 'G0803' });
    // This community's stairwells are its property company's to clear.
    for (let i = 0; i < 5; i++) r.learn('G0803', 'property-a', '320614103001001');
    expect(r.rank([{ label: 'G0803', score: 1 }], '320614103001002')[0]!.unit).toBe('property-a');
    // Elsewhere the district's habit is still mixed with the default.
    const elsewhere = r.rank([{ label: 'G0803', score: 1 }], '320614101001');
    expect(elsewhere.map((u) => u.unit).sort()).toEqual(['fire', 'property-a']);
    // Units the area may not dispatch to are left out.
    expect(r.rank([{ label: 'G0803', score: 1 }], '320614103001', (u) => u !== 'property-a').map((u) => u.unit)).toEqual(['fire']);
  });

  it('sums over the likely types', () => {
    const r = new UnitRouter();
    r.setDefault('a', 'cg');
    r.setDefault('b', 'cg');
    r.setDefault('c', 'ga');
    const ranked = r.rank([{ label: 'c', score: 0.4 }, { label: 'a', score: 0.35 }, { label: 'b', score: 0.25 }], null);
    expect(ranked[0]!.unit).toBe('cg');
    expect(ranked[0]!.score).toBeCloseTo(0.6, 6);
  });
});

describe('the evaluation set', () => {
  it('has at least 500 reports over at least 40 leaf types, each with a unit, none of them a training example', () => {
    const file = path.join(import.meta.dirname, '../../server/bench/fixtures/intake-eval.jsonl');
    const rows = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; type: string; unit: string });
    expect(rows.length).toBeGreaterThanOrEqual(500);
    expect(new Set(rows.map((r) => r.type)).size).toBeGreaterThanOrEqual(40);
    const examples = new Set(Object.values(INTAKE_EXAMPLES).flat());
    for (const r of rows) {
      expect(CATALOGUE_BY_CODE.get(r.type)?.leaf, r.type).toBe(true);
      expect(Object.keys(CATALOGUE_UNITS), r.unit).toContain(r.unit);
      expect(examples.has(r.text), r.text).toBe(false);
    }
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
  });
});
