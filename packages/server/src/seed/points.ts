// Points for the 海门区 demo: the rule catalogue of Haimen's 双积分 (先锋模范积分 + 邻里守望积分) and
// 道德银行, volunteer hours, 三长 and sunk-down cadre points; the multiplier factors; the partner
// merchant's catalogue, the love supermarket and a property-fee offset; and a few months of
// approved awards so the demo's resident and party member have balances and the leaderboards rows.
import { DEFAULT_FACTORS, SCHEMES, type PointScheme, type Role } from '@gongzhi/domain';
import type { DbOrTx } from '../db/client.ts';
import { getMeta, setMeta } from '../repositories/meta.ts';
import * as repo from '../repositories/points.ts';
import { findUnitByCode, findUserForLogin } from '../repositories/users.ts';
import type { AppContext } from '../services/context.ts';
import { recordApprovedAward } from '../services/points.ts';

const COUNTY = '320614';
const COMMUNITY = '320614103001';

interface RuleSeed {
  code: string;
  name: string;
  scheme: PointScheme;
  points: number;
  maxPoints?: number;
  dailyLimit?: number;
  monthlyLimit?: number;
  auto?: boolean;
  approvers?: Role[];
  basis: string;
}

const HAIMEN = '海门区“双积分”管理办法（“四沉四提四融合”）';
const MORAL_BANK = '“道德银行”家庭积分办法（道德可积分、文明可加分、参与可得分）';

/** District-wide rules (海门区); communities add or override their own (村规民约、居民公约). */
export const DEMO_RULES: RuleSeed[] = [
  // 先锋模范积分 — party members, with the multiplier rule.
  { code: 'party-day', name: '参加主题党日活动', scheme: 'vanguard', points: 5, monthlyLimit: 5, basis: HAIMEN },
  { code: 'wish-fulfilled', name: '认领并完成群众微心愿', scheme: 'vanguard', points: 10, monthlyLimit: 40, basis: HAIMEN },
  { code: 'household-visit', name: '联系户入户走访（一户十联）', scheme: 'vanguard', points: 2, dailyLimit: 10, monthlyLimit: 60, basis: HAIMEN },
  { code: 'policy-talk', name: '政策法规讲解到户', scheme: 'vanguard', points: 2, dailyLimit: 6, basis: HAIMEN },
  { code: 'party-mediation', name: '调解邻里矛盾纠纷', scheme: 'vanguard', points: 5, monthlyLimit: 30, basis: HAIMEN },
  { code: 'hard-task', name: '参加防汛防台、疫情防控等急难险重任务', scheme: 'vanguard', points: 10, maxPoints: 20, basis: HAIMEN },
  { code: 'party-volunteer', name: '带头参加志愿服务', scheme: 'vanguard', points: 3, dailyLimit: 6, basis: HAIMEN },
  // 邻里守望积分 — residents.
  { code: 'case-verified', name: '上报问题经核实办结', scheme: 'neighbourhood', points: 3, monthlyLimit: 30, auto: true, basis: `${HAIMEN}；随手拍、扫码上报经网格员核实办结后系统自动计分` },
  { code: 'neighbour-mediation', name: '调解邻里纠纷', scheme: 'neighbourhood', points: 5, monthlyLimit: 20, basis: HAIMEN },
  { code: 'elderly-care', name: '关爱独居老人、留守儿童（邻里守望）', scheme: 'neighbourhood', points: 3, dailyLimit: 3, monthlyLimit: 30, basis: HAIMEN },
  { code: 'safety-patrol', name: '参加平安巡防', scheme: 'neighbourhood', points: 3, dailyLimit: 3, basis: HAIMEN },
  { code: 'community-activity', name: '参加社区文体和公益活动', scheme: 'neighbourhood', points: 2, monthlyLimit: 20, basis: HAIMEN },
  { code: 'deliberation', name: '参加居民议事协商', scheme: 'neighbourhood', points: 2, monthlyLimit: 8, basis: HAIMEN },
  { code: 'carry-over-neighbourhood', name: '历史积分结转（纸质台账导入）', scheme: 'neighbourhood', points: 1, maxPoints: 1000, auto: true, basis: '启用线上积分时由纸质台账一次性结转' },
  // 道德银行 — per household.
  { code: 'filial-piety', name: '孝老爱亲', scheme: 'family', points: 10, monthlyLimit: 10, basis: MORAL_BANK },
  { code: 'civilised-family', name: '评为文明家庭、星级文明户', scheme: 'family', points: 20, maxPoints: 50, basis: MORAL_BANK },
  { code: 'clean-courtyard', name: '美丽庭院、整洁楼道', scheme: 'family', points: 5, monthlyLimit: 5, basis: MORAL_BANK },
  { code: 'garbage-sorting', name: '垃圾分类示范户', scheme: 'family', points: 3, monthlyLimit: 3, basis: MORAL_BANK },
  { code: 'family-participation', name: '家庭参与社区共建活动', scheme: 'family', points: 2, monthlyLimit: 10, basis: MORAL_BANK },
  // 志愿服务时长 — counted in hours.
  { code: 'volunteer-hour', name: '志愿服务（每小时计 1）', scheme: 'volunteer', points: 1, maxPoints: 8, dailyLimit: 8, basis: '志愿服务记录办法：按实际服务时长记录' },
  // “三长”服务积分 — 网格长、楼栋长、单元长.
  { code: 'building-meeting', name: '组织楼栋议事、楼道会', scheme: 'service', points: 3, monthlyLimit: 12, basis: '社区楼长、单元长工作服务积分管理办法' },
  { code: 'info-collection', name: '协助采集更新基础信息（每户计 1）', scheme: 'service', points: 1, maxPoints: 20, dailyLimit: 20, basis: '社区楼长、单元长工作服务积分管理办法' },
  { code: 'notice-relay', name: '通知政策传达到户', scheme: 'service', points: 2, monthlyLimit: 20, basis: '社区楼长、单元长工作服务积分管理办法' },
  { code: 'hazard-report', name: '排查上报安全隐患', scheme: 'service', points: 2, dailyLimit: 6, basis: '社区楼长、单元长工作服务积分管理办法' },
  // 下沉干部积分.
  { code: 'cadre-checkin', name: '到社区报到服务', scheme: 'cadre', points: 2, dailyLimit: 2, monthlyLimit: 20, auto: true, basis: '县直单位下沉干部积分管理办法；手机报到后系统自动计分，每天一次' },
  { code: 'cadre-task', name: '完成社区交办任务', scheme: 'cadre', points: 5, monthlyLimit: 30, auto: true, basis: '县直单位下沉干部积分管理办法；社区交办任务完成后系统自动计分' },
  { code: 'cadre-project', name: '领办书记项目、民生实事', scheme: 'cadre', points: 10, maxPoints: 30, basis: '县直单位下沉干部积分管理办法' },
  { code: 'cadre-wish', name: '认领群众微心愿', scheme: 'cadre', points: 5, monthlyLimit: 20, basis: '县直单位下沉干部积分管理办法' },
  { code: 'carry-over-vanguard', name: '历史积分结转（纸质台账导入）', scheme: 'vanguard', points: 1, maxPoints: 1000, auto: true, basis: '启用线上积分时由纸质台账一次性结转' },
  { code: 'carry-over-family', name: '历史积分结转（纸质台账导入）', scheme: 'family', points: 1, maxPoints: 1000, auto: true, basis: '启用线上积分时由纸质台账一次性结转' },
];

