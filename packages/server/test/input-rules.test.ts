import { describe, expect, it } from 'vitest';
import { normaliseQueryCode, QUERY_CODE_ALPHABET, queryCodeOf, sameQueryCode } from '../src/lib/query-code.ts';
import { isCalendarDay } from '../src/lib/time.ts';
import { isCleanText, text } from '../src/routes/common.ts';
import { sniffMime, storedName } from '../src/services/files.ts';

describe('query codes', () => {
  const key = Buffer.alloc(32, 7);
  it('are six characters of the unambiguous alphabet, fixed per case, different between cases', () => {
    expect(QUERY_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    const a = queryCodeOf(key, '3f1c7c2e-0000-4000-8000-000000000001');
    expect(a).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(queryCodeOf(key, '3f1c7c2e-0000-4000-8000-000000000001')).toBe(a);
    const codes = new Set(Array.from({ length: 2000 }, (_, i) => queryCodeOf(key, `case-${i}`)));
    expect(codes.size).toBeGreaterThan(1995);
    expect(queryCodeOf(Buffer.alloc(32, 8), '3f1c7c2e-0000-4000-8000-000000000001')).not.toBe(a);
  });
  it('are compared as typed: lower case and spaces forgiven, anything else refused', () => {
    const id = 'case-x';
    const c = queryCodeOf(key, id);
    expect(sameQueryCode(key, id, c)).toBe(true);
    expect(sameQueryCode(key, id, ` ${c.slice(0, 3).toLowerCase()} ${c.slice(3)} `)).toBe(true);
    expect(sameQueryCode(key, id, c.slice(0, 5))).toBe(false);
    expect(sameQueryCode(key, id, `${c}2`)).toBe(false);
    expect(normaliseQueryCode('ab-c d')).toBe('ABCD');
  });
});

describe('calendar days', () => {
  it('accepts days that exist and refuses the rest, leap years included', () => {
    for (const d of ['2026-01-31', '2024-02-29', '2000-02-29', '2026-12-31']) expect(isCalendarDay(d)).toBe(true);
    for (const d of ['2026-02-29', '1900-02-29', '2026-02-31', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-1', '20260101', '', '2026-01-01T00:00']) {
      expect(isCalendarDay(d)).toBe(false);
    }
  });
});

describe('names and titles', () => {
  it('refuse control and format characters; long text keeps newlines and tabs', () => {
    for (const bad of ['\u202e', '\u200b', '\u2066', '\ufeff', '\u0000', '\u0007', '\u00ad']) expect(isCleanText(`名${bad}字`)).toBe(false);
    expect(isCleanText('第一行\n第二行')).toBe(false);
    expect(isCleanText('第一行\n\t第二行', true)).toBe(true);
    expect(isCleanText('第一行\u202e', true)).toBe(false);
    expect(isCleanText('陆建华 𠀀 😀')).toBe(true);
    expect(text(40).safeParse('\u202e\u200b').success).toBe(false);
    expect(text(40).safeParse('  状元街  ').data).toBe('状元街');
    expect(text(2000).safeParse('a\nb').success).toBe(true);
  });
});

describe('uploads', () => {
  it('take the stored name’s extension from the bytes', () => {
    expect(sniffMime(Buffer.from('GIF89a<html>'))).toBe('image/gif');
    expect(sniffMime(Buffer.from('<html>GIF89a'))).toBeNull();
    expect(storedName('evil.html', 'image/gif')).toBe('evil.gif');
    expect(storedName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(storedName('\u202eexe.pdf', 'image/png')).toBe('exe.png');
    expect(storedName('a.tar.gz.pdf', 'application/pdf')).toBe('a_tar_gz.pdf');
    expect(storedName('', 'image/jpeg')).toBe('file.jpg');
  });
});
