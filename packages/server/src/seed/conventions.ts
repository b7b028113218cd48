// Conventions for the 海门区 demo: 状元街社区's 居民公约 — an older version superseded and the one in
// force, adopted by a residents' assembly whose ballots are in the demo — and one village's 村规民约
// (recorded as a paper vote of its villagers' representatives, before the platform).
import { chinaDate, conventionKindOf, shortVillageName, decideDeliberation, type ConventionArticle } from '@gongzhi/domain';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { areas, deliberationBallots, deliberationRoll, deliberations, pointsRules } from '../db/schema.ts';
import { getMeta, setMeta } from '../repositories/meta.ts';
import * as repo from '../repositories/conventions.ts';
import { householdsIn } from '../repositories/deliberations.ts';
import { findUserForLogin } from '../repositories/users.ts';
import type { AppContext } from '../services/context.ts';

const COMMUNITY = '320614103001';
const TOWN = '320614103';
const DAY = 86_400_000;

const a = (id: string, chapter: string | null, text: string): ConventionArticle => ({ id, chapter, text });

/** 2021 edition: eight articles, before waste sorting and dog rules were written in. */
const COMMUNITY_V1: ConventionArticle[] = [
  a('c01', '第一章 总则', '为建设文明和谐的状元街社区，根据《中华人民共和国城市居民委员会组织法》，经居民会议讨论，制定本公约。'),
  a('c02', '第二章 环境卫生', '爱护公共环境，不乱扔垃圾，不乱堆乱放，不在楼道堆放杂物。'),
  a('c03', '第二章 环境卫生', '爱护绿化，不毁绿种菜，不在公共绿地晾晒衣物。'),
  a('c04', '第三章 邻里和睦', '邻里之间互相尊重、互谅互让，有矛盾纠纷先找楼栋长、网格员调解。'),
  a('c05', '第三章 邻里和睦', '关心孤寡老人、残疾人和困难家庭，积极参加邻里互助。'),
  a('c06', '第四章 移风易俗', '婚事新办、丧事简办，不大操大办，不铺张浪费。'),
  a('c07', '第五章 消防安全', '不在楼道、门厅为电动自行车充电，不占用消防通道。'),
  a('c08', '第六章 附则', '本公约由社区居民委员会监督执行，自居民会议通过之日起施行。'),
];

/** The edition in force: waste sorting, dogs, parking and the points that reward keeping them. */
const COMMUNITY_V2: ConventionArticle[] = [
  a('c01', '第一章 总则', '为建设文明和谐的状元街社区，根据《中华人民共和国城市居民委员会组织法》第十五条，经居民会议讨论通过，制定本公约。'),
  a('c02', '第二章 环境卫生', '爱护公共环境，不乱扔垃圾，不乱堆乱放，不在楼道、屋顶、地下车库堆放杂物。'),
  a('c09', '第二章 环境卫生', '垃圾分类，定时定点投放：厨余垃圾、可回收物、有害垃圾、其他垃圾分开投放，大件垃圾预约清运。按时分类投放的，按“邻里积分”规则每次计 2 分。'),
  a('c03', '第二章 环境卫生', '爱护绿化，不毁绿种菜，不在公共绿地晾晒衣物。'),
  a('c04', '第三章 邻里和睦', '邻里之间互相尊重、互谅互让，装修、娱乐注意时段和音量；有矛盾纠纷先找楼栋长、网格员调解。'),
  a('c05', '第三章 邻里和睦', '关心孤寡老人、残疾人和困难家庭，积极参加邻里互助和志愿服务。'),
  a('c10', '第三章 邻里和睦', '文明养犬：犬只办证、接种疫苗，出门拴绳并及时清理犬只粪便，不在公共区域放养。'),
  a('c06', '第四章 移风易俗', '婚事新办、丧事简办，不大操大办，不铺张浪费，不燃放烟花爆竹。'),
  a('c07', '第五章 消防安全', '不在楼道、门厅为电动自行车充电，不占用、堵塞消防通道和安全出口。'),
  a('c11', '第五章 消防安全', '车辆有序停放，不占用盲道、绿地和他人车位。'),
  a('c08', '第六章 附则', '本公约由社区居民委员会监督执行，自居民会议通过之日起施行，2021 年版同时废止。'),
];

const VILLAGE_ARTICLES: ConventionArticle[] = [
  a('v01', '第一章 总则', '为推进乡村振兴、建设美丽乡村，根据《中华人民共和国村民委员会组织法》第二十七条，经村民代表会议讨论通过，制定本村规民约。'),
  a('v02', '第二章 人居环境', '房前屋后保持整洁，不乱堆柴草杂物，生活垃圾分类后投放到指定地点。'),
  a('v03', '第二章 人居环境', '不向河道倾倒垃圾和污水，不在河边洗涤农药器具。'),
  a('v04', '第三章 移风易俗', '红白喜事向村红白理事会报备，婚事新办、丧事简办，不大操大办。'),
  a('v05', '第三章 移风易俗', '孝老爱亲，赡养父母，不虐待、遗弃老人。'),
  a('v06', '第四章 安全生产', '秸秆禁烧，不在田间地头焚烧秸秆和垃圾。'),
  a('v07', '第五章 附则', '本村规民约由村民委员会监督执行，自通过之日起施行。'),
];

