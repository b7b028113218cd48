import path from 'node:path';
import type { MapTiles } from '@gongzhi/domain/contract';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Embedded PGlite flushes each commit to the disk (PGLITE_FSYNC=off trades that for speed). */
  pgliteDurable: boolean;
  seedDemo: boolean;
  /** Area codes whose people the demo generates (default 常乐镇; `all` for the whole district). */
  demoPeople: string[];
  /** Give every other village of the district a light history (DEMO_LIGHT, default true). */
  demoLight: boolean;
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
  /** Reports one source address may send without an account per hour (ANON_REPORTS_PER_HOUR; 0 turns the limit off). */
  anonReportsPerHour: number;
  secureCookies: boolean;
  logLevel: string;
  webDist: string;
  /** Server processes sharing the port (cluster mode, PostgreSQL only): GONGZHI_WORKERS or WEB_CONCURRENCY. */
  workers: number;
  /** The base map under every map of the web app; null draws the grid outlines on a plain background. */
  mapTiles: MapTiles | null;
}

/** A raster tile layer and its coordinate system: the contract's `MapTiles` (`GET /api/config` sends it to the web app). */
export type { MapTiles };

/**
 * MAP_TILE_URL (+ MAP_TILE_KEY, MAP_TILE_LABEL_URL, MAP_TILE_SUBDOMAINS, MAP_TILE_CRS,
 * MAP_TILE_ATTRIBUTION, MAP_TILE_MAX_ZOOM). Unset: no base map. A setting that cannot work stops
 * the start with a message naming it, rather than leaving every map with broken tiles.
 */
export function loadMapTiles(env: NodeJS.ProcessEnv): MapTiles | null {
  const raw = env.MAP_TILE_URL?.trim();
  if (!raw) return null;
  const key = env.MAP_TILE_KEY?.trim() ?? '';
  const fill = (template: string, name: string) => {
    if (!/^(https?:\/\/|\/)/.test(template)) throw new Error(`${name} 应以 http://、https:// 或 / 开头：${template}`);
    if (!['{z}', '{x}', '{y}'].every((p) => template.includes(p))) throw new Error(`${name} 应包含 {z}、{x}、{y} 占位符：${template}`);
    if (template.includes('{key}') && !key) throw new Error(`${name} 含 {key}，请同时设置 MAP_TILE_KEY`);
    return template.replaceAll('{key}', encodeURIComponent(key));
  };
  const crs = (env.MAP_TILE_CRS?.trim() || 'wgs84').toLowerCase();
  if (crs !== 'wgs84' && crs !== 'gcj02') throw new Error(`MAP_TILE_CRS 只能是 wgs84 或 gcj02：${env.MAP_TILE_CRS}`);
  const maxZoom = Number(env.MAP_TILE_MAX_ZOOM?.trim() || 18);
  if (!Number.isInteger(maxZoom) || maxZoom < 1 || maxZoom > 22) throw new Error(`MAP_TILE_MAX_ZOOM 应为 1~22 的整数：${env.MAP_TILE_MAX_ZOOM}`);
  const label = env.MAP_TILE_LABEL_URL?.trim();
  return {
    url: fill(raw, 'MAP_TILE_URL'),
    labelUrl: label ? fill(label, 'MAP_TILE_LABEL_URL') : null,
    subdomains: env.MAP_TILE_SUBDOMAINS?.trim() || 'abc',
    crs,
    attribution: env.MAP_TILE_ATTRIBUTION?.trim() ?? '',
    maxZoom,
  };
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

// The repository's root: this file sits in packages/server/src, and the server's bundle (packages/server/scripts/build.mjs) in
// packages/server/dist, both two folders below packages/.
const repoRoot = path.resolve(import.meta.dirname, '../../..');
/** The server package's folder (its migrations live in `drizzle/`). */
export const serverRoot = path.join(repoRoot, 'packages/server');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR?.startsWith('memory://')
      ? env.DATA_DIR
      : path.resolve(env.DATA_DIR ?? path.join(env.INIT_CWD ?? process.cwd(), 'data')),
    pgliteDurable: env.PGLITE_FSYNC !== 'off',
    seedDemo: env.SEED_DEMO !== 'false',
    demoPeople: (env.DEMO_PEOPLE ?? '320614103').split(',').map((s) => s.trim()).filter(Boolean),
    demoLight: env.DEMO_LIGHT !== 'false',
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
    anonReportsPerHour: num(env.ANON_REPORTS_PER_HOUR, 60),
    secureCookies: env.COOKIE_SECURE === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: path.resolve(env.WEB_DIST ?? path.join(repoRoot, 'packages/web/dist')),
    workers: Math.max(1, Math.floor(Number(env.GONGZHI_WORKERS ?? env.WEB_CONCURRENCY ?? 1)) || 1),
    mapTiles: loadMapTiles(env),
  };
}

export { repoRoot };

/**
 * The origins the browser loads base-map tiles from (for the Content-Security-Policy's img-src):
 * one per subdomain where the template has {s}. None without a base map.
 */
export function tileOrigins(tiles: MapTiles | null): string[] {
  if (!tiles) return [];
  const out = new Set<string>();
  for (const template of [tiles.url, tiles.labelUrl]) {
    if (!template) continue;
    const subs = template.includes('{s}') ? [...tiles.subdomains] : [''];
    for (const sub of subs) {
      try {
        out.add(new URL(template.replaceAll('{s}', sub).replace(/\{[a-z]+\}/gi, '0')).origin);
      } catch {
        // loadMapTiles has refused templates that are not URLs
      }
    }
  }
  return [...out];
}
