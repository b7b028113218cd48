import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_CODES, auditActionLabel, auditDetailAreaCodes, auditDetailItems, auditEntityLabel } from '../src/index.ts';

describe('audit labels', () => {
  it('names the codes the issue found on screen in Chinese and English', () => {
    expect(auditActionLabel('seed.case-history')).toEqual({ zh: '生成演示案件历史', en: 'Generate demo case history' });
    expect(auditActionLabel('wish.claim').zh).toBe('微心愿认领');
    expect(auditActionLabel('case.accept').zh).toBe('案件受理');
    expect(auditActionLabel('order.take').zh).toBe('服务单接单');
    expect(auditActionLabel('export.cases').zh).toBe('导出案件台账');
    expect(auditActionLabel('points.award.approve').zh).toBe('审核通过积分');
    expect(auditActionLabel('party.registration.accept').zh).toBe('通过双报到申请');
    expect(auditEntityLabel('party_registration').zh).toBe('双报到申请');
  });

  it('never shows a code: unknown actions and entities get a generic word', () => {
    expect(auditActionLabel('something.new').zh).toBe('系统操作');
    expect(auditEntityLabel('thing').zh).toBe('其他');
    for (const code of AUDIT_ACTION_CODES) {
      const l = auditActionLabel(code);
      expect(l.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(l.zh).not.toContain(code);
      expect(l.en.length).toBeGreaterThan(0);
    }
  });

  it('renders details as labelled words instead of JSON', () => {
    const items = auditDetailItems({ reason: '重复', filters: { q: '路灯', overdue: true }, areas: ['320614103001', '320614103002'], rows: 12 });
    expect(items.map((i) => i.label.zh)).toEqual(['原因', '筛选条件', '区域', '行数']);
    expect(items[1]!.value).toBe('关键词：路灯；超期：是');
    expect(items[2]!.value).toBe('320614103001、320614103002');
    for (const i of items) expect(i.value).not.toMatch(/[{}"]/);
    expect(auditDetailItems(null)).toEqual([]);
    // Area codes read as names where the caller knows them.
    const names = new Map([['320614103001', '状元街居委会']]);
    expect(auditDetailItems({ areas: ['320614103001'] }, (c) => names.get(c))[0]!.value).toBe('状元街居委会');
    expect(auditDetailAreaCodes({ areas: ['320614103001'], filters: { area: '320614103' }, rows: 3 })).toEqual(['320614103001', '320614103']);
  });
});
