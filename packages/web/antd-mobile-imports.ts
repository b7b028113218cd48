// `import { Button, Toast } from 'antd-mobile'` goes through the library's index, which the library marks as having
// side effects (it loads the global styles): the bundler then keeps every component the index names, with its
// styles — forms, pickers, calendars — in every phone page, used or not. This plugin rewrites such imports in our
// code to the components' own modules (`antd-mobile/es/components/button`), as the index itself names them, plus
// the global styles the index would have loaded, so a page carries only the components it uses (docs/PERFORMANCE.md).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Each name the library's index exports: the module it comes from and the name it has there. */
export function indexExports(indexSource: string): Map<string, { from: string; name: string }> {
  const out = new Map<string, { from: string; name: string }>();
  for (const m of indexSource.matchAll(/export\s*\{([^}]*)\}\s*from\s*'\.\/([^']+)'/g)) {
    for (const part of m[1]!.split(',')) {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      if (name) out.set((alias ?? name).trim(), { from: `antd-mobile/es/${m[2]}`, name: name.trim() });
    }
  }
  return out;
}

const IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']antd-mobile["'];?/g;

/** The import statements that replace one `import { … } from 'antd-mobile'`; null when a name is unknown. */
export function rewriteImport(names: string, exports: ReadonlyMap<string, { from: string; name: string }>): string | null {
  const lines = ['import "antd-mobile/es/global";'];
  for (const part of names.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [imported, local] = part.split(/\s+as\s+/).map((s) => s.trim());
    const source = exports.get(imported!);
    if (!source) return null;
    lines.push(`import { ${source.name} as ${local ?? imported} } from "${source.from}";`);
  }
  return lines.join(' ');
}

export function antdMobileImports(): Plugin {
  let exports: Map<string, { from: string; name: string }> | null = null;
  return {
    name: 'gongzhi-antd-mobile-imports',
    apply: 'build',
    // After TypeScript and JSX are compiled: type-only imports are gone by then.
    enforce: 'post',
    buildStart() {
      const require = createRequire(import.meta.url);
      const index = path.join(path.dirname(require.resolve('antd-mobile/package.json')), 'es/index.js');
      exports = indexExports(fs.readFileSync(index, 'utf8'));
      if (!exports.has('Button')) this.error(`antd-mobile-imports: no exports read from ${index}`);
    },
    transform(code, id) {
      if (id.includes('node_modules') || !code.includes('antd-mobile')) return null;
      let unknown = '';
      const out = code.replace(IMPORT, (whole, names: string) => {
        const rewritten = rewriteImport(names, exports!);
        if (rewritten === null) unknown = names;
        return rewritten ?? whole;
      });
      if (unknown) this.error(`antd-mobile-imports: ${id} imports a name the library's index does not export: {${unknown}}`);
      return out === code ? null : { code: out, map: null };
    },
  };
}
