// Chinese personal names: surnames weighted for Haimen (and nationally, for migrants),
// given names typical of the birth decade.

import { type Rng, type WeightedTable, weightedTable } from './random.ts';

/** Haimen surnames, roughly by frequency (陆, 施, 黄, 张 … are the big local ones). */
export const HAIMEN_SURNAMES = weightedTable<string>([
  ['陆', 6], ['施', 6], ['黄', 5], ['张', 5], ['王', 5], ['陈', 5], ['沈', 4], ['顾', 4],
  ['杨', 4], ['季', 3.5], ['徐', 3.5], ['朱', 3.5], ['龚', 3], ['倪', 3], ['茅', 2.5], ['袁', 2.5],
  ['刘', 2.5], ['李', 2.5], ['周', 2.5], ['吴', 2.5], ['姜', 2], ['蔡', 2], ['郁', 1.5], ['邱', 1.5],
  ['曹', 1.5], ['范', 1.5], ['瞿', 1.5], ['宋', 1.5], ['孙', 1.5], ['秦', 1], ['郭', 1], ['钱', 1],
  ['赵', 1], ['汤', 1], ['丁', 1], ['俞', 1], ['凌', 1], ['成', 1], ['樊', 1], ['蒋', 1],
  ['江', 1], ['唐', 1], ['葛', 1], ['邢', 1], ['彭', 1], ['卢', 1], ['石', 1], ['严', 1],
  ['许', 1], ['郑', 1], ['高', 1], ['冯', 0.8], ['何', 0.8], ['胡', 0.8], ['马', 0.8], ['罗', 0.6],
  ['梁', 0.6], ['管', 0.5], ['宗', 0.5], ['仇', 0.5], ['褚', 0.5], ['虞', 0.5], ['欧阳', 0.1],
]);

/** National surname distribution, for the floating population. */
export const NATIONAL_SURNAMES = weightedTable<string>([
  ['王', 7], ['李', 7], ['张', 7], ['刘', 5], ['陈', 4.5], ['杨', 3], ['黄', 2.3], ['赵', 2.2],
  ['吴', 2], ['周', 2], ['徐', 1.5], ['孙', 1.5], ['马', 1.5], ['朱', 1.3], ['胡', 1.3], ['郭', 1.2],
  ['何', 1.2], ['高', 1.1], ['林', 1.1], ['罗', 1.1], ['郑', 1], ['梁', 1], ['谢', 0.8], ['宋', 0.8],
  ['唐', 0.8], ['许', 0.7], ['韩', 0.7], ['冯', 0.7], ['邓', 0.7], ['曹', 0.6], ['彭', 0.6], ['曾', 0.6],
  ['肖', 0.6], ['田', 0.6], ['董', 0.5], ['袁', 0.5], ['潘', 0.5], ['于', 0.5], ['蒋', 0.5], ['蔡', 0.5],
  ['余', 0.5], ['杜', 0.5], ['叶', 0.5], ['程', 0.5], ['魏', 0.4], ['苏', 0.4], ['吕', 0.4], ['丁', 0.4],
  ['任', 0.4], ['龙', 0.3], ['熊', 0.3], ['万', 0.3],
]);

interface NamePool {
  /** Share of one-character given names. */
  single: number;
  male: { first: string; second: string; one: string };
  female: { first: string; second: string; one: string };
}

