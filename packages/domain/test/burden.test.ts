import { describe, expect, it } from 'vitest';
import {
  allowedRequestActions,
  checkRequest,
  formAdmissionProblem,
  formFieldsProblem,
  hoursSaved,
  mergeTyped,
  monthBounds,
  negativeRefusal,
  prefillForm,
  requestTransition,
  type FormField,
  type ListEntry,
} from '../src/index.ts';

const LISTS: ListEntry[] = [
  { id: 'n1', kind: 'negative', title: '要求社区为部门工作挂牌', keywords: ['挂牌', '牌子'], source: '`004` 巩固“牌子乱象”整治成果' },
  { id: 'n2', kind: 'negative', title: '以社区名义开具无法定依据的证明', keywords: ['开具证明'], source: '民政部等 社区证明事项清单' },
  { id: 'a1', kind: 'admission', title: '人口普查入户登记协助', keywords: ['人口普查'], source: '《全国人口普查条例》第十条' },
];

describe('admission check (准入, `000` `003` `004`)', () => {
  it('names the negative-list entry a request matches, with its source', () => {
    const r = checkRequest({ title: '各社区悬挂 文明城市 牌子', description: '在社区服务中心门口挂 牌', kind: 'task' }, LISTS);
    expect(r.verdict).toBe('negative');
    expect(r.negative.map((m) => m.entryId)).toEqual(['n1']);
    expect(r.negative[0]!.words).toEqual(['挂牌', '牌子']);
    expect(negativeRefusal(r)).toContain('「要求社区为部门工作挂牌」');
    expect(negativeRefusal(r)).toContain('牌子乱象');
  });
  it('the kind label counts: a sign on the wall (挂牌上墙) matches 挂牌 whatever its words', () => {
    expect(checkRequest({ title: '宣传', description: '张贴海报', kind: 'sign' }, LISTS).verdict).toBe('negative');
    expect(checkRequest({ title: '宣传', description: '张贴海报', kind: 'task' }, LISTS).verdict).toBe('unlisted');
  });
  it('negative wins over the admission list', () => {
    const r = checkRequest({ title: '人口普查', description: '并挂牌', kind: 'survey' }, LISTS);
    expect(r.verdict).toBe('negative');
    expect(r.admission).toHaveLength(1);
  });
  it('listed and unlisted', () => {
    expect(checkRequest({ title: '第八次人口普查', description: '入户', kind: 'survey' }, LISTS).verdict).toBe('listed');
    expect(checkRequest({ title: '防汛物资清点', description: '清点仓库', kind: 'task' }, LISTS).verdict).toBe('unlisted');
    expect(negativeRefusal(checkRequest({ title: 'x', description: 'y', kind: 'task' }, LISTS))).toBeNull();
  });
  it('full-width letters and case are folded; empty keywords never match', () => {
    const r = checkRequest({ title: 'ＡＢＣ', description: '', kind: 'task' }, [{ id: 'x', kind: 'negative', title: 't', keywords: ['abc', ' '], source: 's' }]);
    expect(r.negative[0]!.words).toEqual(['abc']);
  });
});

describe('request states', () => {
  it('reviewer may admit only what the negative list does not forbid', () => {
    expect(allowedRequestActions('submitted', { reviewer: true, owner: false }, 'unlisted')).toEqual(['admit', 'refuse', 'return']);
    expect(allowedRequestActions('submitted', { reviewer: true, owner: false }, 'negative')).toEqual(['refuse', 'return']);
    expect(allowedRequestActions('returned', { reviewer: false, owner: true }, 'listed')).toEqual(['resubmit', 'withdraw']);
    expect(allowedRequestActions('admitted', { reviewer: true, owner: true }, 'listed')).toEqual([]);
  });
  it('transitions', () => {
    expect(requestTransition('submitted', 'admit', 'listed')).toBe('admitted');
    expect(requestTransition('returned', 'resubmit', 'listed')).toBe('submitted');
    expect(() => requestTransition('submitted', 'admit', 'negative')).toThrow(/负面清单/);
    expect(() => requestTransition('admitted', 'refuse', 'listed')).toThrow(/不能/);
  });
});

