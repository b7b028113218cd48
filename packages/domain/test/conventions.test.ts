import { describe, expect, it } from 'vitest';
import { adoptionRefusal, articlesProblem, conventionKindOf, diffArticles, diffSummary, draftRefusal, editRefusal, MAX_ARTICLES, nextVersionNo, type AdoptionFacts, type ConventionArticle } from '../src/index.ts';

const art = (id: string, text: string, chapter: string | null = null): ConventionArticle => ({ id, text, chapter });

describe('convention kind', () => {
  it('gives a village 村规民约 and a community 居民公约 by the village segment', () => {
    expect(conventionKindOf('320614103001')).toBe('community');
    expect(conventionKindOf('320614103199')).toBe('community');
    expect(conventionKindOf('320614103200')).toBe('village');
    expect(conventionKindOf('320614103399')).toBe('village');
  });
  it('has none for a town, a grid, or a segment outside both ranges', () => {
    expect(conventionKindOf('320614103')).toBeNull();
    expect(conventionKindOf('320614103001001')).toBeNull();
    expect(conventionKindOf('320614103400')).toBeNull();
    expect(conventionKindOf('320614103000')).toBeNull();
  });
});

describe('versions', () => {
  it('numbers the next version one above the highest', () => {
    expect(nextVersionNo([])).toBe(1);
    expect(nextVersionNo([{ versionNo: 1 }, { versionNo: 3 }, { versionNo: 2 }])).toBe(4);
  });
  it('allows one draft at a time', () => {
    expect(draftRefusal([{ state: 'adopted' }, { state: 'superseded' }])).toBeNull();
    expect(draftRefusal([{ state: 'adopted' }, { state: 'draft' }])?.code).toBe('draft_exists');
  });
  it('edits only a draft', () => {
    expect(editRefusal('draft')).toBeNull();
    expect(editRefusal('adopted')?.status).toBe(409);
    expect(editRefusal('superseded')?.code).toBe('not_draft');
  });
  it('checks the articles: empty text, duplicate ids, the limit', () => {
    expect(articlesProblem([art('a', '爱护环境')])).toBeNull();
    expect(articlesProblem([art('a', '  ')])?.field).toBe('articles.0.text');
    expect(articlesProblem([art('a', '一'), art('a', '二')])?.code).toBe('duplicate_article');
    expect(articlesProblem(Array.from({ length: MAX_ARTICLES }, (_, i) => art(`a${i}`, '条')))).toBeNull();
    expect(articlesProblem(Array.from({ length: MAX_ARTICLES + 1 }, (_, i) => art(`a${i}`, '条')))?.code).toBe('too_many_articles');
  });
});

describe('adoption', () => {
  const base: AdoptionFacts = { kind: 'community', areaCode: '320614103001', state: 'draft', articleCount: 10, today: '2026-12-04' };
  const passed = { areaCode: '320614103001', body: 'residents-assembly', state: 'decided', passed: true };
  it('adopts a draft on a passed residents’ assembly of the same community', () => {
    expect(adoptionRefusal({ ...base, deliberation: passed })).toBeNull();
  });
  it('refuses a deliberation that did not pass or is still open (409)', () => {
    expect(adoptionRefusal({ ...base, deliberation: { ...passed, passed: false } })).toMatchObject({ code: 'deliberation_not_passed', status: 409 });
    expect(adoptionRefusal({ ...base, deliberation: { ...passed, state: 'open', passed: false } })).toMatchObject({ code: 'deliberation_not_decided', status: 409 });
  });
  it('refuses another area’s deliberation and a body that cannot adopt it', () => {
    expect(adoptionRefusal({ ...base, deliberation: { ...passed, areaCode: '320614103002' } })?.code).toBe('deliberation_wrong_area');
    expect(adoptionRefusal({ ...base, deliberation: { ...passed, body: 'consultation' } })?.code).toBe('deliberation_wrong_body');
    expect(adoptionRefusal({ ...base, kind: 'village', areaCode: '320614103201', deliberation: { ...passed, areaCode: '320614103201', body: 'villager-representatives' } })).toBeNull();
    expect(adoptionRefusal({ ...base, kind: 'village', areaCode: '320614103201', deliberation: { ...passed, areaCode: '320614103201', body: 'villager-group' } })?.code).toBe('deliberation_wrong_body');
  });
  it('accepts a paper adoption dated today, not tomorrow, and only with a note', () => {
    expect(adoptionRefusal({ ...base, paper: { adoptedOn: '2026-12-04', note: '2026年12月4日居民会议纸质表决通过' } })).toBeNull();
    expect(adoptionRefusal({ ...base, paper: { adoptedOn: '2026-12-05', note: '会议' } })?.code).toBe('adopted_in_future');
    expect(adoptionRefusal({ ...base, paper: { adoptedOn: '2026-12-01', note: ' ' } })?.code).toBe('paper_note_required');
  });
  it('needs a basis, articles, and a draft', () => {
    expect(adoptionRefusal(base)?.code).toBe('adoption_basis_required');
    expect(adoptionRefusal({ ...base, articleCount: 0, deliberation: passed })?.code).toBe('empty_convention');
    expect(adoptionRefusal({ ...base, state: 'adopted', deliberation: passed })).toMatchObject({ code: 'not_draft', status: 409 });
  });
});

describe('difference between versions', () => {
  it('marks added, removed, changed and unchanged articles, in the newer order', () => {
    const from = [art('a', '爱护环境'), art('b', '不乱扔垃圾'), art('c', '文明养犬'), art('d', '邻里和睦')];
    const to = [art('a', '爱护环境'), art('c', '文明养犬，出门拴绳'), art('e', '垃圾分类'), art('d', '邻里和睦')];
    const d = diffArticles(from, to);
    expect(d.map((x) => `${x.change}:${x.id}`)).toEqual(['same:a', 'removed:b', 'changed:c', 'added:e', 'same:d']);
    expect(d[1]).toMatchObject({ fromNo: 2, toNo: null, fromText: '不乱扔垃圾' });
    expect(d[2]).toMatchObject({ fromNo: 3, toNo: 2, toText: '文明养犬，出门拴绳' });
    expect(diffSummary(d)).toEqual({ added: 1, removed: 1, changed: 1 });
  });
  it('puts a removed first article first, counts a chapter change, and a move alone is not a change', () => {
    const d = diffArticles([art('x', '旧'), art('a', '一', '第一章'), art('b', '二')], [art('b', '二'), art('a', '一', '第二章')]);
    expect(d.map((x) => `${x.change}:${x.id}`)).toEqual(['removed:x', 'same:b', 'changed:a']);
  });
  it('is empty-safe both ways', () => {
    expect(diffArticles([], [])).toEqual([]);
    expect(diffSummary(diffArticles([], [art('a', '一')]))).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(diffSummary(diffArticles([art('a', '一')], []))).toEqual({ added: 0, removed: 1, changed: 0 });
  });
});
