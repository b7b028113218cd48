// The app's document (index.html) and the public phone pages' (public.html, vite.public.config.ts) are the same page
// but for the entry they load: a change to one (the title, the theme colour, the viewport) belongs in both.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, '..', name), 'utf8');

describe('the two documents', () => {
  it('differ only in their entry', () => {
    const index = read('index.html');
    expect(index).toContain('<script type="module" src="/src/main.tsx"></script>');
    expect(read('public.html')).toBe(index.replace('/src/main.tsx', '/src/public.tsx'));
  });
});
