import type { Config } from './config.ts';
import { openDatabase, runMigrations } from './db/client.ts';
import { loadMasterKey, PiiCipher } from './lib/pii-cipher.ts';
import type { AppContext } from './services/context.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';
import { ensureRollupLayout } from './repositories/rollups.ts';
import { seedCatalogue } from './services/cases.ts';
import { refreshWorkTime } from './services/work-time.ts';
import { seedPointsCatalogue } from './seed/points.ts';
import { seedWishPointsRule } from './seed/wishes.ts';

/** Opens the database, applies migrations and (unless disabled) creates the demo on first start. */
/** A configuration the server refuses to start with; main prints its message and exits. */
export class StartupError extends Error {}

/** Refuses configurations that would put data at risk (checked before the database is opened). */
export function checkStartupConfig(config: Config): void {
  if (config.databaseUrl && !config.masterKey && !config.devKeyFile) {
    throw new StartupError(
      '使用 PostgreSQL（DATABASE_URL）时必须设置主密钥 GONGZHI_MASTER_KEY（64 位十六进制，可用 `openssl rand -hex 32` 生成，并妥善备份）：' +
        '身份证号和手机号用它加密，密钥丢失则这些数据无法解密。仅在开发环境中可设置 GONGZHI_DEV_KEY_FILE=true，改用数据目录中自动生成的密钥文件。' +
        ' GONGZHI_MASTER_KEY is required with DATABASE_URL (set GONGZHI_DEV_KEY_FILE=true for development only).',
    );
  }
}

export async function bootstrap(
  config: Config,
  log: (msg: string) => void = () => {},
  /** In-memory PGlite only: start from this seeded data directory (the test tier's template). */
  opts: { loadDataDir?: Blob } = {},
): Promise<AppContext> {
  checkStartupConfig(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, durable: config.pgliteDurable, loadDataDir: opts.loadDataDir });
  await runMigrations(database);
  const cipher = new PiiCipher(loadMasterKey(config.masterKey, config.dataDir));
  const ctx: AppContext = { database, db: database.db, cipher, config };
  // Holiday overrides and office hours count for every deadline, the demo's included.
  await refreshWorkTime(ctx.db, true);
  // Roll-up combinations added by an upgrade are filled from the cases before anything folds.
  await ensureRollupLayout(ctx.db, log);
  // The catalogue ships with the product; types added by an upgrade appear, edited ones stay as edited.
  await database.withLock('gongzhi:catalogue', async () => {
    await seedCatalogue(ctx.db);
    await seedPointsCatalogue(ctx.db);
    await seedWishPointsRule(ctx);
  });
  if (config.seedDemo) {
    const result = await seedDemoIfEmpty(ctx, { peopleAreas: config.demoPeople, light: config.demoLight, log });
    if (result === 'present') log('演示数据已存在，直接启动');
  }
  return ctx;
}
