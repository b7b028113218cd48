import { describe, expect, it } from 'vitest';
import { conflictingDuties, ROLE_LABELS, ROLES } from '../src/roles.ts';

describe('三员分立', () => {
  it('has the security and audit administrators as roles with Chinese labels', () => {
    expect(ROLES).toEqual(expect.arrayContaining(['admin', 'security', 'auditor']));
    expect(ROLE_LABELS.security.zh).toBe('安全管理员');
    expect(ROLE_LABELS.auditor.zh).toBe('审计管理员');
  });

  it('refuses two separated duties on one account, allows one with ordinary roles', () => {
    expect(conflictingDuties(['admin'])).toEqual([]);
    expect(conflictingDuties(['auditor'])).toEqual([]);
    expect(conflictingDuties(['security', 'leader'])).toEqual([]);
    expect(conflictingDuties(['admin', 'auditor'])).toEqual(['admin', 'auditor']);
    expect(conflictingDuties(['admin', 'security'])).toEqual(['admin', 'security']);
    expect(conflictingDuties(['security', 'auditor', 'admin'])).toEqual(['admin', 'security', 'auditor']);
  });
});
