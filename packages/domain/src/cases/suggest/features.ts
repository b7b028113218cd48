// Features of a resident's report for the intake suggestions (docs/SMART-INTAKE.md).
//
// Chinese has no spaces between words. Words come from `Intl.Segmenter` (ICU's dictionary-based
// word break, maintained with every Node release: "小区门口的路灯坏了" → 小区|门口|的|路灯|坏|了);
// character bigrams are added as a second feature family, so a word the dictionary splits
// differently ("飞线充电" → 飞线|充电 or 飞|线|充电) or a dialect spelling still shares features
// with the examples. Bigram features carry a '#' prefix so they never collide with words.

/**
 * Boilerplate of hotline orders and grid workers' notes (巡查发现：…, the product's own patrol wording) and polite
 * filler: not evidence of any type. Left in, a note's opening would make two notes of different problems at one
 * place alike (docs/SMART-INTAKE.md "Duplicate groups").
 */
const FILLER = ['巡查时发现', '巡查发现', '走访发现', '网格员', '市民来电反映', '市民来电', '来电反映', '市民反映', '来电人', '来电称', '您好', '你好', '请问', '麻烦', '谢谢', '希望', '尽快', '相关部门', '有关部门', '处理一下', '处理', '解决', '反映'];
// Longest first, so 网格员走访发现 goes whole rather than leaving 发现 behind.
const FILLER_RE = new RegExp([...FILLER].sort((a, b) => b.length - a.length).join('|'), 'g');

/** Function words and pronouns that say nothing about the problem. */
const STOP = new Set(
  '的 了 是 我 我们 你 你们 他 他们 她 它 在 有 和 与 也 都 就 还 又 很 太 非常 这 那 这个 那个 这里 那里 这边 那边 一个 一下 一直 已经 现在 今天 昨天 每天 天天 经常 总是 好像 什么 怎么 为什么 能 能不能 可以 请 让 把 被 给 对 从 到 吧 吗 呢 啊 呀 哦 嗯 啦 么 着 过 要 会 说 看 没 不 个 些 里 上 下 去 来 得 地 之 其 及 或 但 而 又 再 才 却 呢 家 人 时候 情况 问题 事情 一点 有点 有些 几 多 好 大 小'.split(' '),
);

const HAN = /\p{Script=Han}/u;
const KEEP = /[\p{L}\p{N}]/u;

let segmenter: Intl.Segmenter | null = null;
function words(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** NFKC (full-width letters and digits), lower case, hotline boilerplate removed. */
export function normaliseReport(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(FILLER_RE, ' ');
}

/** The words of a text, in order, without function words and numbers: for explanations and tests. */
export function reportWords(text: string): string[] {
  return words(normaliseReport(text)).filter((w) => !STOP.has(w) && !/^\d+$/.test(w) && KEEP.test(w));
}

/**
 * The features of a text: its words (weight 1) and the character bigrams of each run of Chinese
 * characters (weight 0.5, prefixed '#'). Repeated features add up.
 */
export function reportFeatures(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const add = (f: string, w: number) => out.set(f, (out.get(f) ?? 0) + w);
  const norm = normaliseReport(text);
  for (const w of words(norm)) if (!STOP.has(w) && !/^\d+$/.test(w) && KEEP.test(w)) add(w, 1);
  for (const run of norm.split(/[^\p{Script=Han}]+/u)) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i]!;
      const b = chars[i + 1]!;
      if (HAN.test(a) && HAN.test(b) && !(STOP.has(a) && STOP.has(b))) add(`#${a}${b}`, 0.5);
    }
  }
  return out;
}
