// Deterministic demo places and organisations of a community: a plausible handful per grid, the same on
// every fresh demo (seeded from the area codes, like the rest of the demo data).
import { bboxOf, pointInPolygon, type Polygon, type Position } from '../geo.ts';
import { Rng } from '../demo/random.ts';
import { creditCodeCheckChar } from './credit-code.ts';
import type { OrgKind, PlaceKind } from './kinds.ts';

export interface DemoGrid {
  code: string;
  name: string;
  geometry: Polygon;
}

export interface DemoPlace {
  key: string;
  kind: PlaceKind;
  name: string;
  gridCode: string;
  point: Position;
  outline: Polygon | null;
  /** Key of the property company managing a compound; null: 无物业小区. */
  propertyOrgKey: string | null;
  address: string;
}

export interface DemoOrg {
  key: string;
  kind: OrgKind;
  name: string;
  areaCode: string;
  contactName: string;
  phone: string;
  creditCode: string | null;
  whitelisted: boolean;
}

const COMPOUND_NAMES = ['锦绣花园', '状元府', '滨江苑', '紫薇新村', '东洲名邸', '香樟园', '海悦华庭', '金色家园', '常乐新苑', '秀山府'];
const VENUES: [PlaceKind, string[]][] = [
  ['small-shop', ['邻里便民超市', '百家乐购', '平价烟酒店']],
  ['restaurant', ['老街面馆', '海门山羊肉馆', '小杨生煎']],
  ['hair-salon', ['丝域美发', '剪艺坊']],
  ['internet-cafe', ['星际网咖']],
  ['hotel', ['如家快捷宾馆', '悦来旅馆']],
  ['entertainment', ['金嗓子KTV']],
  ['clinic', ['仁心诊所', '康民口腔诊所']],
  ['school', ['阳光幼儿园', '小博士托育园']],
  ['training', ['启航培训学校', '墨香书法培训']],
  ['workshop', ['老王家具作坊', '巧手缝纫店']],
];
const FACILITIES: [PlaceKind, string][] = [
  ['service-centre', '党群服务中心'],
  ['elderly-care', '居家养老服务站'],
  ['park', '文化广场'],
  ['ev-charging', '电动车集中充电棚'],
  ['waste-station', '垃圾分类投放点'],
  ['fire-station', '微型消防站'],
];
const PROPERTY_COMPANIES = ['海门市恒安物业服务有限公司', '南通万家物业管理有限公司', '江苏华润物业服务有限公司'];
const SURNAMES = '陆施黄张王陈沈顾杨季徐朱';
const GIVEN = ['建国', '秀兰', '海峰', '晓燕', '志明', '丽华', '国强', '春梅'];

function pointIn(rng: Rng, polygon: Polygon): Position {
  const [minX, minY, maxX, maxY] = bboxOf(polygon);
  for (let i = 0; i < 200; i++) {
    const p: Position = [rng.float(minX, maxX), rng.float(minY, maxY)];
    if (pointInPolygon(p, polygon)) return [Number(p[0].toFixed(6)), Number(p[1].toFixed(6))];
  }
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}

/** A small square (about 120 m) around a point, kept inside the grid when possible: a compound's outline. */
function squareAround([x, y]: Position, half = 0.0006): Polygon {
  const r = (v: number) => Number(v.toFixed(6));
  return {
    type: 'Polygon',
    coordinates: [[[r(x - half), r(y - half)], [r(x + half), r(y - half)], [r(x + half), r(y + half)], [r(x - half), r(y + half)], [r(x - half), r(y - half)]]],
  };
}

/** A valid unified social credit code (GB 32100) for a demo organisation. */
export function demoCreditCode(rng: Rng, divisionCode: string, authority = '9', kind = '1'): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let org = '';
  for (let i = 0; i < 9; i++) org += chars[rng.int(0, i < 8 ? 9 : 30)];
  const first17 = authority + kind + divisionCode.slice(0, 6) + org;
  return first17 + creditCodeCheckChar(first17)!;
}

function phoneOf(rng: Rng): string {
  return '13' + String(rng.int(0, 9)) + String(rng.int(10_000_000, 99_999_999));
}

