// Demo of service points, the talent registry and sunk-down cadres for the two populated communities of 常乐镇
// (docs/SERVICE-POINTS.md). Service points reuse the registry's places where one stands (党群服务中心, 养老服务站,
// clinics) and add a grid station (网格驿站) in each grid. Rows carry keys: seeding twice changes nothing.
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { centroidOf, chinaDate, polygonsOf } from '@gongzhi/domain';
import { areas, cadreCheckins, places, users } from '../db/schema.ts';
import * as repo from '../repositories/cadres.ts';
import { findUnitByCode, findUserForLogin, insertUser } from '../repositories/users.ts';
import { hashPassword } from '../lib/passwords.ts';
import type { AppContext } from '../services/context.ts';
import { awardAutomatically } from '../services/points.ts';

export const DEMO_CADRE_COMMUNITIES = ['320614103001', '320614103002'];

const HOURS = {
  centre: '周一至周日 8:30-17:30（节假日轮值）',
  station: '周一至周五 8:30-11:30、14:00-17:30',
  clinic: '每天 8:00-20:00',
  elderly: '周一至周六 8:00-17:00，助餐 11:00-12:30',
};

/** The demo's sunk-down cadres and first secretaries: username, name, community, sending unit, kind. */
const DEMO_CADRES = [
  { username: 'cadre', name: '周建军', village: '320614103001', unit: 'dept-cg', kind: 'sunk-down' },
  { username: 'cadre-sf', name: '钱慧敏', village: '320614103001', unit: 'dept-sf', kind: 'first-secretary' },
  { username: 'cadre-mz', name: '孙海涛', village: '320614103001', unit: 'dept-mz', kind: 'sunk-down' },
  { username: 'cadre-wj', name: '李雪芳', village: '320614103002', unit: 'dept-wj', kind: 'sunk-down' },
  { username: 'cadre-rs', name: '吴国庆', village: '320614103002', unit: 'dept-rs', kind: 'first-secretary' },
] as const;

const DEMO_TALENTS = [
  { name: '陈志明', category: 'entrepreneur', roles: ['development'], workplace: '海门志明家纺有限公司 董事长', expertise: '家纺产业、电商直播带货', phone: '13962811208', consent: true },
  { name: '顾丽华', category: 'doctor', roles: ['technology'], workplace: '海门区人民医院 全科医生', expertise: '慢病管理、老年健康讲座', phone: '13806281735', consent: true },
  { name: '黄永辉', category: 'cadre', roles: ['legal', 'review'], workplace: '江苏海晟律师事务所 律师', expertise: '婚姻家庭、劳动争议调解', phone: '13701488902', consent: true },
  { name: '沈玉珍', category: 'teacher', roles: ['review'], workplace: '常乐镇中心小学 退休教师', expertise: '青少年课后托管、书法', phone: '15262817730', consent: true },
  { name: '施建新', category: 'other', roles: ['technology'], workplace: '常乐镇农技站 农艺师', expertise: '蔬菜大棚种植技术', phone: '13515208841', consent: false },
] as const;

