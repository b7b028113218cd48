import cluster from 'node:cluster';
import { loadConfig } from './config.ts';
import { bootstrap, checkStartupConfig, StartupError } from './bootstrap.ts';
import { buildApp } from './http/app.ts';
import { relayBroadcasts } from './lib/cluster-bus.ts';
import { intakeBatcher, startDeadlineSweep } from './services/cases.ts';
import { startMeasureFolding } from './services/measure-rollups.ts';
import { startWorkTimeRefresh } from './services/work-time.ts';
import { startChainSealer } from './services/chains.ts';

const started = Date.now();
const config = loadConfig();
const log = (msg: string) => console.log(`[gongzhi] ${msg}${cluster.isWorker ? `（进程 ${cluster.worker?.id}）` : ''}`);

try {
  checkStartupConfig(config);
} catch (e) {
  if (!(e instanceof StartupError)) throw e;
  console.error(`[gongzhi] 无法启动：${e.message}`);
  process.exit(1);
}

if (cluster.isPrimary && config.workers > 1 && !config.databaseUrl) {
  log('内嵌数据库 PGlite 只能在一个进程中使用，忽略 GONGZHI_WORKERS，以单进程运行');
}

if (cluster.isPrimary && config.workers > 1 && config.databaseUrl) {
  await runPrimary();
} else {
  await runServer();
}

/** Cluster mode: migrate and seed once, then start the workers that share the port. */
async function runPrimary() {
  log('使用 PostgreSQL（DATABASE_URL）');
  const ctx = await bootstrap(config, log);
  await ctx.database.close();
  relayBroadcasts();
  let stopping = false;
  const fork = () => cluster.fork({ GONGZHI_WORKER: '1' });
  for (let i = 0; i < config.workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log(`工作进程 ${worker.id} 退出（${signal ?? code}），重新启动`);
    fork();
  });
  const shutdown = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    const wait = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        clearInterval(wait);
        process.exit(0);
      }
    }, 100);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  log(`集群模式：${config.workers} 个工作进程，端口 ${config.port}`);
}

async function runServer() {
  if (cluster.isPrimary) {
    log(
      config.databaseUrl
        ? '使用 PostgreSQL（DATABASE_URL）'
        : config.pgliteDurable
          ? `使用内嵌数据库 PGlite：${config.dataDir}（每次提交写入磁盘后才应答；适合单机试用与小规模部署，生产环境建议 PostgreSQL）`
          : `使用内嵌数据库 PGlite：${config.dataDir}（PGLITE_FSYNC=off：不等待写入磁盘，断电或系统崩溃可能丢失已确认的数据，仅用于演示和测试）`,
    );
  }
  const ctx = await bootstrap(config, cluster.isPrimary ? log : () => {});
  const app = await buildApp(ctx, { logger: { level: config.logLevel === 'info' ? 'warn' : config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  const stopSweep = startDeadlineSweep(ctx);
  const stopFolding = startMeasureFolding(ctx);
  const stopSealing = startChainSealer(ctx);
  const stopWorkTime = startWorkTimeRefresh(ctx);
  log(`已就绪：http://localhost:${config.port}/ （移动端 /m，接口文档 /api/docs），启动用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    stopSweep();
    stopFolding();
    stopSealing();
    stopWorkTime();
    // Stop taking requests, let those in flight finish, and answer every intake still being
    // group-committed before the database connections close.
    await app.close();
    const intake = intakeBatcher(ctx);
    await intake.drain();
    if (intake.stats.items > 0) log(`接收案件 ${intake.stats.items} 件，分 ${intake.stats.batches} 批提交`);
    await ctx.database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
