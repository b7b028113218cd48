// Bundles the server's TypeScript (and the domain package) into one ES module, dist/main.mjs, so a start does not
// compile hundreds of files on the fly (tsx): the browser tests start a server per file, `npm start` once.
// Libraries stay outside the bundle and load from node_modules as usual.
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

/** Bare imports (node_modules) stay external, except the workspace's own packages (TypeScript) and data files (JSON). */
const externalLibraries = {
  name: 'external-libraries',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@gongzhi/') || args.path.endsWith('.json') ? undefined : { path: args.path, external: true }));
  },
};

await build({
  entryPoints: [path.join(root, 'src/main.ts')],
  outfile: path.join(root, 'dist/main.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  plugins: [externalLibraries],
  logLevel: 'warning',
});
