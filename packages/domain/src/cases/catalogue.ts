// The case catalogue (事项目录, SPEC §4): seed data for the hierarchy of case types.
//
// Families and codes:
// - '01'–'06'  events (事件) of digital city management, GB/T 30428: two-digit major class,
//              four-digit minor class ('0101' 私搭乱建).
// - 'B'        components (部件) of the same standard. The standard also numbers component
//              classes 01–06, so ours carry a 'B' prefix to stay unique ('B0110' 路灯).
// - 'G'        comprehensive-governance items, GB/T 31000 "9+X" ('G0101' 邻里纠纷).
// - 'H'        hotline order types of 12345 ('H03' 投诉).
// Every code starts with its parent's code, so "type X or anything under it" is a prefix test,
// as with area codes.
//
// Categories (leaf: false) carry the same fields as leaves: they are the defaults an admin starts
// from when adding a local type beneath them. The numbers below are seed values; each deployment
// adjusts them in the admin screens.
import type { DeadlineSpec } from '../calendar.ts';

/** Units a type can be routed to by default; the seeded organisation tree uses these codes. */
export const CATALOGUE_UNITS = {
  'dept-cg': '城管局',
  'dept-ga': '公安分局',
  'dept-scjg': '市场监管局',
  'dept-zj': '住建局',
  'dept-mz': '民政局',
  'dept-wj': '卫健委',
  'dept-sthj': '生态环境局',
  'dept-yj': '应急管理局',
  'dept-sf': '司法局',
  'dept-sw': '水务局',
  'dept-jt': '交通运输局',
  'dept-zrzy': '自然资源局',
  'dept-nync': '农业农村局',
  'dept-jy': '教体局',
  'dept-rs': '人社局',
  'dept-xf': '消防救援大队',
  'util-gd': '供电公司',
  'util-zls': '自来水公司',
  'util-rq': '燃气公司',
  'util-tx': '电信公司',
} as const;
export type CatalogueUnitCode = keyof typeof CATALOGUE_UNITS;

/**
 * The lowest level that normally resolves a type (小事不出村、大事不出镇、难事不出县).
 * Same values as the workflow's owner levels.
 */
export type HandlingLevel = 'village' | 'town' | 'district';

/**
 * Time limit of each step, each counted from the moment the step becomes due:
 * - accept: from the report to 受理 (or 不予受理)
 * - acknowledge: from dispatch to 签收/报到 by the unit
 * - handle: from dispatch to 办结反馈 — it includes the acknowledgement, as the hotline's
 *   "办理时限" runs from the order being sent, not from its being signed for
 * - verify: from the handling feedback to the on-site check or return visit (核查/回访)
 */
export interface CaseDeadlines {
  accept: DeadlineSpec;
  acknowledge: DeadlineSpec;
  handle: DeadlineSpec;
  verify: DeadlineSpec;
}

