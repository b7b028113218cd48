// Buildings, units, households and residents of one grid: an ageing Jiangsu district
// (about 28% aged 60+, 2.6 people per household), with special groups in realistic shares.

import { invalid } from '../errors.ts';
import type { ResidenceType, RiskColour, SpecialGroup } from '../registry.ts';
import { IdAllocator, mobileNumber, numberClassOf } from './identity.ts';
import { HAIMEN_SURNAMES, NATIONAL_SURNAMES, givenName, surname } from './names.ts';
import { type BuildingPlan, type GridPlan, flatsOf, planBuildings, planVillage, splitProportionally } from './plan.ts';
import { Rng, type WeightedTable, weightedTable } from './random.ts';
import type { AreaSeed, GridPopulation, HouseholdSeed, Relation, ResidentSeed } from './types.ts';

/** Ages are as of this date: generated data does not drift with the clock. */
export const DEMO_REFERENCE_DATE = '2025-06-30';
const REF_YEAR = 2025;
/** Everyone is at least one year old on the reference date. */
const MAX_BIRTH_YEAR = REF_YEAR - 1;
/** Born after Haimen became a district (2020): registered under 320614, older people 320684. */
const DISTRICT_REGION = '320614';
const OLD_REGION = '320684';
const NEW_REGION_FROM = 2021;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// ---------------------------------------------------------------------------------------
// Where people come from

interface Origin {
  region: string;
  /** Share of ethnic minorities among people from there. */
  minority: number;
}

/** Sources of migrant workers in southern Jiangsu (county codes as printed on ID cards). */
const MIGRANT_ORIGINS = weightedTable<Origin>([
  [{ region: '341221', minority: 0.003 }, 3], // 安徽临泉
  [{ region: '341222', minority: 0.003 }, 2.5], // 安徽太和
  [{ region: '341226', minority: 0.003 }, 2], // 安徽颍上
  [{ region: '341225', minority: 0.003 }, 1.5], // 安徽阜南
  [{ region: '340321', minority: 0.003 }, 1.5], // 安徽怀远
  [{ region: '341321', minority: 0.003 }, 1], // 安徽砀山
  [{ region: '341324', minority: 0.003 }, 1], // 安徽泗县
  [{ region: '411625', minority: 0.005 }, 1.5], // 河南郸城
  [{ region: '411723', minority: 0.005 }, 1], // 河南平舆
  [{ region: '411526', minority: 0.005 }, 1], // 河南潢川
  [{ region: '511321', minority: 0.005 }, 1.5], // 四川南部
  [{ region: '510722', minority: 0.005 }, 1], // 四川三台
  [{ region: '513721', minority: 0.005 }, 1], // 四川通江
  [{ region: '522422', minority: 0.35 }, 1.2], // 贵州大方
  [{ region: '522425', minority: 0.35 }, 1], // 贵州织金
  [{ region: '522427', minority: 0.45 }, 0.8], // 贵州威宁
  [{ region: '530627', minority: 0.2 }, 0.8], // 云南镇雄
  [{ region: '320923', minority: 0.003 }, 1.5], // 江苏阜宁
  [{ region: '321322', minority: 0.003 }, 1.5], // 江苏沭阳
  [{ region: '320722', minority: 0.003 }, 1], // 江苏东海
  [{ region: '320826', minority: 0.003 }, 1], // 江苏涟水
  [{ region: '421023', minority: 0.005 }, 0.8], // 湖北监利
  [{ region: '430524', minority: 0.05 }, 0.8], // 湖南隆回
  [{ region: '360722', minority: 0.005 }, 0.6], // 江西信丰
  [{ region: '500237', minority: 0.01 }, 0.6], // 重庆巫山
  [{ region: '500228', minority: 0.01 }, 0.6], // 重庆梁平
]);

