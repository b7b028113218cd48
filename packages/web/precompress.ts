// Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside every compressible file
// the build emits, so the server sends them as they are (@fastify/static `preCompressed`) instead of
// compressing each answer again. Only copies that are actually smaller are kept. The public pages' build
// (vite.public.config.ts) runs after the app's into the same dist/: a file whose copies are already newer than it is
// not compressed twice.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;
const MIN_BYTES = 1024;
/** The server-side module (first-frame.ts): read by the server from disk, never sent. */
const SERVER_ONLY = /[\\/]ssr[\\/]/;

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'gongzhi-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = walk(outDir).filter((f) => COMPRESSIBLE.test(f) && !SERVER_ONLY.test(f) && fs.statSync(f).size >= MIN_BYTES && !compressed(f));
      await Promise.all(
        files.map(async (file) => {
          const raw = await fs.promises.readFile(file);
          const br = zlib.brotliCompressSync(raw, {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
          });
          const gz = zlib.gzipSync(raw, { level: 9 });
          if (br.length < raw.length) await fs.promises.writeFile(`${file}.br`, br);
          if (gz.length < raw.length) await fs.promises.writeFile(`${file}.gz`, gz);
        }),
      );
    },
  };
}

/** Both copies there and newer than the file (a copy that was not smaller was never written: then it is done again). */
function compressed(file: string): boolean {
  const at = fs.statSync(file).mtimeMs;
  return [`${file}.br`, `${file}.gz`].every((c) => fs.existsSync(c) && fs.statSync(c).mtimeMs >= at);
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}
