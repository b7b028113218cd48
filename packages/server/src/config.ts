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
  /**
   * With DATABASE_URL set and no GONGZHI_MASTER_KEY the server refuses to start, unless this
   * development flag (GONGZHI_DEV_KEY_FILE=true) allows a generated key file in DATA_DIR.
   */
  devKeyFile: boolean;
  sessionIdleMinutes: number;
  /** Absolute session lifetime in hours, however active the session (SESSION_MAX_HOURS). */
  sessionMaxHours: number;
  /** Days after which a password must be changed (PASSWORD_MAX_AGE_DAYS; 0 turns the check off). */
  passwordMaxAgeDays: number;
  /** Addresses or CIDR ranges of reverse proxies whose X-Forwarded-* headers are believed (TRUST_PROXY). */
  trustProxy: string[];
  login: LoginLimits;
  secureCookies: boolean;
  logLevel: string;
  webDist: string;
  /** Server processes sharing the port (cluster mode, PostgreSQL only): GONGZHI_WORKERS or WEB_CONCURRENCY. */
  workers: number;
}

export interface LoginLimits {
  /** Failed logins from one source address within the window after which it must solve a challenge. */
  challengeAfter: number;
  /** Failed logins from one source address within the window after which it is refused outright (429). */
  sourceMax: number;
  /** Failed logins for one username (from any source) after which every login for it needs a challenge. */
  userMax: number;
  windowMinutes: number;
}

const num = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
};

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
    devKeyFile: env.GONGZHI_DEV_KEY_FILE === 'true',
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    sessionMaxHours: num(env.SESSION_MAX_HOURS, 12),
    passwordMaxAgeDays: num(env.PASSWORD_MAX_AGE_DAYS, 90),
    trustProxy: (env.TRUST_PROXY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    login: {
      challengeAfter: num(env.LOGIN_CHALLENGE_AFTER, 3),
      sourceMax: num(env.LOGIN_SOURCE_MAX_FAILURES, 30),
      userMax: num(env.LOGIN_USER_MAX_FAILURES, 5),
      windowMinutes: num(env.LOGIN_WINDOW_MINUTES, 15),
    },
    secureCookies: env.COOKIE_SECURE === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: path.resolve(env.WEB_DIST ?? path.join(repoRoot, 'packages/web/dist')),
    workers: Math.max(1, Math.floor(Number(env.GONGZHI_WORKERS ?? env.WEB_CONCURRENCY ?? 1)) || 1),
  };
}

export { repoRoot };