/** Neighbouring counties: people who married or moved in. */
const NEARBY_ORIGINS = weightedTable<Origin>([
  [{ region: '320681', minority: 0.002 }, 3], // 启东
  [{ region: '320682', minority: 0.002 }, 1.5], // 如皋
  [{ region: '320623', minority: 0.002 }, 1.5], // 如东
  [{ region: '320683', minority: 0.002 }, 2], // 通州
  [{ region: '320621', minority: 0.002 }, 1], // 海安
  [{ region: '320602', minority: 0.002 }, 1], // 南通崇川
  [{ region: '310230', minority: 0.002 }, 0.6], // 上海崇明
]);

const LOCAL_ORIGIN: Origin = { region: OLD_REGION, minority: 0.004 };

const MINORITIES_SOUTHWEST = weightedTable<string>([['彝族', 4], ['苗族', 4], ['布依族', 2], ['回族', 1], ['土家族', 1]]);
const MINORITIES_OTHER = weightedTable<string>([['回族', 4], ['满族', 2], ['蒙古族', 1], ['土家族', 1], ['壮族', 1], ['苗族', 1]]);

// ---------------------------------------------------------------------------------------
// Household composition

type Gender = 'male' | 'female';
type Context = 'urban' | 'commercial' | 'rural';

interface Member {
  gender: Gender;
  birthYear: number;
  relation: Relation;
  surname: string;
  residence: ResidenceType;
  origin: Origin;
  tags: Set<SpecialGroup>;
}

type HouseholdType =
  | 'elderly-single'
  | 'elderly-couple'
  | 'single-adult'
  | 'couple'
  | 'nuclear'
  | 'three-generation'
  | 'skipped-generation'
  | 'single-parent'
  | 'with-elderly-parent'
  | 'migrant';

const TYPE_WEIGHTS: Record<Context, WeightedTable<HouseholdType>> = {
  urban: weightedTable<HouseholdType>([
    ['elderly-single', 0.095],
    ['elderly-couple', 0.13],
    ['single-adult', 0.07],
    ['couple', 0.1],
    ['nuclear', 0.29],
    ['three-generation', 0.1],
    ['skipped-generation', 0.012],
    ['single-parent', 0.025],
    ['with-elderly-parent', 0.08],
    ['migrant', 0.095],
  ]),
  commercial: weightedTable<HouseholdType>([
    ['elderly-single', 0.07],
    ['elderly-couple', 0.08],
    ['single-adult', 0.1],
    ['couple', 0.1],
    ['nuclear', 0.25],
    ['three-generation', 0.07],
    ['skipped-generation', 0.008],
    ['single-parent', 0.02],
    ['with-elderly-parent', 0.06],
    ['migrant', 0.15],
  ]),
  rural: weightedTable<HouseholdType>([
    ['elderly-single', 0.12],
    ['elderly-couple', 0.155],
    ['single-adult', 0.05],
    ['couple', 0.09],
    ['nuclear', 0.21],
    ['three-generation', 0.14],
    ['skipped-generation', 0.022],
    ['single-parent', 0.02],
    ['with-elderly-parent', 0.12],
    ['migrant', 0.045],
  ]),
};

const MIGRANT_SIZES = weightedTable<number>([
  [1, 0.4],
  [2, 0.38],
  [3, 0.22],
]);

const byOfAge = (age: number) => REF_YEAR - age;
/** Age in whole years on DEMO_REFERENCE_DATE. */
const exactAge = (birthDate: string) =>
  REF_YEAR - Number(birthDate.slice(0, 4)) - (birthDate.slice(5) > DEMO_REFERENCE_DATE.slice(5) ? 1 : 0);
const ageOf = (birthYear: number) => REF_YEAR - birthYear;

/** Composes one household; children are born 24–36 years after their younger parent. */
class Composer {
  constructor(
    private readonly rng: Rng,
    private readonly context: Context,
  ) {}

  private localSurname(): string {
    return surname(this.rng, HAIMEN_SURNAMES);
  }

  private member(gender: Gender, birthYear: number, relation: Relation, name: string, origin: Origin, residence: ResidenceType = 'registered'): Member {
    return { gender, birthYear, relation, surname: name, residence, origin, tags: new Set() };
  }