/** Creates the demo's conventions once; a database that has them (meta `conventions_seed`) is left alone. */
export async function seedConventionsDemo(ctx: AppContext): Promise<'created' | 'present'> {
  if (await getMeta(ctx.db, 'conventions_seed')) return 'present';
  const [secretary, community] = await Promise.all([findUserForLogin(ctx.db, 'secretary'), findUserForLogin(ctx.db, 'community')]);
  if (!secretary || !community) return 'present';
  const now = Date.now();
  const at = (days: number) => new Date(now - days * DAY);
  const village = (
    await ctx.db
      .select({ code: areas.code, name: areas.name })
      .from(areas)
      .where(and(like(areas.code, `${TOWN}%`), eq(areas.level, 'village'), sql`${areas.retiredAt} is null`))
      .orderBy(asc(areas.code))
  )
    .find((r) => conventionKindOf(r.code) === 'village');
  const roll = await householdsIn(ctx.db, COMMUNITY, 40);
  await ctx.db.transaction(async (tx) => {
    // The residents' assembly (household representatives) that adopted the edition in force, 200 days ago.
    const closedAt = at(200);
    const choices = roll.map((_, i) => (i % 10 === 9 ? null : i % 10 === 8 ? 'no' : i % 10 === 7 ? 'abstain' : 'yes') as 'yes' | 'no' | 'abstain' | null);
    const outcome = decideDeliberation({ body: 'residents-assembly', form: 'households', roll: choices.map((choice) => ({ choice })) });
    const d = (
      await tx
        .insert(deliberations)
        .values({
          title: '修订《状元街社区居民公约》',
          description: '将垃圾分类、文明养犬、车辆停放写入居民公约，并与“邻里积分”的垃圾分类规则衔接。',
          areaCode: COMMUNITY,
          body: 'residents-assembly',
          form: 'households',
          state: 'decided',
          result: outcome,
          createdBy: community.id,
          closedBy: community.id,
          closedAt,
          createdAt: at(214),
        })
        .returning({ id: deliberations.id })
    )[0]!;
    if (roll.length) {
      const rows = await tx
        .insert(deliberationRoll)
        .values(roll.map((h, i) => ({ deliberationId: d.id, seq: i + 1, name: h.head ?? h.doorplate ?? `第 ${i + 1} 户`, householdId: h.householdId })))
        .returning({ id: deliberationRoll.id, seq: deliberationRoll.seq });
      const ballots = rows.flatMap((r) => {
        const choice = choices[r.seq - 1];
        return choice ? [{ deliberationId: d.id, rollId: r.id, choice, online: false, recordedBy: community.id, createdAt: closedAt }] : [];
      });
      if (ballots.length) await tx.insert(deliberationBallots).values(ballots);
    }
    const rules = await tx.select({ id: pointsRules.id }).from(pointsRules).where(eq(pointsRules.areaCode, COMMUNITY));
    const c = await repo.ensureConvention(tx, { areaCode: COMMUNITY, kind: 'community', createdBy: secretary.id, createdAt: at(1800) });
    await repo.insertVersion(tx, {
      conventionId: c.id,
      versionNo: 1,
      title: '状元街社区居民公约（2021 年版）',
      articles: COMMUNITY_V1,
      state: 'superseded',
      adoptedOn: '2021-03-18',
      paperNote: '2021 年 3 月 18 日社区居民会议（户代表）举手表决通过，会议记录存社区档案室',
      draftedBy: secretary.id,
      adoptedBy: secretary.id,
      adoptedAt: new Date('2021-03-18T10:00:00+08:00'),
      supersededAt: closedAt,
      createdAt: new Date('2021-03-01T09:00:00+08:00'),
    });
    await repo.insertVersion(tx, {
      conventionId: c.id,
      versionNo: 2,
      title: '状元街社区居民公约',
      articles: COMMUNITY_V2,
      pointsRuleIds: rules.map((r) => r.id),
      state: 'adopted',
      deliberationId: d.id,
      adoptedOn: chinaDate(closedAt),
      draftedBy: secretary.id,
      adoptedBy: secretary.id,
      adoptedAt: closedAt,
      createdAt: at(230),
    });
    if (village) {
      const v = await repo.ensureConvention(tx, { areaCode: village.code, kind: 'village', createdBy: null, createdAt: at(900) });
      await repo.insertVersion(tx, {
        conventionId: v.id,
        versionNo: 1,
        title: `${shortVillageName(village.name)}村规民约`,
        articles: VILLAGE_ARTICLES,
        state: 'adopted',
        adoptedOn: chinaDate(at(900)),
        paperNote: '村民代表会议纸质表决通过，已报常乐镇人民政府备案',
        createdAt: at(920),
      });
    }
    await setMeta(tx, 'conventions_seed', { at: new Date(now).toISOString() });
  });
  return 'created';
}