const FIELDS: FormField[] = [
  { key: 'population.total', label: '实有人口', type: 'number', binding: 'population.total' },
  { key: 'party.members', label: '党员', type: 'number', binding: 'party.members' },
  { key: 'volunteers', label: '志愿者人数', type: 'number', binding: null },
  { key: 'note', label: '说明', type: 'text', binding: null },
];

describe('一表通 (`004` 材料报送“一次提交”)', () => {
  it('bound fields carry the figures, an earlier answer of the period is reused, the rest is open', () => {
    const v = prefillForm(FIELDS, { 'population.total': 3012, 'party.members': 0 }, new Map([['volunteers', '41']]));
    expect(v).toEqual([
      { key: 'population.total', value: '3012', source: 'registry' },
      { key: 'party.members', value: '0', source: 'registry' },
      { key: 'volunteers', value: '41', source: 'reused' },
      { key: 'note', value: null, source: 'typed' },
    ]);
  });
  it('only the open fields take typed values, checked', () => {
    const pre = prefillForm(FIELDS, { 'population.total': 10, 'party.members': 2 }, new Map());
    const out = mergeTyped(FIELDS, pre, { volunteers: '12', note: '无', 'population.total': '999' });
    expect(out.map((f) => f.value)).toEqual(['10', '2', '12', '无']);
    expect(() => mergeTyped(FIELDS, pre, { volunteers: '十二', note: 'x' })).toThrow(/应为数字/);
    expect(() => mergeTyped(FIELDS, pre, { volunteers: '1' })).toThrow(/请填写“说明”/);
    expect(() => mergeTyped(FIELDS, pre, { volunteers: '1', note: 'x', bogus: '1' })).toThrow(/没有字段/);
  });
  it('field rules', () => {
    expect(formFieldsProblem(FIELDS)).toBeNull();
    expect(formFieldsProblem([])).not.toBeNull();
    expect(formFieldsProblem([{ key: 'x1', label: 'a', type: 'number', binding: 'party.members' }])?.message).toContain('party.members');
    expect(formFieldsProblem([FIELDS[2]!, FIELDS[2]!])?.message).toContain('重复');
    expect(formFieldsProblem([{ key: 'Bad key', label: 'a', type: 'text', binding: null }])?.index).toBe(0);
  });
});

describe('forms go through admission (`004` 非批不入)', () => {
  const req = { unitId: 'u1', state: 'admitted' as const, areaCodes: ['320614103001', '320614103002'] };
  it('a form goes only under an admitted request of the same department, to the communities it named', () => {
    expect(formAdmissionProblem(req, { unitId: 'u1', areaCodes: ['320614103001'] })).toBeNull();
    expect(formAdmissionProblem(req, { unitId: 'u1', areaCodes: ['320614103001', '320614103002'] })).toBeNull();
    expect(formAdmissionProblem(null, { unitId: 'u1', areaCodes: ['320614103001'] })?.code).toBe('unknown_request');
    expect(formAdmissionProblem(req, { unitId: 'u2', areaCodes: ['320614103001'] })?.code).toBe('unknown_request');
    for (const state of ['submitted', 'returned', 'refused', 'withdrawn'] as const) {
      expect(formAdmissionProblem({ ...req, state }, { unitId: 'u1', areaCodes: ['320614103001'] })?.code).toBe('request_not_admitted');
    }
    const p = formAdmissionProblem(req, { unitId: 'u1', areaCodes: ['320614103001', '320614103003'] });
    expect(p).toMatchObject({ code: 'areas_not_admitted', areas: ['320614103003'] });
    expect(p?.message).toContain('1 个');
  });
});

describe('burden figures', () => {
  it('hours saved: 6 minutes a pre-filled field plus refused declared hours', () => {
    expect(hoursSaved(0, 0)).toBe(0);
    expect(hoursSaved(10, 0)).toBe(1);
    expect(hoursSaved(5, 2)).toBe(2.5);
  });
  it('month bounds', () => {
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(monthBounds('2026-02')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(() => monthBounds('2026-13')).toThrow();
  });
});