  /** A local person; a few adults were born elsewhere and moved their registration here. */
  private local(gender: Gender, birthYear: number, relation: Relation, name = this.localSurname()): Member {
    const movedIn = relation === 'spouse' && birthYear < 2000 && this.rng.chance(0.08);
    return this.member(gender, birthYear, relation, name, movedIn ? this.rng.weighted(NEARBY_ORIGINS) : LOCAL_ORIGIN);
  }

  /** Spouse of a local head: mostly local, some long-term residents registered elsewhere. */
  private spouse(head: Member, ageGap: number): Member {
    const gender: Gender = head.gender === 'male' ? 'female' : 'male';
    const by = Math.min(MAX_BIRTH_YEAR - 19, head.birthYear + (head.gender === 'male' ? ageGap : -ageGap));
    if (this.rng.chance(0.04)) {
      return this.member(gender, by, 'spouse', this.localSurname(), this.rng.weighted(NEARBY_ORIGINS), 'resident');
    }
    return this.local(gender, by, 'spouse');
  }

  /**
   * Children of the given parents, 24–36 years younger than the younger parent. Local
   * children are registered here; migrants' children float with their parents.
   */
  private children(father: Member | null, mother: Member | null, count: number, relation: Relation, name: string, migrantOrigin?: Origin): Member[] {
    const parents = [father, mother].filter((p): p is Member => p !== null);
    const youngest = Math.max(...parents.map((p) => p.birthYear));
    const maxGap = Math.min(36, MAX_BIRTH_YEAR - youngest);
    const out: Member[] = [];
    let by = youngest + this.rng.int(24, Math.max(24, maxGap - (count - 1) * 2));
    for (let c = 0; c < count; c++) {
      const gender: Gender = this.rng.chance(0.52) ? 'male' : 'female';
      out.push(
        migrantOrigin
          ? this.member(gender, by, relation, name, migrantOrigin, 'floating')
          : this.member(gender, by, relation, name, LOCAL_ORIGIN),
      );
      by = Math.min(youngest + maxGap, by + this.rng.int(1, 6));
    }
    return out;
  }