export interface CatalogueEntry {
  code: string;
  name: string;
  parentCode: string | null;
  leaf: boolean;
  /** Words residents use for this type; for suggesting a category from free text. */
  keywords?: string[];
  defaultUnitCode?: CatalogueUnitCode;
  handlingLevel: HandlingLevel;
  /** 急难险重: skips the village and town and goes straight to the district centre. */
  urgent?: boolean;
  deadlines: CaseDeadlines;
  /** Whether closing needs an on-site check (现场核验) rather than a phone return visit. */
  verifyOnSite: boolean;
  /** Dispatched at intake to `defaultUnitCode` (自动派遣) when it lands with a town or district centre. */
  autoDispatch?: boolean;
  /** A property matter under `002`'s 5321 rule (rule-5321.ts): step limits in minutes once dispatched. */
  rule5321?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Deadline profiles

const hours = (amount: number): DeadlineSpec => ({ unit: 'hours', amount });
const workingDays = (amount: number): DeadlineSpec => ({ unit: 'workingDays', amount });

/** 急难险重 (collapse, burst main, gas leak): on the way within 30 minutes, made safe in hours. */
const emergency = (handleHours: number): CaseDeadlines => ({
  accept: hours(0.5),
  acknowledge: hours(0.5),
  handle: hours(handleHours),
  verify: workingDays(1),
});

/**
 * Ordinary digital-city-management events and components: the centre files the case within
 * 2 hours of the patrol report, the unit signs within 2 hours, handles in 1–5 working days,
 * and the supervisor re-checks on site the next working day.
 */
const cityWork = (handleDays: number): CaseDeadlines => ({
  accept: hours(2),
  acknowledge: hours(2),
  handle: workingDays(handleDays),
  verify: workingDays(1),
});

/** Same-day street matters measured in hours (e.g. snow on the road, straw burning). */
const sameDay = (handleHours: number): CaseDeadlines => ({
  accept: hours(1),
  acknowledge: hours(1),
  handle: hours(handleHours),
  verify: workingDays(1),
});

/** People's matters (disputes, services, special groups): worked over days, checked by a return visit. */
const casework = (handleDays: number): CaseDeadlines => ({
  accept: workingDays(1),
  acknowledge: workingDays(1),
  handle: workingDays(handleDays),
  verify: workingDays(2),
});

/**
 * Property matters: half an hour to accept and to sign, and the handling limit until the handler
 * picks the 5321 tier (types flagged `rule5321`; the step minutes are in rule-5321.ts: 5 + 5 + 5
 * minutes to learn, plan and reply, then 30 minutes, 2 hours or 1 day by tier, which becomes the
 * handling limit).
 */
const property = (handleHours: number): CaseDeadlines => ({
  accept: hours(0.5),
  acknowledge: hours(0.5),
  handle: hours(handleHours),
  verify: workingDays(1),
});

/** 12345 orders: consultation 2 working days, help and suggestion 10, complaint and report 15. */
const hotline = (handleDays: number): CaseDeadlines => ({
  accept: hours(2),
  acknowledge: workingDays(1),
  handle: workingDays(handleDays),
  verify: workingDays(2),
});

// ---------------------------------------------------------------------------------------------
// Builders: a category with its leaves. Leaves inherit level, unit and on-site flag.

interface LeafSpec {
  code: string;
  name: string;
  unit?: CatalogueUnitCode;
  level?: HandlingLevel;
  deadlines: CaseDeadlines;
  keywords: string[];
  urgent?: boolean;
  verifyOnSite?: boolean;
  autoDispatch?: boolean;
  rule5321?: boolean;
}

interface CategorySpec {
  code: string;
  name: string;
  unit?: CatalogueUnitCode;
  level: HandlingLevel;
  deadlines: CaseDeadlines;
  verifyOnSite: boolean;
  urgent?: boolean;
}

function parentOf(code: string): string | null {
  return code.length <= 2 ? null : code.slice(0, -2);
}

function category(spec: CategorySpec, leaves: LeafSpec[]): CatalogueEntry[] {
  const head: CatalogueEntry = {
    code: spec.code,
    name: spec.name,
    parentCode: parentOf(spec.code),
    leaf: false,
    ...(spec.unit ? { defaultUnitCode: spec.unit } : {}),
    handlingLevel: spec.level,
    ...(spec.urgent ? { urgent: true } : {}),
    deadlines: spec.deadlines,
    verifyOnSite: spec.verifyOnSite,
  };
  return [
    head,
    ...leaves.map((l): CatalogueEntry => {
      const unit = l.unit ?? spec.unit;
      const urgent = l.urgent ?? spec.urgent ?? false;
      return {
        code: l.code,
        name: l.name,
        parentCode: spec.code,
        leaf: true,
        keywords: l.keywords,
        ...(unit ? { defaultUnitCode: unit } : {}),
        // Urgent matters go straight to the district, whatever the category says.
        handlingLevel: urgent ? 'district' : (l.level ?? spec.level),
        ...(urgent ? { urgent: true } : {}),
        deadlines: l.deadlines,
        verifyOnSite: l.verifyOnSite ?? spec.verifyOnSite,
        ...(l.autoDispatch ? { autoDispatch: true } : {}),
        ...(l.rule5321 ? { rule5321: true } : {}),
      };
    }),
  ];
}

/** A family root ('B', 'G', 'H'): a category without leaves of its own. */
const root = (spec: CategorySpec): CatalogueEntry[] => category(spec, []);

// ---------------------------------------------------------------------------------------------
// The seed

export const CATALOGUE: CatalogueEntry[] = [
  // ===== Events (事件), GB/T 30428 =====
  ...category({ code: '01', name: '市容环境', unit: 'dept-cg', level: 'village', deadlines: cityWork(2), verifyOnSite: true }, [
    { code: '0101', name: '私搭乱建', level: 'town', deadlines: cityWork(5), keywords: ['违建', '违章搭建', '私搭', '棚子', '加盖'] },
    { code: '0102', name: '暴露垃圾', deadlines: cityWork(1), keywords: ['垃圾', '乱扔', '乱倒', '暴露垃圾'] },
    { code: '0103', name: '积存垃圾渣土', deadlines: cityWork(2), keywords: ['渣土', '建筑垃圾', '积存', '垃圾堆'] },
    { code: '0104', name: '道路不洁', deadlines: cityWork(1), keywords: ['路面脏', '油污', '不洁', '清扫'] },
    { code: '0105', name: '水域不洁', unit: 'dept-sw', level: 'town', deadlines: cityWork(3), keywords: ['河道', '漂浮物', '水面垃圾', '河面'] },
    { code: '0106', name: '垃圾满溢', deadlines: cityWork(1), keywords: ['垃圾桶满', '满溢', '没人清运', '清运'] },
    { code: '0107', name: '道路遗撒', level: 'town', deadlines: cityWork(1), keywords: ['遗撒', '撒漏', '泥浆', '抛洒'] },
    { code: '0108', name: '乱涂乱画', deadlines: cityWork(3), keywords: ['涂鸦', '乱画', '喷涂', '乱写'] },
    { code: '0109', name: '乱堆物堆料', deadlines: cityWork(2), keywords: ['堆物', '堆放', '杂物', '占道堆放'] },
    { code: '0111', name: '废弃车辆', level: 'town', deadlines: cityWork(5), keywords: ['僵尸车', '废弃车辆', '长期停放', '报废车'] },
  ]),
  ...category({ code: '02', name: '宣传广告', unit: 'dept-cg', level: 'village', deadlines: cityWork(2), verifyOnSite: true }, [
    { code: '0201', name: '非法小广告', deadlines: cityWork(1), keywords: ['小广告', '牛皮癣', '乱贴', '办证'] },
    { code: '0202', name: '违规户外广告', level: 'town', deadlines: cityWork(5), keywords: ['户外广告', '广告牌', '大型广告', '违规设置'] },
    { code: '0203', name: '占道广告牌', deadlines: cityWork(1), keywords: ['立式广告', '占道广告', '落地广告牌'] },
    { code: '0204', name: '违规横幅标语', deadlines: cityWork(1), keywords: ['横幅', '条幅', '标语'] },
    { code: '0205', name: '店招标牌破损', level: 'town', deadlines: cityWork(2), keywords: ['店招', '招牌', '破损', '脱落'] },
  ]),
  ...category({ code: '03', name: '施工管理', unit: 'dept-zj', level: 'town', deadlines: cityWork(2), verifyOnSite: true }, [
    { code: '0301', name: '施工扰民', deadlines: cityWork(2), keywords: ['施工噪音', '夜间施工', '扰民', '打桩'] },
    { code: '0302', name: '工地扬尘', deadlines: cityWork(1), keywords: ['扬尘', '灰尘', '未覆盖', '裸土'] },
    { code: '0303', name: '施工占道', unit: 'dept-cg', deadlines: cityWork(2), keywords: ['占道施工', '围挡', '材料占道'] },
    { code: '0304', name: '渣土车辆未密闭', unit: 'dept-cg', deadlines: cityWork(2), keywords: ['渣土车', '未密闭', '带泥上路'] },
    { code: '0305', name: '无证掘路', level: 'district', deadlines: cityWork(2), keywords: ['开挖', '掘路', '挖路', '破路'] },
  ]),
  ...category({ code: '04', name: '街面秩序', unit: 'dept-cg', level: 'village', deadlines: cityWork(1), verifyOnSite: true }, [
    { code: '0401', name: '无照经营游商', deadlines: cityWork(1), keywords: ['游商', '流动摊贩', '摆摊', '小贩'] },
    { code: '0402', name: '店外经营', deadlines: cityWork(1), keywords: ['出店经营', '店外', '占道经营'] },
    { code: '0403', name: '占道废品收购', deadlines: cityWork(1), keywords: ['废品', '收购', '回收站', '收破烂'] },
    { code: '0404', name: '机动车乱停放', unit: 'dept-ga', deadlines: cityWork(1), keywords: ['乱停车', '违停', '占道停车', '堵门'] },
    { code: '0405', name: '非机动车乱停放', deadlines: cityWork(1), keywords: ['电动车乱停', '自行车', '乱停'] },
    { code: '0406', name: '共享单车乱停放', deadlines: cityWork(1), keywords: ['共享单车', '共享电单车', '单车堆积'] },
    { code: '0407', name: '露天烧烤', deadlines: cityWork(1), keywords: ['烧烤', '露天', '夜市'] },
    { code: '0408', name: '流浪乞讨', unit: 'dept-mz', level: 'town', deadlines: cityWork(1), keywords: ['流浪', '乞讨', '露宿', '救助站'] },
  ]),
  ...category({ code: '05', name: '突发事件', level: 'district', urgent: true, deadlines: emergency(4), verifyOnSite: true }, [
    { code: '0501', name: '路面塌陷', unit: 'dept-zj', deadlines: emergency(24), keywords: ['塌陷', '坑洞', '路面下沉', '地陷'] },
    { code: '0502', name: '自来水管破裂', unit: 'util-zls', deadlines: emergency(4), autoDispatch: true, keywords: ['爆管', '水管破裂', '冒水', '漏水'] },
    { code: '0503', name: '燃气管道破裂', unit: 'util-rq', deadlines: emergency(4), autoDispatch: true, keywords: ['燃气泄漏', '漏气', '煤气味', '燃气管'] },
    {
      code: '0504',
      name: '下水道堵塞或破损',
      unit: 'dept-sw',
      level: 'town',
      urgent: false,
      deadlines: cityWork(1),
      keywords: ['下水道', '堵塞', '污水外溢', '返水'],
    },
    { code: '0505', name: '道路积水', unit: 'dept-sw', deadlines: emergency(12), keywords: ['积水', '内涝', '淹水', '排水不畅'] },
    { code: '0506', name: '井盖缺失', unit: 'dept-zj', deadlines: emergency(4), keywords: ['井盖丢失', '井盖缺失', '井盖移位', '井口'] },
    { code: '0507', name: '电力线缆断落', unit: 'util-gd', deadlines: emergency(4), autoDispatch: true, keywords: ['电线', '断落', '漏电', '电线杆倒'] },
    { code: '0508', name: '树木倒伏', unit: 'dept-zj', deadlines: emergency(12), keywords: ['大树', '倒伏', '断枝', '倒树'] },
    { code: '0509', name: '危险化学品泄漏', unit: 'dept-yj', deadlines: emergency(4), keywords: ['化学品', '泄漏', '危化品', '刺鼻'] },
    { code: '0510', name: '火情', unit: 'dept-xf', deadlines: emergency(2), keywords: ['火灾', '起火', '冒烟', '着火'] },
  ]),
  ...category({ code: '06', name: '扩展事件', level: 'town', deadlines: cityWork(3), verifyOnSite: true }, [
    { code: '0601', name: '餐饮油烟', unit: 'dept-sthj', deadlines: cityWork(5), keywords: ['油烟', '排烟', '餐馆', '饭店'] },
    { code: '0602', name: '焚烧垃圾树叶', unit: 'dept-cg', level: 'village', deadlines: sameDay(4), keywords: ['焚烧', '烧垃圾', '烧树叶', '烟雾'] },
    { code: '0603', name: '违规养犬', unit: 'dept-ga', level: 'village', deadlines: cityWork(3), keywords: ['狗', '犬', '遛狗', '未拴绳', '烈性犬'] },
    { code: '0604', name: '商铺高音喇叭', unit: 'dept-cg', level: 'village', deadlines: cityWork(1), keywords: ['喇叭', '高音', '促销', '音响'] },
    { code: '0605', name: '违规排污', unit: 'dept-sthj', deadlines: cityWork(3), keywords: ['排污', '污水直排', '偷排', '废水'] },
    // Local extensions of the standard's events (its 扩展事件 class is for these): problems a town's dispatchers
    // meet every week that no class above names (docs/SMART-INTAKE.md "Catalogue additions"). 地锁 are counted
    // among a street's cleared items next to 私搭乱建 and 僵尸车 in the seed material (`002`).
    { code: '0606', name: '违规饲养家禽家畜', unit: 'dept-cg', level: 'village', deadlines: cityWork(3), keywords: ['家禽', '饲养家禽', '鸡鸭', '养鸽子', '圈养'] },
    { code: '0607', name: '道路积雪结冰', unit: 'dept-cg', level: 'village', deadlines: sameDay(12), keywords: ['积雪', '结冰', '除雪', '铲雪', '撒盐'] },
    { code: '0608', name: '私装地锁', unit: 'dept-cg', level: 'village', deadlines: cityWork(2), keywords: ['地锁', '车位锁', '私装地锁'] },
    { code: '0609', name: '毁绿种菜', unit: 'dept-cg', level: 'village', deadlines: cityWork(3), keywords: ['种菜', '毁绿', '菜地', '开荒'] },
  ]),

  // ===== Components (部件), GB/T 30428 =====
  ...root({ code: 'B', name: '城市部件', level: 'town', deadlines: cityWork(3), verifyOnSite: true }),
  ...category({ code: 'B01', name: '公用设施', level: 'town', deadlines: cityWork(3), verifyOnSite: true }, [
    { code: 'B0101', name: '上水井盖', unit: 'util-zls', deadlines: cityWork(2), keywords: ['自来水井盖', '给水井盖', '井盖破损'] },
    { code: 'B0102', name: '污水井盖', unit: 'dept-sw', deadlines: cityWork(2), keywords: ['污水井盖', '井盖松动', '井盖响'] },
    { code: 'B0103', name: '雨水井盖', unit: 'dept-sw', deadlines: cityWork(2), keywords: ['雨水井盖', '雨水箅子', '篦子'] },
    { code: 'B0107', name: '消火栓', unit: 'dept-xf', deadlines: cityWork(2), keywords: ['消火栓', '消防栓', '漏水', '损坏'] },
    { code: 'B0108', name: '配电设施', unit: 'util-gd', deadlines: cityWork(3), keywords: ['配电箱', '变压器', '箱变', '电箱'] },
    { code: 'B0109', name: '通信交接箱', unit: 'util-tx', deadlines: cityWork(3), keywords: ['光交箱', '交接箱', '线缆', '飞线'] },
    { code: 'B0110', name: '路灯', unit: 'dept-cg', deadlines: cityWork(3), keywords: ['路灯', '不亮', '灯杆', '晚上黑'] },
  ]),
  ...category({ code: 'B02', name: '道路交通', level: 'town', deadlines: cityWork(3), verifyOnSite: true }, [
    { code: 'B0201', name: '交通信号灯', unit: 'dept-ga', deadlines: cityWork(1), keywords: ['红绿灯', '信号灯', '不亮', '故障'] },
    { code: 'B0202', name: '交通标志牌', unit: 'dept-ga', deadlines: cityWork(3), keywords: ['标志牌', '路牌', '指示牌', '倒伏'] },
    { code: 'B0203', name: '公交站亭', unit: 'dept-jt', deadlines: cityWork(3), keywords: ['公交站', '候车亭', '站牌'] },
    { code: 'B0204', name: '道路护栏', unit: 'dept-jt', deadlines: cityWork(3), keywords: ['护栏', '隔离栏', '栏杆'] },
    { code: 'B0205', name: '人行道板', unit: 'dept-zj', deadlines: cityWork(5), keywords: ['人行道', '地砖', '道板', '松动'] },
    { code: 'B0208', name: '交通标线', unit: 'dept-ga', deadlines: cityWork(5), keywords: ['斑马线', '标线', '模糊'] },
    { code: 'B0210', name: '道路破损', unit: 'dept-zj', deadlines: cityWork(5), keywords: ['坑槽', '路面破损', '裂缝', '坑洼'] },
    { code: 'B0211', name: '农村公路破损', unit: 'dept-jt', deadlines: cityWork(5), keywords: ['村道', '农村公路', '乡村道路', '路基'] },
  ]),
  ...category({ code: 'B03', name: '市容环境设施', unit: 'dept-cg', level: 'village', deadlines: cityWork(2), verifyOnSite: true }, [
    { code: 'B0301', name: '公共厕所', deadlines: cityWork(1), keywords: ['公厕', '厕所', '卫生间', '冲水'] },
    { code: 'B0302', name: '垃圾箱', deadlines: cityWork(2), keywords: ['垃圾桶', '果皮箱', '垃圾箱破损'] },
    { code: 'B0303', name: '垃圾分类投放点', deadlines: cityWork(2), keywords: ['分类', '投放点', '垃圾房', '垃圾亭'] },
  ]),
  ...category({ code: 'B04', name: '园林绿化', unit: 'dept-zj', level: 'town', deadlines: cityWork(5), verifyOnSite: true }, [
    { code: 'B0401', name: '树木缺损', deadlines: cityWork(5), keywords: ['枯死', '树木', '缺株', '死树'] },
    { code: 'B0402', name: '绿地脏乱', deadlines: cityWork(2), keywords: ['绿化带', '草坪', '脏乱', '杂草'] },
    { code: 'B0403', name: '行道树遮挡', deadlines: cityWork(5), keywords: ['树枝', '遮挡', '修剪', '挡光'] },
  ]),
  ...category({ code: 'B05', name: '房屋土地', unit: 'dept-zj', level: 'town', deadlines: cityWork(3), verifyOnSite: true }, [
    { code: 'B0501', name: '危房', level: 'district', deadlines: cityWork(3), keywords: ['危房', '墙体裂缝', '倾斜', '漏雨'] },
    { code: 'B0502', name: '违法占地', unit: 'dept-zrzy', level: 'district', deadlines: cityWork(5), keywords: ['占地', '耕地', '违法用地', '圈地'] },
    { code: 'B0503', name: '外墙脱落', deadlines: cityWork(1), keywords: ['外墙', '瓷砖', '脱落', '坠落'] },
  ]),
  ...category({ code: 'B06', name: '其他设施', level: 'town', deadlines: cityWork(5), verifyOnSite: true }, [
    { code: 'B0601', name: '健身器材', unit: 'dept-jy', deadlines: cityWork(5), keywords: ['健身器材', '健身路径', '损坏'] },
    { code: 'B0602', name: '监控设施', unit: 'dept-ga', deadlines: cityWork(5), keywords: ['监控', '摄像头', '探头'] },
    { code: 'B0604', name: '充电设施', unit: 'util-gd', deadlines: cityWork(3), keywords: ['充电桩', '充电棚', '充电口'] },
    // Railings, warning signs and lifebuoys by ponds, rivers and landscape pools (防溺水): a village's standing summer task.
    { code: 'B0605', name: '防溺水设施', unit: 'dept-sw', level: 'village', deadlines: cityWork(2), keywords: ['防溺水', '临水护栏', '警示牌', '救生圈', '池塘'] },
  ]),

  // ===== Comprehensive governance (综治事项), GB/T 31000 "9+X" =====
  ...root({ code: 'G', name: '综治事项', level: 'village', deadlines: casework(10), verifyOnSite: false }),
  ...category({ code: 'G01', name: '矛盾纠纷', unit: 'dept-sf', level: 'village', deadlines: casework(10), verifyOnSite: false }, [
    { code: 'G0101', name: '邻里纠纷', deadlines: casework(5), keywords: ['邻居', '邻里', '吵架', '楼上漏水'] },
    { code: 'G0102', name: '婚姻家庭纠纷', deadlines: casework(10), keywords: ['家庭矛盾', '婚姻', '赡养', '离婚'] },
    { code: 'G0103', name: '物业纠纷', unit: 'dept-zj', level: 'town', deadlines: casework(10), keywords: ['物业费', '业委会', '物业纠纷'] },
    { code: 'G0104', name: '劳资纠纷', unit: 'dept-rs', level: 'town', deadlines: casework(10), keywords: ['欠薪', '拖欠工资', '讨薪', '工钱'] },
    { code: 'G0105', name: '土地承包纠纷', unit: 'dept-nync', level: 'town', deadlines: casework(15), keywords: ['承包地', '土地流转', '土地纠纷'] },
    { code: 'G0106', name: '宅基地纠纷', unit: 'dept-zrzy', level: 'town', deadlines: casework(15), keywords: ['宅基地', '地界', '建房纠纷'] },
    { code: 'G0107', name: '消费纠纷', unit: 'dept-scjg', level: 'town', deadlines: casework(7), keywords: ['退款', '消费', '商家', '预付卡'] },
  ]),
  ...category({ code: 'G02', name: '社会治安', unit: 'dept-ga', level: 'town', deadlines: casework(5), verifyOnSite: false }, [
    { code: 'G0201', name: '治安隐患', deadlines: casework(3), verifyOnSite: true, keywords: ['治安', '可疑人员', '盗窃', '偷'] },
    { code: 'G0202', name: '噪声扰民', level: 'village', deadlines: cityWork(1), keywords: ['噪音', '广场舞', '装修噪音', '扰民'] },
    { code: 'G0203', name: '涉黄涉赌线索', level: 'district', deadlines: casework(10), keywords: ['赌博', '聚赌', '卖淫', '涉黄'] },
  ]),
  ...category({ code: 'G03', name: '安全隐患', level: 'town', deadlines: cityWork(2), verifyOnSite: true }, [
    { code: 'G0301', name: '消防隐患', unit: 'dept-xf', deadlines: cityWork(2), keywords: ['消防', '灭火器', '隐患', '私拉电线'] },
    { code: 'G0302', name: '燃气隐患', unit: 'dept-zj', deadlines: cityWork(1), keywords: ['液化气', '煤气罐', '钢瓶', '燃气软管'] },
    { code: 'G0303', name: '电动车违规充电', unit: 'dept-xf', level: 'village', deadlines: cityWork(1), keywords: ['飞线充电', '楼道充电', '电瓶车', '电动车进楼'] },
    { code: 'G0304', name: '消防通道堵塞', unit: 'dept-xf', level: 'village', deadlines: cityWork(1), keywords: ['消防通道', '生命通道', '堵塞'] },
    { code: 'G0305', name: '安全生产隐患', unit: 'dept-yj', level: 'district', deadlines: casework(5), verifyOnSite: true, keywords: ['安全生产', '工厂', '违规作业', '无防护'] },
    { code: 'G0306', name: '食品安全', unit: 'dept-scjg', deadlines: casework(5), verifyOnSite: true, keywords: ['食品', '过期', '变质', '小作坊'] },
    { code: 'G0307', name: '自建房安全', unit: 'dept-zj', deadlines: casework(5), verifyOnSite: true, keywords: ['自建房', '经营性自建房', '加层', '改建'] },
    // A flat partitioned and let by the bed (群租): housing and fire-safety officers visit together; the 住建 side leads.
    { code: 'G0308', name: '群租房', unit: 'dept-zj', level: 'village', deadlines: casework(5), verifyOnSite: true, keywords: ['群租', '群租房', '隔断出租', '分租'] },
  ]),
  ...category({ code: 'G04', name: '特殊人群服务管理', level: 'village', deadlines: casework(5), verifyOnSite: false }, [
    { code: 'G0401', name: '社区矫正对象', unit: 'dept-sf', deadlines: casework(5), keywords: ['社区矫正', '矫正对象', '脱管'] },
    { code: 'G0402', name: '刑满释放人员', unit: 'dept-sf', deadlines: casework(5), keywords: ['刑满释放', '安置帮教'] },
    { code: 'G0403', name: '严重精神障碍患者', unit: 'dept-wj', deadlines: casework(2), keywords: ['精神病', '精神障碍', '发病', '肇事'] },
    { code: 'G0404', name: '吸毒人员', unit: 'dept-ga', deadlines: casework(5), keywords: ['吸毒', '社区戒毒', '康复'] },
    { code: 'G0405', name: '留守困境儿童', unit: 'dept-mz', deadlines: casework(5), keywords: ['留守儿童', '困境儿童', '无人照看'] },
  ]),
  ...category({ code: 'G05', name: '校园周边', unit: 'dept-ga', level: 'town', deadlines: casework(3), verifyOnSite: true }, [
    { code: 'G0501', name: '校园周边治安', deadlines: casework(3), keywords: ['学校门口', '校园周边', '学生安全', '欺凌'] },
    { code: 'G0502', name: '上下学交通秩序', deadlines: cityWork(2), keywords: ['接送', '放学', '拥堵', '学校门口停车'] },
  ]),
  ...category({ code: 'G06', name: '重点人员', unit: 'dept-ga', level: 'town', deadlines: casework(2), verifyOnSite: false }, [
    { code: 'G0601', name: '重点人员动态', deadlines: casework(2), keywords: ['重点人员', '动态异常', '走访', '失联'] },
  ]),
  ...category({ code: 'G07', name: '民生服务', level: 'village', deadlines: casework(10), verifyOnSite: false }, [
    { code: 'G0701', name: '养老服务', unit: 'dept-mz', deadlines: casework(10), keywords: ['养老', '独居老人', '助餐', '居家养老'] },
    { code: 'G0702', name: '低保救助', unit: 'dept-mz', level: 'town', deadlines: casework(10), keywords: ['低保', '救助', '困难补助', '特困'] },
    { code: 'G0703', name: '残疾人服务', unit: 'dept-mz', deadlines: casework(10), keywords: ['残疾', '残疾证', '无障碍', '轮椅'] },
    { code: 'G0704', name: '就业社保', unit: 'dept-rs', level: 'town', deadlines: casework(10), keywords: ['就业', '社保', '养老保险', '失业'] },
    { code: 'G0705', name: '入学教育', unit: 'dept-jy', level: 'district', deadlines: casework(10), keywords: ['入学', '学位', '转学', '学区'] },
    { code: 'G0706', name: '停水', unit: 'util-zls', level: 'town', deadlines: sameDay(24), autoDispatch: true, keywords: ['停水', '没水', '水压低', '水质'] },
    { code: 'G0707', name: '停电', unit: 'util-gd', level: 'town', deadlines: sameDay(24), autoDispatch: true, keywords: ['停电', '断电', '电压不稳', '跳闸'] },
  ]),
  ...category({ code: 'G08', name: '物业管理', unit: 'dept-zj', level: 'village', deadlines: property(24), verifyOnSite: true }, [
    { code: 'G0801', name: '电梯故障', unit: 'dept-scjg', rule5321: true, deadlines: property(2), keywords: ['电梯', '困人', '停运', '电梯故障'] },
    { code: 'G0802', name: '小区环境卫生', rule5321: true, deadlines: property(24), keywords: ['小区垃圾', '保洁', '卫生差', '垃圾没人收'] },
    { code: 'G0803', name: '楼道堆物', unit: 'dept-xf', rule5321: true, deadlines: property(24), keywords: ['楼道', '堆物', '杂物', '过道'] },
    { code: 'G0804', name: '小区停车管理', deadlines: casework(5), keywords: ['小区停车', '车位', '乱停', '外来车'] },
    { code: 'G0805', name: '公共设施维修', rule5321: true, deadlines: property(24), keywords: ['单元门', '门禁', '楼道灯', '维修'] },
    { code: 'G0806', name: '物业服务质量', level: 'town', deadlines: casework(10), verifyOnSite: false, keywords: ['物业不作为', '服务差', '物业公司'] },
    { code: 'G0807', name: '违规装修', deadlines: casework(5), keywords: ['装修', '拆墙', '承重墙', '改造'] },
    { code: 'G0808', name: '高空抛物', unit: 'dept-ga', deadlines: casework(3), keywords: ['高空抛物', '坠物', '往下扔'] },
  ]),
  ...category({ code: 'G09', name: '农村人居环境', level: 'village', deadlines: cityWork(3), verifyOnSite: true }, [
    { code: 'G0901', name: '河塘沟渠脏乱', unit: 'dept-sw', deadlines: cityWork(3), keywords: ['河塘', '沟渠', '水草', '黑臭'] },
    { code: 'G0902', name: '秸秆焚烧', unit: 'dept-sthj', deadlines: sameDay(4), keywords: ['秸秆', '焚烧', '烧田', '烟雾'] },
    { code: 'G0903', name: '农村生活垃圾', unit: 'dept-cg', deadlines: cityWork(2), keywords: ['村里垃圾', '垃圾池', '清运', '垃圾桶'] },
    { code: 'G0904', name: '畜禽养殖污染', unit: 'dept-nync', level: 'town', deadlines: casework(10), verifyOnSite: true, keywords: ['养猪', '养殖', '粪污', '臭味'] },
    { code: 'G0905', name: '农村违法建房', unit: 'dept-zrzy', level: 'town', deadlines: casework(10), verifyOnSite: true, keywords: ['建房', '农房', '翻建', '未批先建'] },
  ]),

  // ===== Hotline orders (12345 热线) =====
  ...category({ code: 'H', name: '热线诉求', level: 'town', deadlines: hotline(15), verifyOnSite: false }, [
    { code: 'H01', name: '咨询', deadlines: hotline(2), keywords: ['咨询', '请问', '怎么办理', '政策'] },
    { code: 'H02', name: '求助', deadlines: hotline(10), keywords: ['求助', '帮忙', '困难', '无人管'] },
    { code: 'H03', name: '投诉', deadlines: hotline(15), keywords: ['投诉', '不满', '反映', '服务态度'] },
    { code: 'H04', name: '举报', level: 'district', deadlines: hotline(15), keywords: ['举报', '违法', '违规', '线索'] },
    { code: 'H05', name: '建议', level: 'district', deadlines: hotline(10), keywords: ['建议', '希望', '提议', '意见'] },
  ]),
];

/** Entries by code. */
export const CATALOGUE_BY_CODE: ReadonlyMap<string, CatalogueEntry> = new Map(CATALOGUE.map((e) => [e.code, e]));

/** The entry and its ancestors, root first (e.g. for breadcrumbs and inherited settings). */
export function catalogueAncestry(code: string, entries: ReadonlyMap<string, CatalogueEntry> = CATALOGUE_BY_CODE): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  const seen = new Set<string>(); // an admin-edited table could contain a cycle
  for (let e = entries.get(code); e && !seen.has(e.code); e = e.parentCode === null ? undefined : entries.get(e.parentCode)) {
    seen.add(e.code);
    out.unshift(e);
  }
  return out;
}