/** 状元街居委会's own rules: its residents' convention, and a higher rate for its members' visits. */
export const DEMO_COMMUNITY_RULES: RuleSeed[] = [
  { code: 'convention-garbage', name: '状元街居民公约：垃圾定时定点分类投放', scheme: 'neighbourhood', points: 2, monthlyLimit: 8, basis: '状元街社区居民公约' },
  { code: 'household-visit', name: '联系户入户走访（状元街：每户 3 分）', scheme: 'vanguard', points: 3, dailyLimit: 12, monthlyLimit: 72, basis: '状元街社区党委“一户十联”实施细则' },
];

function ruleRow(r: RuleSeed, areaCode: string, sort: number): repo.NewRuleRow {
  const info = SCHEMES[r.scheme];
  return {
    code: r.code,
    name: r.name,
    scheme: r.scheme,
    points: r.points,
    maxPoints: r.maxPoints ?? r.points,
    areaCode,
    dailyLimit: r.dailyLimit ?? null,
    monthlyLimit: r.monthlyLimit ?? null,
    proposerRoles: r.auto ? [] : [...info.defaultProposers],
    approverRoles: r.approvers ?? [...info.defaultApprovers],
    auto: r.auto ?? false,
    basis: r.basis,
    sort,
  };
}

/** The rule catalogue and the multiplier factors; rules already present (or edited) stay as they are. */
export async function seedPointsCatalogue(db: DbOrTx, county = COUNTY): Promise<void> {
  await repo.insertFactors(db, DEFAULT_FACTORS.map((f, i) => ({ code: f.code, name: f.name, percent: f.percent, sort: i })));
  for (const [i, r] of DEMO_RULES.entries()) await repo.insertRule(db, ruleRow(r, county, i));
}

