import type { Config } from './config.ts';
import { openDatabase, runMigrations } from './db/client.ts';
import { loadMasterKey, PiiCipher } from './lib/pii-cipher.ts';
import type { AppContext } from './services/context.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';
import { seedCatalogue } from './services/cases.ts';
import { seedPointsCatalogue } from './seed/points.ts';
import { seedWishPointsRule } from './seed/wishes.ts';

/** Opens the database, applies migrations and (unless disabled) creates the demo on first start. */
export async function bootstrap(config: Config, log: (msg: string) => void = () => {}): Promise<AppContext> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await runMigrations(database);
  const cipher = new PiiCipher(loadMasterKey(config.masterKey, config.dataDir));
  const ctx: AppContext = { database, db: database.db, cipher, config };
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
