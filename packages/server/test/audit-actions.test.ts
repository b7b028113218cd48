import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditEntityLabel } from '@gongzhi/domain';

// Every audit row the server writes is shown in words in the audit log (等保: who did what to what). The rows a
// test happens to write are checked in todo.int.test.ts; this reads the source, so an action or entity added by a
// module without its label fails here before any row exists.
const src = path.resolve(import.meta.dirname, '../src');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
const text = files(src).map((f) => fs.readFileSync(f, 'utf8')).join('\n');

describe('audit labels of the server’s writes', () => {
  it('names every dotted action written as a literal', () => {
    const actions = [...new Set([...text.matchAll(/action: '([a-z0-9-]+(?:\.[a-z0-9-]+)+)'/g)].map((m) => m[1]!))];
    expect(actions.length).toBeGreaterThan(100);
    expect(actions.filter((a) => auditActionLabel(a).zh === '系统操作')).toEqual([]);
  });
  it('names every entity type', () => {
    const types = [...new Set([...text.matchAll(/entityType: '([a-z0-9_-]+)'/g)].map((m) => m[1]!))];
    expect(types.length).toBeGreaterThan(30);
    expect(types.filter((t) => auditEntityLabel(t).zh === '其他')).toEqual([]);
  });
});