// Characters as strings (split into arrays below) keep the tables compact.
const POOLS: { until: number; pool: NamePool }[] = [
  {
    until: 1949,
    pool: {
      single: 0.06,
      male: { first: '金福德根士志炳洪桂锦树国永兆寿仁荣宝庆茂祥文', second: '生林明清元宝才祥发昌荣泉山良海兴贵忠和章', one: '忠仁义德福明林' },
      female: { first: '秀桂凤玉金兰菊月素美彩淑翠珍杏', second: '英兰珍芳娣妹凤云贞仙花宝琴', one: '英兰娣珍' },
    },
  },
  {
    until: 1969,
    pool: {
      single: 0.15,
      male: { first: '建国卫红志永振海新爱跃忠德文明金春学俊', second: '国华平强东军民林明兵刚生忠成清进荣良泉祥', one: '兵军勇平强华斌明伟' },
      female: { first: '红秀建桂卫美丽玉春海爱菊月素雪小', second: '梅英琴芳红华兰燕萍珍霞娟凤云', one: '红芳英萍琴霞' },
    },
  },
  {
    until: 1979,
    pool: {
      single: 0.35,
      male: { first: '建海志晓卫春永国伟小文俊宏新金明', second: '峰华军东明强平忠刚新勇林斌兵飞波', one: '伟勇军斌明华健峰刚波' },
      female: { first: '丽红晓春美海玉雪建秀小金', second: '娟霞红梅燕萍芳华玲琴英丽', one: '丽红燕霞芳玲娟萍' },
    },
  },
  {
    until: 1989,
    pool: {
      single: 0.4,
      male: { first: '志建晓海文俊伟小国永春振明宏金军', second: '峰涛强华东杰明伟刚勇斌军平林龙波辉', one: '磊涛鹏杰超伟强勇斌浩俊辉' },
      female: { first: '晓丽海春雪美红小佳静', second: '燕娟丽红霞梅婷芳萍敏洁玲', one: '静婷丽娟敏燕艳莉洁倩' },
    },
  },
  {
    until: 1999,
    pool: {
      single: 0.25,
      male: { first: '浩俊天家子文晨振嘉志宇佳鑫一', second: '杰宇然豪轩凯磊阳鑫晨峰涛伟博', one: '浩宇杰磊鑫凯晨阳超' },
      female: { first: '佳雨欣梦思诗晓雪婷文嘉', second: '怡婷琪雨颖悦洁晴瑶倩蕾雯', one: '婷雪倩颖悦洁晶' },
    },
  },
  {
    until: 2009,
    pool: {
      single: 0.12,
      male: { first: '子浩宇皓俊一梓家文博晨嘉', second: '轩宇航涵熙鸣豪睿杰然辰', one: '睿轩昊晨' },
      female: { first: '子欣雨诗梓可佳思语紫', second: '涵怡萱欣琪妍彤雯悦', one: '涵悦琪' },
    },
  },
  {
    until: 9999,
    pool: {
      single: 0.08,
      male: { first: '梓沐子一宇奕俊锦浩睿铭承', second: '睿宸墨诺轩辰宇程泽霖川', one: '睿宸泽' },
      female: { first: '一依梓语欣可沐若芷思', second: '诺涵桐妍馨晴汐若语萱', one: '诺悦桐' },
    },
  },
];

interface SplitPool {
  until: number;
  single: number;
  male: { first: string[]; second: string[]; one: string[] };
  female: { first: string[]; second: string[]; one: string[] };
}

const split = (s: string) => Array.from(s);
const SPLIT_POOLS: SplitPool[] = POOLS.map(({ until, pool }) => ({
  until,
  single: pool.single,
  male: { first: split(pool.male.first), second: split(pool.male.second), one: split(pool.male.one) },
  female: { first: split(pool.female.first), second: split(pool.female.second), one: split(pool.female.one) },
}));

export function givenName(rng: Rng, birthYear: number, gender: 'male' | 'female'): string {
  const pool = SPLIT_POOLS.find((p) => birthYear <= p.until) ?? SPLIT_POOLS[SPLIT_POOLS.length - 1]!;
  const chars = pool[gender];
  if (rng.chance(pool.single)) return rng.pick(chars.one);
  const first = rng.pick(chars.first);
  let second = rng.pick(chars.second);
  // Doubled characters (婷婷) are a girls' fashion; avoid them otherwise.
  if (second === first && gender === 'male') second = rng.pick(chars.second);
  return first + second;
}

export function surname(rng: Rng, table: WeightedTable<string>): string {
  return rng.weighted(table);
}