interface ItemSeed {
  unit: string;
  name: string;
  description: string;
  scheme: PointScheme;
  kind: 'goods' | 'service' | 'donation' | 'property-fee';
  price: number;
  stock: number;
}

const SHOP = 'merchant-320614103001-01';
const OFFICE = `office-${COMMUNITY}`;
const PROPERTY = 'property-320614103001-01';

export const DEMO_ITEMS: ItemSeed[] = [
  { unit: SHOP, name: '东北大米 5kg', description: '到店凭兑换码领取', scheme: 'neighbourhood', kind: 'goods', price: 200, stock: 20 },
  { unit: SHOP, name: '食用植物油 1.8L', description: '到店凭兑换码领取', scheme: 'neighbourhood', kind: 'goods', price: 150, stock: 15 },
  { unit: SHOP, name: '洗衣液 2kg', description: '到店凭兑换码领取', scheme: 'neighbourhood', kind: 'goods', price: 80, stock: 30 },
  { unit: SHOP, name: '抽纸 6 包装', description: '到店凭兑换码领取', scheme: 'neighbourhood', kind: 'goods', price: 40, stock: 50 },
  { unit: SHOP, name: '理发服务（单次）', description: '合作理发店：状元街 18 号，凭兑换码服务', scheme: 'neighbourhood', kind: 'service', price: 50, stock: 40 },
  { unit: SHOP, name: '保温杯（先锋积分兑换）', description: '党员凭先锋模范积分兑换', scheme: 'vanguard', kind: 'goods', price: 120, stock: 10 },
  { unit: SHOP, name: '党建读物一套', description: '党员凭先锋模范积分兑换', scheme: 'vanguard', kind: 'goods', price: 60, stock: 20 },
  { unit: SHOP, name: '家电清洗上门服务', description: '空调或油烟机清洗一次，道德银行积分兑换', scheme: 'family', kind: 'service', price: 100, stock: 10 },
  { unit: OFFICE, name: '爱心超市·困难家庭米油包（捐赠）', description: '兑换后由社区爱心超市送给困难家庭，送达确认后积分全额返还（积分返还）', scheme: 'neighbourhood', kind: 'donation', price: 100, stock: 30 },
  { unit: OFFICE, name: '爱心超市·助学文具包（捐赠）', description: '兑换后送给困难家庭学生，送达确认后积分全额返还', scheme: 'vanguard', kind: 'donation', price: 50, stock: 30 },
  { unit: PROPERTY, name: '物业费抵扣 10 元', description: '海门常乐物业：道德银行积分抵扣物业费', scheme: 'family', kind: 'property-fee', price: 100, stock: 1000 },
];

const DAY = 86400_000;

