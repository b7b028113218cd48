import { describe, expect, it } from 'vitest';
import { SCOPE_MAX, storedScope } from '../src/services/idempotency.ts';

describe('the stored scope of an Idempotency-Key', () => {
  const id = '0b9c7a5e-1f0e-4c8e-9f49-3d1c0a7e2b11';
  it('keeps a scope that fits the column as it is', () => {
    const s = `evac:${id}:${id}`;
    expect(s.length).toBeLessThanOrEqual(SCOPE_MAX);
    expect(storedScope(s)).toBe(s);
    expect(storedScope('x'.repeat(SCOPE_MAX))).toBe('x'.repeat(SCOPE_MAX));
  });
  it('keeps a longer one as its digest: fits, stable, and apart from its neighbours', () => {
    const long = `survey-answers:${id}:${id}`;
    expect(long.length).toBeGreaterThan(SCOPE_MAX);
    expect(storedScope(long).length).toBeLessThanOrEqual(SCOPE_MAX);
    expect(storedScope(long)).toBe(storedScope(long));
    expect(storedScope(long)).not.toBe(storedScope(long.replace(/1$/, '2')));
    expect(storedScope('x'.repeat(SCOPE_MAX + 1))).not.toBe('x'.repeat(SCOPE_MAX));
  });
});