/** The places and organisations of one community (village code) with its grids. */
export function generateCommunityPlaces(villageCode: string, villageName: string, grids: DemoGrid[]): { places: DemoPlace[]; orgs: DemoOrg[] } {
  const rng = Rng.from(`${villageCode}:places`);
  const places: DemoPlace[] = [];
  const orgs: DemoOrg[] = [];
  const person = () => SURNAMES[rng.int(0, SURNAMES.length - 1)]! + GIVEN[rng.int(0, GIVEN.length - 1)]!;
  const pcCount = Math.min(PROPERTY_COMPANIES.length, Math.max(1, Math.ceil(grids.length / 2)));
  for (let i = 0; i < pcCount; i++) {
    orgs.push({
      key: `${villageCode}-pc-${i + 1}`,
      kind: 'property-company',
      name: PROPERTY_COMPANIES[(i + rng.int(0, 2)) % PROPERTY_COMPANIES.length]!,
      areaCode: villageCode,
      contactName: person(),
      phone: phoneOf(rng),
      creditCode: demoCreditCode(rng, '320684'),
      whitelisted: false,
    });
  }
  const uniquePc = orgs.filter((o, i) => orgs.findIndex((p) => p.name === o.name) === i);
  orgs.splice(0, orgs.length, ...uniquePc);
  let compoundNo = 0;
  grids.forEach((g, gi) => {
    const compounds = 1 + (gi % 2);
    for (let c = 0; c < compounds; c++) {
      const name = COMPOUND_NAMES[(Number(villageCode.slice(-3)) * 3 + compoundNo) % COMPOUND_NAMES.length]!;
      compoundNo++;
      const point = pointIn(rng, g.geometry);
      // About one compound in four has no property company (无物业小区, an old open estate).
      const pc = rng.chance(0.25) ? null : orgs[compoundNo % orgs.length]!.key;
      places.push({ key: `${g.code}-c${c + 1}`, kind: 'compound', name, gridCode: g.code, point, outline: squareAround(point), propertyOrgKey: pc, address: `${villageName}${name}` });
    }
    const venues = 3 + rng.int(0, 2);
    for (let v = 0; v < venues; v++) {
      const [kind, names] = VENUES[(gi * 4 + v + rng.int(0, 1)) % VENUES.length]!;
      const name = names[rng.int(0, names.length - 1)]!;
      places.push({ key: `${g.code}-v${v + 1}`, kind, name, gridCode: g.code, point: pointIn(rng, g.geometry), outline: null, propertyOrgKey: null, address: `${villageName}${g.name}${name}` });
    }
    const [fkind, fname] = FACILITIES[gi % FACILITIES.length]!;
    const facilityName = gi === 0 ? `${villageName}${fname}` : `${g.name}${fname}`;
    places.push({ key: `${g.code}-f1`, kind: fkind, name: facilityName, gridCode: g.code, point: pointIn(rng, g.geometry), outline: null, propertyOrgKey: null, address: facilityName });
  });
  const more: [OrgKind, string, boolean][] = [
    ['social-org', `海门区${villageName}邻里互助协会`, true],
    ['social-org', `海门区${villageName}老年体育协会`, false],
    ['owners-committee', `${places.find((p) => p.kind === 'compound')?.name ?? villageName}业主委员会`, false],
    ['volunteer-team', `${villageName}红色先锋志愿服务队`, false],
    ['merchant', `${villageName}邻里便民超市`, false],
    ['enterprise', `海门${villageName.slice(0, 2)}纺织有限公司`, false],
  ];
  more.forEach(([kind, name, whitelisted], i) => {
    const registered = kind === 'social-org' || kind === 'merchant' || kind === 'enterprise';
    orgs.push({
      key: `${villageCode}-o-${i + 1}`,
      kind,
      name,
      areaCode: villageCode,
      contactName: person(),
      phone: phoneOf(rng),
      creditCode: registered ? demoCreditCode(rng, '320684', kind === 'social-org' ? '5' : '9', kind === 'social-org' ? '2' : '1') : null,
      whitelisted,
    });
  });
  return { places, orgs };
}
