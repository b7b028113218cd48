import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  seedDemo: boolean;
  /** Area codes whose people the demo generates (default 常乐镇; `all` for the whole district). */
  demoPeople: string[];
  /** Hex master key for personal-data encryption; when unset a key file in DATA_DIR is used. */
  masterKey: string | undefined;
  sessionIdleMinutes: number;
  secureCookies: boolean;
  logLevel: string;
  webDist: string;
  /** Server processes sharing the port (cluster mode, PostgreSQL only): GONGZHI_WORKERS or WEB_CONCURRENCY. */
  workers: number;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR?.startsWith('memory://')
      ? env.DATA_DIR
      : path.resolve(env.DATA_DIR ?? path.join(env.INIT_CWD ?? process.cwd(), 'data')),
    seedDemo: env.SEED_DEMO !== 'false',
    demoPeople: (env.DEMO_PEOPLE ?? '320614103').split(',').map((s) => s.trim()).filter(Boolean),
    masterKey: env.GONGZHI_MASTER_KEY || undefined,
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    secureCookies: env.COOKIE_SECURE === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: path.resolve(env.WEB_DIST ?? path.join(repoRoot, 'packages/web/dist')),
    workers: Math.max(1, Math.floor(Number(env.GONGZHI_WORKERS ?? env.WEB_CONCURRENCY ?? 1)) || 1),
  };
}

export { repoRoot };
