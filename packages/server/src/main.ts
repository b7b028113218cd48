import { loadConfig } from './config.ts';
import { bootstrap } from './bootstrap.ts';
import { buildApp } from './http/app.ts';
import { startDeadlineSweep } from './services/cases.ts';
import { startMeasureFolding } from './services/measure-rollups.ts';

const started = Date.now();
const config = loadConfig();
const log = (msg: string) => console.log(`[gongzhi] ${msg}`);
log(config.databaseUrl ? '使用 PostgreSQL（DATABASE_URL）' : `使用内嵌数据库 PGlite：${config.dataDir}`);
const ctx = await bootstrap(config, log);
const app = await buildApp(ctx, { logger: { level: config.logLevel === 'info' ? 'warn' : config.logLevel } });
await app.listen({ port: config.port, host: config.host });
const stopSweep = startDeadlineSweep(ctx);
const stopFolding = startMeasureFolding(ctx);
log(`已就绪：http://localhost:${config.port}/ （移动端 /m，接口文档 /api/docs），启动用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);

const shutdown = async () => {
  stopSweep();
  stopFolding();
  await app.close();
  await ctx.database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