export async function seedCadresDemo(ctx: AppContext, password: string, communities = DEMO_CADRE_COMMUNITIES): Promise<void> {
  for (const village of communities) {
    const v = await ctx.db.query.areas.findFirst({ where: (a, { eq }) => eq(a.code, village) });
    if (!v) continue;
    // Service points: the registry's facilities and clinics, and one grid station per grid.
    const facilities = await ctx.db
      .select()
      .from(places)
      .where(and(like(places.areaCode, `${village}%`), inArray(places.kind, ['service-centre', 'elderly-care', 'clinic'])))
      .orderBy(asc(places.areaCode), asc(places.name));
    const grids = await ctx.db
      .select({ code: areas.code, name: areas.name, geometry: areas.geometry })
      .from(areas)
      .where(and(eq(areas.level, 'grid'), like(areas.code, `${village}%`)))
      .orderBy(asc(areas.code));
    const rows: repo.NewServicePointRow[] = [];
    const centre = facilities.find((f) => f.kind === 'service-centre');
    for (const f of facilities) {
      const kind = f.kind === 'service-centre' ? 'service-centre' : f.kind === 'elderly-care' ? 'elderly-care' : 'clinic';
      rows.push({
        key: `sp-place-${f.id}`,
        areaCode: village,
        kind,
        name: f.kind === 'service-centre' ? `${v.name}党群服务中心` : f.name,
        lat: f.lat,
        lng: f.lng,
        address: f.address,
        placeId: f.id,
        hours: kind === 'service-centre' ? HOURS.centre : kind === 'clinic' ? HOURS.clinic : HOURS.elderly,
        services:
          kind === 'service-centre'
            ? ['政务服务代办', '党员活动室', '道德讲堂', '矛盾纠纷调解', '阅览室', '一网通办自助终端']
            : kind === 'clinic'
              ? ['常见病诊疗', '测血压血糖', '家庭医生签约']
              : ['老年助餐', '日间照料', '健康监测'],
        contactName: kind === 'service-centre' ? '值班社工' : null,
        contactPhone: kind === 'service-centre' ? '0513-82218' + village.slice(-3) : null,
      });
    }
    if (centre) {
      rows.push(
        { key: `sp-${village}-supermarket`, areaCode: village, kind: 'love-supermarket', name: `${v.name}爱心超市`, lat: centre.lat + 0.0006, lng: centre.lng + 0.0004, address: centre.address, hours: '周二、周四、周六 9:00-16:00', services: ['积分兑换生活用品', '困难家庭物资发放'], contactName: '超市管理员', contactPhone: null },
        { key: `sp-${village}-neighbour`, areaCode: village, kind: 'neighbourhood-centre', name: `${v.name}邻里中心`, lat: centre.lat - 0.0012, lng: centre.lng + 0.0015, address: centre.address, hours: '每天 9:00-21:00', services: ['四点半课堂', '书画室', '健身室', '共享客厅'], contactName: null, contactPhone: null },
      );
    }
    for (const [i, g] of grids.entries()) {
      const polygon = polygonsOf(g.geometry)[0];
      if (!polygon) continue;
      const [lng, lat] = centroidOf(polygon);
      if (!Number.isFinite(lat) || !Number.isFinite(lng)) continue;
      rows.push({
        key: `sp-station-${g.code}`,
        areaCode: g.code,
        kind: i % 3 === 2 ? 'building-group' : 'grid-station',
        name: i % 3 === 2 ? `${g.name}楼栋党小组活动点` : `${g.name}网格驿站`,
        lat: lat + 0.0002,
        lng,
        address: `${v.name}${g.name}`,
        hours: HOURS.station,
        services: i % 3 === 2 ? ['党员亮身份', '楼道议事', '民情收集'] : ['网格员坐班', '随手拍受理', '便民工具借用', '饮水休息'],
        contactName: '网格员',
        contactPhone: null,
      });
    }
    await repo.insertServicePointsIfAbsent(ctx.db, rows);

    // The talent registry: four listed with consent, one recorded without it yet.
    await repo.insertTalentsIfAbsent(
      ctx.db,
      DEMO_TALENTS.map((t, i) => ({
        key: `talent-${village}-${i}`,
        areaCode: village,
        name: village.endsWith('1') ? t.name : `${t.name.slice(0, 1)}${['晓', '建', '春', '秋', '立'][i]}${t.name.slice(2) || '华'}`,
        category: t.category,
        roles: [...t.roles],
        workplace: t.workplace,
        expertise: t.expertise,
        phoneCipher: ctx.cipher.encrypt(t.phone),
        phoneLast4: t.phone.slice(-4),
        consentAt: t.consent ? new Date(Date.now() - (40 + i) * 86_400_000) : null,
        consentNote: t.consent ? '本人签署《名录库入库意愿书》' : null,
      })),
    );
  }

  // Sunk-down cadres: accounts with the cadre role, their community as scope and the sending unit as unit.
  const passwordHash = await hashPassword(password);
  const now = new Date();
  for (const c of DEMO_CADRES) {
    if (!communities.includes(c.village)) continue;
    let user = await findUserForLogin(ctx.db, c.username);
    if (!user) {
      const unit = await findUnitByCode(ctx.db, c.unit);
      user = await insertUser(ctx.db, { username: c.username, displayName: `${c.name}（${unit?.shortName ?? '下沉干部'}）`, passwordHash, roles: ['cadre'], scopeCode: c.village, unitId: unit?.id ?? null, personId: null });
    } else continue;
    await repo.upsertCadreProfile(ctx.db, user.id, c.kind, null);
    // A modest history: check-ins on some past days of this and last month (not today: the demo checks in live).
    const daysBack = [1, 2, 4, 6, 10, 13, 17, 24, 31, 38].filter((_, i) => (i + c.username.length) % 3 !== 0);
    for (const back of daysBack) {
      const at = new Date(now.getTime() - back * 86_400_000);
      at.setUTCHours(1 + (back % 3), 10 * (back % 5), 0, 0);
      await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(cadreCheckins)
          .values({ userId: user.id, areaCode: c.village, unitId: user.unitId, day: chinaDate(at), at })
          .onConflictDoNothing()
          .returning();
        if (row) await awardAutomatically(tx, { ruleCode: 'cadre-checkin', userId: user.id, refType: 'cadre_checkin', refId: row.id, at });
      });
    }
    const secretary = (await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'secretary')))[0] ?? null;
    const done = await repo.insertTask(ctx.db, {
      userId: user.id,
      areaCode: c.village,
      unitId: user.unitId,
      title: c.unit === 'dept-cg' ? '协助整治小区周边占道经营' : c.unit === 'dept-sf' ? '开展一次法律明白人讲座' : c.unit === 'dept-mz' ? '走访辖区低保、特困家庭' : c.unit === 'dept-wj' ? '组织老年人免费健康体检' : '举办一场家门口招聘会',
      detail: '按社区党委部署完成，并在系统中反馈完成情况。',
      assignedBy: secretary?.id ?? null,
      state: 'done',
      completedAt: new Date(now.getTime() - 5 * 86_400_000),
      completionNote: '已完成，居民反映良好。',
    });
    await ctx.db.transaction((tx) => awardAutomatically(tx, { ruleCode: 'cadre-task', userId: user.id, refType: 'cadre_task', refId: done.id, at: new Date(now.getTime() - 5 * 86_400_000) }));
    await repo.insertTask(ctx.db, {
      userId: user.id,
      areaCode: c.village,
      unitId: user.unitId,
      title: c.unit === 'dept-cg' ? '排查无物业小区楼道堆物' : c.unit === 'dept-sf' ? '调解第三网格邻里漏水纠纷' : c.unit === 'dept-mz' ? '核实高龄津贴申请材料' : c.unit === 'dept-wj' ? '上门随访独居老人' : '摸排辖区失业人员就业意愿',
      detail: '请于本周内完成，完成后附照片说明。',
      dueOn: chinaDate(new Date(now.getTime() + 5 * 86_400_000)),
      assignedBy: secretary?.id ?? null,
    });
  }
}