  compose(type: HouseholdType): Member[] {
    const r = this.rng;
    switch (type) {
      case 'elderly-single': {
        const gender: Gender = r.chance(0.65) ? 'female' : 'male';
        return [this.local(gender, byOfAge(r.normalInt(77, 8, 60, 99)), 'head')];
      }
      case 'elderly-couple': {
        const head = this.local('male', byOfAge(r.normalInt(72, 7, 62, 95)), 'head');
        const wife = this.spouse(head, r.int(0, 5));
        wife.birthYear = Math.min(wife.birthYear, byOfAge(60));
        return [head, wife];
      }
      case 'single-adult': {
        const gender: Gender = r.chance(0.58) ? 'male' : 'female';
        const by = byOfAge(r.normalInt(36, 11, 20, 59));
        // A quarter are long-term residents registered elsewhere (renting, working here).
        if (r.chance(0.25)) return [this.member(gender, by, 'head', this.localSurname(), r.weighted(NEARBY_ORIGINS), 'resident')];
        return [this.local(gender, by, 'head')];
      }
      case 'couple': {
        const head = this.local('male', byOfAge(r.normalInt(46, 10, 23, 59)), 'head');
        return [head, this.spouse(head, r.int(-1, 4))];
      }
      case 'nuclear': {
        const head = this.local('male', byOfAge(r.normalInt(this.context === 'rural' ? 45 : 41, 8, 27, 59)), 'head');
        const wife = this.spouse(head, r.int(-1, 4));
        wife.birthYear = Math.min(wife.birthYear, byOfAge(25));
        const name = r.chance(0.92) ? head.surname : wife.surname;
        return [head, wife, ...this.children(head, wife, r.chance(0.68) ? 1 : 2, 'child', name)];
      }
      case 'three-generation': {
        const head = this.local('male', byOfAge(r.normalInt(38, 6, 27, 52)), 'head');
        const wife = this.spouse(head, r.int(-1, 4));
        wife.birthYear = Math.min(wife.birthYear, byOfAge(25));
        const kids = this.children(head, wife, r.chance(0.8) ? 1 : 2, 'child', r.chance(0.92) ? head.surname : wife.surname);
        // Mostly the husband's parents; in Haimen a son-in-law often lives with his wife's (上门).
        const paternal = r.chance(0.75);
        const child = paternal ? head : wife;
        const gpCount = kids.length === 2 ? 1 : r.chance(0.55) ? 2 : 1;
        const gpBy = Math.max(byOfAge(98), child.birthYear - r.int(24, 36));
        const grandparents: Member[] = [];
        if (gpCount === 2 || r.chance(0.35)) grandparents.push(this.local('male', gpBy, 'parent', child.surname));
        if (grandparents.length < gpCount) grandparents.push(this.local('female', Math.min(gpBy + r.int(0, 4), child.birthYear - 24), 'parent'));
        return [head, wife, ...kids, ...grandparents];
      }
      case 'skipped-generation': {
        // Grandparents raising grandchildren whose parents work elsewhere: left-behind children.
        const gcAge = r.int(3, 15);
        const gpBy = byOfAge(gcAge + r.int(48, 60));
        const members: Member[] = [];
        const grandfather = r.chance(0.75) ? this.local('male', gpBy, 'head') : null;
        if (grandfather) members.push(grandfather);
        if (!grandfather) members.push(this.local('female', gpBy, 'head'));
        else if (r.chance(0.7)) members.push(this.spouse(grandfather, r.int(0, 4)));
        const name = grandfather && r.chance(0.75) ? grandfather.surname : this.localSurname();
        const first = byOfAge(gcAge);
        const count = r.chance(0.65) ? 1 : 2;
        for (let c = 0; c < count; c++) {
          const by = Math.min(MAX_BIRTH_YEAR, first + c * r.int(1, 5));
          const gc = this.member(r.chance(0.52) ? 'male' : 'female', by, 'grandchild', name, LOCAL_ORIGIN);
          gc.tags.add('left-behind-child');
          members.push(gc);
        }
        return members;
      }
      case 'single-parent': {
        const gender: Gender = r.chance(0.7) ? 'female' : 'male';
        const parent = this.local(gender, byOfAge(r.normalInt(40, 7, 27, 56)), 'head');
        const name = gender === 'male' || r.chance(0.3) ? parent.surname : this.localSurname();
        const members = [parent, ...this.children(gender === 'male' ? parent : null, gender === 'female' ? parent : null, r.chance(0.75) ? 1 : 2, 'child', name)];
        for (const m of members) m.tags.add('single-parent');
        return members;
      }
      case 'with-elderly-parent': {
        const head = this.local(r.chance(0.75) ? 'male' : 'female', byOfAge(r.normalInt(54, 6, 42, 64)), 'head');
        const members = [head];
        if (r.chance(0.9)) members.push(this.spouse(head, r.int(-1, 4)));
        const parentGender: Gender = r.chance(0.7) ? 'female' : 'male';
        const pBy = Math.max(byOfAge(98), head.birthYear - r.int(24, 36));
        members.push(this.local(parentGender, pBy, 'parent', parentGender === 'male' ? head.surname : this.localSurname()));
        if (ageOf(head.birthYear) <= 56 && r.chance(0.45)) {
          const spouse = members[1]?.relation === 'spouse' ? members[1] : null;
          const father = head.gender === 'male' ? head : spouse;
          const mother = head.gender === 'female' ? head : spouse;
          members.push(...this.children(father, mother, 1, 'child', father?.surname ?? head.surname));
        }
        return members;
      }
      case 'migrant': {
        // Migrant workers renting here: floating population, registered in their home county.
        const origin = r.weighted(MIGRANT_ORIGINS);
        const name = () => surname(r, NATIONAL_SURNAMES);
        const gender: Gender = r.chance(0.65) ? 'male' : 'female';
        const head = this.member(gender, byOfAge(r.normalInt(34, 9, 19, 55)), 'head', name(), origin, 'floating');
        const members = [head];
        const size = r.weighted(MIGRANT_SIZES);
        if (size > 1 && ageOf(head.birthYear) >= 26 && r.chance(0.7)) {
          const gap = r.int(-1, 4);
          const spouseGender: Gender = gender === 'male' ? 'female' : 'male';
          const spouseBy = Math.min(byOfAge(20), head.birthYear + (gender === 'male' ? gap : -gap));
          const spouse = this.member(spouseGender, spouseBy, 'spouse', name(), origin, 'floating');
          members.push(spouse);
          if (size === 3 && ageOf(Math.max(head.birthYear, spouse.birthYear)) >= 25) {
            const father = gender === 'male' ? head : spouse;
            const mother = gender === 'male' ? spouse : head;
            members.push(...this.children(father, mother, 1, 'child', father.surname, origin));
          }
        } else {
          // Workmates sharing the flat, often from the same home county.
          while (members.length < size) {
            const o = r.chance(0.6) ? origin : r.weighted(MIGRANT_ORIGINS);
            members.push(this.member(r.chance(0.7) ? 'male' : 'female', byOfAge(r.normalInt(31, 8, 18, 55)), 'other', name(), o, 'floating'));
          }
        }
        return members;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Special groups and risk colours

function tagPerson(rng: Rng, m: Member, age: number): void {
  const male = m.gender === 'male';
  const disabled = age < 18 ? 0.008 : age < 45 ? 0.022 : age < 60 ? 0.045 : age < 75 ? 0.075 : 0.12;
  if (rng.chance(disabled)) m.tags.add('disabled');
  if (age >= 21 && rng.chance((male ? 0.046 : 0.0025) * (m.residence === 'floating' ? 0.4 : 1))) m.tags.add('veteran');
  if (age >= 22 && age <= 70 && rng.chance(male ? 0.0042 : 0.0005)) m.tags.add('released-prisoner');
  if (age >= 20 && age <= 65 && rng.chance(male ? 0.0015 : 0.0004)) m.tags.add('community-correction');
  if (age >= 18 && age <= 60 && rng.chance(male ? 0.0022 : 0.0005)) m.tags.add('drug-user');
  if (age >= 18 && rng.chance(0.0013)) m.tags.add('key-person');
}

function partyMember(rng: Rng, m: Member, age: number): boolean {
  if (age < 18) return false;
  const male = m.gender === 'male';
  let p = age < 35 ? 0.05 : age < 60 ? (male ? 0.085 : 0.045) : male ? 0.13 : 0.035;
  if (m.tags.has('veteran')) p = 0.45;
  if (m.residence === 'floating') p *= 0.5;
  return rng.chance(p);
}

const RED: readonly SpecialGroup[] = ['community-correction', 'drug-user', 'key-person'];
const ORANGE: readonly SpecialGroup[] = ['released-prisoner', 'subsistence', 'left-behind-child'];

function riskColourOf(members: Member[]): RiskColour {
  let colour: RiskColour = 'blue';
  for (const m of members) {
    for (const t of m.tags) {
      if (RED.includes(t)) return 'red';
      if (ORANGE.includes(t) || (t === 'living-alone-elderly' && ageOf(m.birthYear) >= 80)) colour = 'orange';
      else if (colour === 'blue' && t !== 'veteran') colour = 'yellow';
    }
  }
  return colour;
}

// ---------------------------------------------------------------------------------------
// Dwellings

interface Dwelling {
  unitCode: string;
  doorplate: string;
  address: string;
}

/** '南通市海门区经济技术开发区' → '经济技术开发区'; '常乐镇' stays. */
function shortTownName(name: string): string {
  const m = /^[^市]{2,3}市(?:[^区市县]{2,3}[区市县])?/.exec(name);
  return m && name.length - m[0].length >= 2 ? name.slice(m[0].length) : name;
}

/** '状元街居委会' → '状元街社区', '东风新村社区居委会' → '东风新村社区', '颐生村村委会' → '颐生村'. */
function shortVillageName(name: string): string {
  const short = shortTownName(name);
  if (short.endsWith('社区居委会')) return short.slice(0, -3);
  if (short.endsWith('居委会')) return `${short.slice(0, -3)}社区`;
  if (short.endsWith('村委会')) return short.slice(0, -3);
  return short;
}

function placeName(villageName: string, townName: string): string {
  const town = shortTownName(townName);
  const village = shortVillageName(villageName);
  // Farms' living quarters repeat the town's name ('种羊场' + '种羊场虚拟生活区').
  return village.startsWith(town) ? village : town + village;
}

const pad3 = (n: number) => pad(n, 3);

/** Urban grid: buildings of 5–6 storeys, 2–3 units, 2 flats per floor and unit. */
function urbanDwellings(rng: Rng, grid: AreaSeed, plan: BuildingPlan[], households: number, place: string, areas: AreaSeed[]): Dwelling[] {
  const flats: Dwelling[] = [];
  plan.forEach((b, bi) => {
    const buildingCode = grid.code + pad3(bi + 1);
    areas.push({ code: buildingCode, name: `${b.no}幢`, level: 'building', parentCode: grid.code, sort: bi + 1 });
    for (let u = 1; u <= b.units; u++) {
      const unitCode = buildingCode + pad(u, 2);
      areas.push({ code: unitCode, name: `${u}单元`, level: 'unit', parentCode: buildingCode, sort: u });
      for (let floor = b.shops ? 2 : 1; floor <= b.storeys; floor++) {
        for (let door = 1; door <= 2; door++) {
          const doorplate = `${floor}0${door}室`;
          flats.push({ unitCode, doorplate, address: `${place}${b.no}幢${u}单元${doorplate}` });
        }
      }
    }
  });
  const order = new Map(flats.map((f, i) => [f, i]));
  // Leave random flats empty so that exactly `households` are occupied (partial shuffle).
  for (let i = 0; i < households; i++) {
    const j = i + Math.floor(rng.next() * (flats.length - i));
    const tmp = flats[i]!;
    flats[i] = flats[j]!;
    flats[j] = tmp;
  }
  // Back in building, unit, floor order, for tidy listings.
  return flats.slice(0, households).sort((a, b) => order.get(a)! - order.get(b)!);
}

/** Rural grid: one 'building' per villagers' group (一个组一个宅群), houses numbered 1…n. */
function ruralDwellings(grid: AreaSeed, plan: GridPlan, households: number, place: string, areas: AreaSeed[]): Dwelling[] {
  const sizes =
    plan.groups.reduce((s, g) => s + g.households, 0) === households
      ? plan.groups.map((g) => g.households)
      : splitProportionally(households, plan.groups.map((g) => g.households), 1);
  const out: Dwelling[] = [];
  plan.groups.forEach((g, gi) => {
    const buildingCode = grid.code + pad3(gi + 1);
    const unitCode = `${buildingCode}01`;
    areas.push({ code: buildingCode, name: `${g.no}组`, level: 'building', parentCode: grid.code, sort: gi + 1 });
    areas.push({ code: unitCode, name: `${g.no}组`, level: 'unit', parentCode: buildingCode, sort: 1 });
    for (let h = 1; h <= sizes[gi]!; h++) {
      out.push({ unitCode, doorplate: `${h}号`, address: `${place}${g.no}组${h}号` });
    }
  });
  return out;
}

/** The plan of a grid the village plan does not know (a grid made outside generateGrids). */
function fallbackPlan(grid: AreaSeed, urban: boolean, households: number): GridPlan {
  const rng = Rng.from(`${grid.code}:fallback`);
  const commercial = grid.gridType === 'commercial';
  return {
    k: Number(grid.code.slice(12)),
    code: grid.code,
    name: grid.name,
    gridType: commercial ? 'commercial' : 'residential',
    households,
    buildings: urban ? planBuildings(rng, households, commercial, 1) : [],
    groups: urban ? [] : [{ no: 1, households }],
  };
}

// ---------------------------------------------------------------------------------------

/**
 * Buildings, units, households and residents for one grid. Deterministic from the grid code
 * (and its sort, which carries the village ordinal used for collision-free ID numbers).
 * The number of households equals grid.households (the planned figure).
 */
export function generateGridPopulation(grid: AreaSeed, villageName: string, townName: string): GridPopulation {
  if (!/^\d{15}$/.test(grid.code)) throw invalid('demo_grid', `不是网格代码：${grid.code}`);
  const village = planVillage(grid.code.slice(0, 12));
  const planned = village.grids.find((g) => g.code === grid.code);
  const households = grid.households ?? planned?.households ?? 400;
  const plan = planned ?? fallbackPlan(grid, village.urban, households);
  const rng = Rng.from(`${grid.code}:population`);
  const place = placeName(villageName, townName);
  const areas: AreaSeed[] = [];

  let dwellings: Dwelling[];
  if (village.urban) {
    let buildings = plan.buildings;
    const capacity = buildings.reduce((s, b) => s + flatsOf(b), 0);
    if (capacity < households) {
      const lastNo = buildings.reduce((m, b) => Math.max(m, b.no), 0);
      buildings = [...buildings, ...planBuildings(rng, households - capacity, plan.gridType === 'commercial', lastNo + 1)];
    }
    dwellings = urbanDwellings(rng, grid, buildings, households, place, areas);
  } else {
    dwellings = ruralDwellings(grid, plan, households, place, areas);
  }

  const context: Context = village.urban ? (plan.gridType === 'commercial' ? 'commercial' : 'urban') : 'rural';
  const composer = new Composer(rng, context);
  const numbers = numberClassOf(grid.code, grid.sort);
  const ids = new IdAllocator(numbers, MAX_BIRTH_YEAR);
  const householdSeeds: HouseholdSeed[] = [];
  const residents: ResidentSeed[] = [];

  for (const d of dwellings) {
    const members = composer.compose(rng.weighted(TYPE_WEIGHTS[context]));
    const key = `${d.unitCode}-${d.doorplate}`;
    const identities = members.map((m) => {
      const region = m.origin === LOCAL_ORIGIN && m.birthYear >= NEW_REGION_FROM ? DISTRICT_REGION : m.origin.region;
      const id = ids.allocate(region, m.birthYear, m.gender === 'male');
      m.birthYear = id.birthYear;
      return id;
    });
    // Age-dependent groups from the exact final ages (the allocator may move a birth year).
    const ages = identities.map((id) => exactAge(id.birthDate));
    members.forEach((m, i) => {
      if (ages[i]! >= 16) m.tags.delete('left-behind-child');
    });
    if (members.length === 1 && ages[0]! >= 60) members[0]!.tags.add('living-alone-elderly');
    if (members.length >= 2 && ages.every((a) => a >= 60)) for (const m of members) m.tags.add('empty-nest-elderly');
    members.forEach((m, i) => tagPerson(rng, m, ages[i]!));
    let subsistence = 0.01;
    if (members.some((m) => m.tags.has('living-alone-elderly'))) subsistence = 0.04;
    if (members.some((m) => m.tags.has('single-parent'))) subsistence = 0.06;
    if (members.some((m) => m.tags.has('disabled'))) subsistence *= 2.5;
    if (members[0]!.residence !== 'floating' && rng.chance(subsistence)) for (const m of members) m.tags.add('subsistence');

    householdSeeds.push({ key, unitCode: d.unitCode, address: d.address, doorplate: d.doorplate, size: members.length, riskColour: riskColourOf(members) });
    members.forEach((m, i) => {
      const age = ages[i]!;
      const hasPhone = age >= 16 ? (age >= 80 ? rng.chance(0.6) : rng.chance(0.97)) : age >= 12 && rng.chance(0.4);
      const minority = rng.chance(m.origin.minority);
      residents.push({
        householdKey: key,
        name: m.surname + givenName(rng, m.birthYear, m.gender),
        gender: m.gender,
        birthDate: identities[i]!.birthDate,
        idNumber: identities[i]!.idNumber,
        phone: hasPhone ? mobileNumber(numbers, residents.length, rng) : null,
        relation: m.relation,
        residenceType: m.residence,
        tags: [...m.tags],
        partyMember: partyMember(rng, m, age),
        ethnicity: minority ? rng.weighted(m.origin.minority > 0.1 ? MINORITIES_SOUTHWEST : MINORITIES_OTHER) : '汉族',
      });
    });
  }
  return { areas, households: householdSeeds, residents };
}
