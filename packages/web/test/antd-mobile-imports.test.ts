// The build rewrites `import { … } from 'antd-mobile'` to the components' own modules (antd-mobile-imports.ts).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexExports, rewriteImport } from '../antd-mobile-imports.ts';

const require = createRequire(import.meta.url);
const index = fs.readFileSync(path.join(path.dirname(require.resolve('antd-mobile/package.json')), 'es/index.js'), 'utf8');
const exports = indexExports(index);

describe('antd-mobile imports', () => {
  it('reads every name the installed library index exports, default and named', () => {
    expect(exports.get('Button')).toEqual({ from: 'antd-mobile/es/components/button', name: 'default' });
    expect(exports.get('ConfigProvider')).toEqual({ from: 'antd-mobile/es/components/config-provider', name: 'default' });
    expect(exports.get('useConfig')).toEqual({ from: 'antd-mobile/es/components/config-provider', name: 'useConfig' });
    expect(exports.get('unstableSetRender')).toEqual({ from: 'antd-mobile/es/utils/unstable-render', name: 'unstableSetRender' });
    // Every component of the index is found (the index names about 80).
    expect(exports.size).toBeGreaterThan(70);
  });

  it('rewrites one import into the global styles and one import per name, aliases kept', () => {
    expect(rewriteImport(' Button, Toast as T ', exports)).toBe(
      'import "antd-mobile/es/global"; import { default as Button } from "antd-mobile/es/components/button"; import { default as T } from "antd-mobile/es/components/toast";',
    );
  });

  it('refuses a name the index does not export', () => {
    expect(rewriteImport('Button, NoSuchThing', exports)).toBeNull();
  });
});