/** Creates the demo's points once (rules, items, history); a database that has them is left alone. */
export async function seedPointsDemo(ctx: AppContext): Promise<'created' | 'present'> {
  if (await getMeta(ctx.db, 'points_seed')) return 'present';
  await seedPointsCatalogue(ctx.db);
  for (const [i, r] of DEMO_COMMUNITY_RULES.entries()) await repo.insertRule(ctx.db, ruleRow(r, COMMUNITY, 100 + i));
  const rows: repo.NewItemRow[] = [];
  for (const [i, it] of DEMO_ITEMS.entries()) {
    const unit = await findUnitByCode(ctx.db, it.unit);
    if (!unit) continue;
    rows.push({ merchantUnitId: unit.id, name: it.name, description: it.description, scheme: it.scheme, kind: it.kind, price: it.price, stock: it.stock, stockIn: it.stock, areaCode: unit.areaCode, sort: i });
  }
  await repo.insertItems(ctx.db, rows);

  const community = await findUserForLogin(ctx.db, 'community');
  const secretary = await findUserForLogin(ctx.db, 'secretary');
  if (community && secretary) {
    const now = Date.now();
    const ago = (days: number, hour = 10) => new Date(Math.floor((now - days * DAY) / DAY) * DAY + (hour - 8) * 3600_000);
    await ctx.db.transaction(async (tx) => {
      // Balances carried over from the paper ledger at the start of the year.
      const yearStart = new Date(Date.UTC(new Date(now + 8 * 3600_000).getUTCFullYear(), 0, 1) - 8 * 3600_000 - DAY);
      const carry = [
        { username: 'resident', scheme: 'neighbourhood' as const, ruleCode: 'carry-over-neighbourhood', points: 200 },
        { username: 'resident', scheme: 'family' as const, ruleCode: 'carry-over-family', points: 40 },
        { username: 'party', scheme: 'vanguard' as const, ruleCode: 'carry-over-vanguard', points: 80 },
      ];
      for (const c of carry) {
        await recordApprovedAward(tx, { ...c, note: `纸质台账结转 ${c.points} 分`, proposedBy: community.id, approvedBy: secretary.id, at: yearStart });
      }
      const history: { username: string; scheme: PointScheme; ruleCode: string; points?: number; factors?: string[]; note: string; days: number }[] = [
        { username: 'resident', scheme: 'neighbourhood', ruleCode: 'neighbour-mediation', note: '调解 3 幢楼上楼下漏水纠纷', days: 75 },
        { username: 'resident', scheme: 'neighbourhood', ruleCode: 'elderly-care', note: '每周看望 5 幢独居老人顾阿婆', days: 70 },
        { username: 'resident', scheme: 'neighbourhood', ruleCode: 'safety-patrol', note: '参加夜间平安巡防', days: 62 },
        { username: 'resident', scheme: 'neighbourhood', ruleCode: 'community-activity', note: '参加重阳节敬老活动志愿服务', days: 48 },
        { username: 'resident', scheme: 'neighbourhood', ruleCode: 'convention-garbage', note: '垃圾分类定时定点投放示范', days: 40 },
        { username: 'resident', scheme: 'neighbourhood', ruleCode: 'elderly-care', note: '陪同独居老人就医', days: 33 },
        { username: 'resident', scheme: 'neighbourhood', ruleCode: 'neighbour-mediation', note: '劝解停车位纠纷', days: 26 },
        { username: 'resident', scheme: 'neighbourhood', ruleCode: 'safety-patrol', note: '参加平安巡防', days: 12 },
        { username: 'resident', scheme: 'neighbourhood', ruleCode: 'deliberation', note: '参加加装电梯议事会', days: 6 },
        { username: 'resident', scheme: 'neighbourhood', ruleCode: 'community-activity', note: '参加社区清洁家园活动', days: 3 },
        { username: 'resident', scheme: 'family', ruleCode: 'filial-piety', note: '长期照顾患病父母，邻里推荐', days: 55 },
        { username: 'resident', scheme: 'family', ruleCode: 'clean-courtyard', note: '楼道整洁示范户', days: 20 },
        { username: 'party', scheme: 'vanguard', ruleCode: 'party-day', note: '参加“学习二十届全会精神”主题党日', days: 80 },
        { username: 'party', scheme: 'vanguard', ruleCode: 'party-day', note: '参加“红色教育”主题党日', days: 50 },
        { username: 'party', scheme: 'vanguard', ruleCode: 'party-day', note: '参加主题党日并作交流发言', days: 20 },
        { username: 'party', scheme: 'vanguard', ruleCode: 'household-visit', factors: ['backbone'], note: '走访联系户 10 户', days: 66 },
        { username: 'party', scheme: 'vanguard', ruleCode: 'household-visit', factors: ['backbone'], note: '走访联系户，收集需求 3 条', days: 36 },
        { username: 'party', scheme: 'vanguard', ruleCode: 'hard-task', factors: ['hard-task'], note: '参加台风“贝碧嘉”防汛值守', days: 58 },
        { username: 'party', scheme: 'vanguard', ruleCode: 'party-mediation', note: '调解邻里噪声纠纷', days: 28 },
        { username: 'party', scheme: 'vanguard', ruleCode: 'wish-fulfilled', note: '为独居老人更换门锁（微心愿）', days: 14 },
        { username: 'party', scheme: 'vanguard', ruleCode: 'party-volunteer', factors: ['lead'], note: '牵头组织楼道清洁志愿服务', days: 8 },
        { username: 'party', scheme: 'vanguard', ruleCode: 'policy-talk', note: '讲解城乡居民医保缴费政策', days: 5 },
        { username: 'party', scheme: 'volunteer', ruleCode: 'volunteer-hour', points: 4, note: '社区义诊志愿服务 4 小时', days: 45 },
        { username: 'party', scheme: 'volunteer', ruleCode: 'volunteer-hour', points: 3, note: '文明交通劝导 3 小时', days: 10 },
        { username: 'party', scheme: 'neighbourhood', ruleCode: 'community-activity', note: '参加社区清洁家园活动', days: 3 },
      ];
      for (const h of history) {
        await recordApprovedAward(tx, { ...h, proposedBy: community.id, approvedBy: secretary.id, at: ago(h.days, 9 + (h.days % 8)) });
      }
    });
  }
  await setMeta(ctx.db, 'points_seed', { version: 1, at: new Date().toISOString() });
  return 'created';
}
