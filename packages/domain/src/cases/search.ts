/**
 * Full-text search of cases in Chinese (docs/SEARCH.md), the query side.
 *
 * Neither PostgreSQL nor the embedded PGlite ships a Chinese parser, and PGlite cannot load one, so a case's text
 * is indexed as overlapping pairs of Chinese characters (路灯不亮 → 路灯 灯不 不亮), single Chinese characters that
 * stand alone (号 in 5号), and lower-case Latin/digit words — the SQL function `gz_search_terms` of migration
 * 0041 builds the document, weighted title A, description B, address and answer C. A query is cut the same way:
 * a Chinese word of two or more characters must appear as written (its pairs one after another), a Latin or digit
 * word as a word or the start of one. Pairs find any word without a dictionary, so a district's own place names
 * and slang are found the day they first appear; the price is a larger index than a segmenter's would be.
 *
 * The integration test (case-search.int.test.ts) runs both sides against the database.
 */

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
const HAN_CHAR = new RegExp(`^[${HAN}]`, 'u');
/** Runs of Chinese characters, or of Latin letters and digits; everything else separates words. */
const SEGMENT = new RegExp(`[${HAN}]+|(?:(?![${HAN}])[\\p{L}\\p{N}])+`, 'gu');

/**
 * With "best match first", only the newest this many matches are ranked by how well they match; older matches follow
 * them newest first. A search over a district's ten million cases can match hundreds of thousands of them, and
 * ranking every one (reading and weighing its whole document) costs more than the rest of the search together; a
 * dispatcher looks for the recent reports of a problem, and the first pages of a search are read, not the 500th.
 * Below this many matches (a community, a rare phrase, every demo) every match is ranked.
 */
export const SEARCH_RANK_WINDOW = 1000;

/** At most this many words are taken from a query, and this many characters from each word. */
export const SEARCH_MAX_WORDS = 8;
export const SEARCH_MAX_WORD_LENGTH = 20;

export interface CaseSearchQuery {
  /** Text for `to_tsquery('simple', …)`, or null when no word can use the index. */
  tsquery: string | null;
  /** Single Chinese characters asked for on their own: matched as substrings of the text (no index). */
  singles: string[];
  /** The query as a case code prefix (case codes are letters then digits), or null. */
  code: string | null;
  /** The words understood, for showing what was searched. */
  words: string[];
}

const isHan = (s: string) => HAN_CHAR.test(s);
const pairs = (run: string) => Array.from({ length: Math.max(0, run.length - 1) }, (_, i) => run.slice(i, i + 2));

/** Cuts what the user typed into the index's terms. */
export function caseSearchQuery(input: string): CaseSearchQuery {
  const q = input.normalize('NFKC').trim();
  const code = /^[A-Za-z]{0,4}\d{4,}$/.test(q) ? q.toUpperCase() : null;
  const segments = (q.match(SEGMENT) ?? []).slice(0, SEARCH_MAX_WORDS).map((s) => Array.from(s).slice(0, SEARCH_MAX_WORD_LENGTH).join(''));
  const parts: string[] = [];
  const singles: string[] = [];
  const words: string[] = [];
  for (const seg of segments) {
    if (isHan(seg)) {
      const p = pairs(seg);
      if (p.length === 0) singles.push(seg);
      else parts.push(p.length === 1 ? `'${p[0]}'` : `(${p.map((x) => `'${x}'`).join(' <-> ')})`);
    } else {
      parts.push(`'${seg.toLowerCase()}':*`);
    }
    words.push(isHan(seg) ? seg : seg.toLowerCase());
  }
  return { tsquery: parts.length ? parts.join(' & ') : null, singles, code, words };
}
