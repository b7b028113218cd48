import {
  birthDateOfId,
  buildingKey,
  doorKey,
  DomainError,
  forbidden,
  genderOfId,
  halfWidth,
  ID_PROBLEM_TEXT,
  idNumberProblem,
  isWithinScope,
  normalizeIdNumber,
  notFound,
  parsePhone,
  RESIDENCE_TYPES,
  unitKey,
} from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canExportRegistry, canImportPeople } from '../policies/person.ts';
import { findArea } from '../repositories/areas.ts';
import * as repo from '../repositories/registry-import.ts';
import type { NewPersonRow } from '../repositories/people.ts';
import { scopeOf } from '../repositories/scope.ts';
import { toIsoCst } from '../lib/time.ts';
import { workbookBuffer, newWorkbook } from '../lib/xlsx.ts';
import { areaNames, forgetAreaNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { readTable } from './hotline-import.ts';

/** Rows one file may carry (a community of 20 000 people imports in a few files). */
export const MAX_PEOPLE_ROWS = 20_000;
export const MAX_PEOPLE_BYTES = 10 * 1024 * 1024;
/** People one template export carries at most. */
export const MAX_TEMPLATE_EXPORT = 50_000;

export const RELATIONS = [
  { code: 'head', zh: '户主', aliases: ['本人', '户主本人'] },
  { code: 'spouse', zh: '配偶', aliases: ['妻', '夫', '妻子', '丈夫'] },
  { code: 'child', zh: '子女', aliases: ['子', '女', '儿子', '女儿', '长子', '长女', '次子', '次女'] },
  { code: 'parent', zh: '父母', aliases: ['父亲', '母亲', '父', '母'] },
  { code: 'grandchild', zh: '孙辈', aliases: ['孙子', '孙女', '外孙', '外孙女'] },
  { code: 'other', zh: '其他', aliases: ['其它'] },
] as const;

/** The template's columns, in order; `aliases` are other headers community spreadsheets use. */
export const PEOPLE_COLUMNS = [
  { key: 'name', header: '姓名', required: true, aliases: ['居民姓名'], width: 10, note: '不超过 40 字' },
  { key: 'gender', header: '性别', required: false, aliases: [], width: 6, note: '男 / 女；不填时按公民身份号码' },
  { key: 'idNumber', header: '公民身份号码', required: true, aliases: ['身份证号码', '身份证号', '证件号码', '公民身份证号码'], width: 22, note: '18 位，末位可为 X；按 GB 11643 校验出生日期和校验位。同一号码再次导入时更新原记录' },
  { key: 'phone', header: '联系电话', required: true, aliases: ['手机号码', '手机号', '联系方式', '电话'], width: 16, note: '11 位手机号或带区号的固定电话（如 0513-82123456）' },
  { key: 'ethnicity', header: '民族', required: false, aliases: [], width: 8, note: '如 汉族；不填时为汉族' },
  { key: 'relation', header: '与户主关系', required: false, aliases: ['关系'], width: 10, note: '户主、配偶、子女、父母、孙辈、其他' },
  { key: 'residenceType', header: '人口类型', required: false, aliases: ['人员类型'], width: 10, note: '户籍人口、常住人口、流动人口；不填时为户籍人口' },
  { key: 'partyMember', header: '是否党员', required: false, aliases: ['党员'], width: 8, note: '是 / 否' },
  { key: 'gridCode', header: '网格编码', required: true, aliases: ['网格代码', '所属网格编码'], width: 18, note: '15 位网格编码（见区域管理）' },
  { key: 'building', header: '楼栋', required: true, aliases: ['楼栋号', '幢号', '楼号'], width: 8, note: '如 3幢、3 号楼或 3；农村填村民小组，如 5组。网格中没有的楼栋会新建' },
  { key: 'unit', header: '单元', required: true, aliases: ['单元号'], width: 8, note: '如 2单元或 2；只有一个单元的楼栋（村民小组）可填 1' },
  { key: 'door', header: '门牌号', required: true, aliases: ['门牌', '室号', '房号'], width: 10, note: '如 301室 或 301；农村如 18号' },
  { key: 'note', header: '备注', required: false, aliases: [], width: 24, note: '不超过 500 字' },
] as const;
type Key = (typeof PEOPLE_COLUMNS)[number]['key'];
const HEADER_OF = Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

export interface Refusal {
  row: number;
  reason: string;
}
export interface PeopleImportResult {
  created: number;
  updated: number;
  unchanged: number;
  refused: Refusal[];
}

class RowError extends Error {}
const refuse = (key: Key, message: string) => new RowError(`${HEADER_OF[key]}：${message}`);

type Cell = Awaited<ReturnType<typeof readTable>>[number][number];

function text(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return toIsoCst(new Date(v.getTime() - 8 * 3600_000))!.slice(0, 10);
  // Excel may keep a long number as a float: 3.20614103001001E14 is still the grid code.
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  return String(v).trim();
}

function clean(key: Key, v: Cell, max: number, required = false): string | undefined {
  const s = text(v);
  if (!s) {
    if (required) throw refuse(key, '不能为空');
    return undefined;
  }
  if (s.length > max) throw refuse(key, `不能超过 ${max} 个字符`);
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)) throw refuse(key, '包含非法控制字符');
  return s;
}

interface ParsedRow {
  row: number;
  name: string;
  gender?: 'male' | 'female';
  idNumber: string;
  phone: string;
  ethnicity?: string;
  relation?: string;
  residenceType?: string;
  partyMember?: boolean;
  gridCode: string;
  building: string;
  unit: string;
  door: string;
  note?: string;
}

const YES = ['是', 'Y', 'y', '1', 'true', '党员', '中共党员'];
const NO = ['否', 'N', 'n', '0', 'false', '群众'];

function parseRow(row: number, get: (k: Key) => Cell): ParsedRow {
  const name = clean('name', get('name'), 40, true)!;
  const idRaw = clean('idNumber', get('idNumber'), 30, true)!;
  const problem = idNumberProblem(idRaw);
  // The number itself is not echoed: a near-miss is still someone's personal information.
  if (problem) throw refuse('idNumber', `不是有效的公民身份号码（${ID_PROBLEM_TEXT[problem]}）`);
  const idNumber = normalizeIdNumber(idRaw);
  const phoneRaw = clean('phone', get('phone'), 30, true)!;
  const phone = parsePhone(phoneRaw);
  if (!phone) throw refuse('phone', '不是有效的手机号码或固定电话（手机 11 位；固话如 0513-82123456）');
  const genderText = clean('gender', get('gender'), 4);
  let gender: ParsedRow['gender'];
  if (genderText) {
    if (['男', '男性'].includes(genderText)) gender = 'male';
    else if (['女', '女性'].includes(genderText)) gender = 'female';
    else throw refuse('gender', '应填“男”或“女”');
    if (gender !== genderOfId(idNumber)) throw refuse('gender', '与公民身份号码中的性别不符');
  }
  const relationText = clean('relation', get('relation'), 10);
  let relation: string | undefined;
  if (relationText) {
    const r = RELATIONS.find((x) => x.zh === relationText || (x.aliases as readonly string[]).includes(relationText));
    if (!r) throw refuse('relation', `“${relationText}”无法识别，应为户主、配偶、子女、父母、孙辈或其他`);
    relation = r.code;
  }
  const typeText = clean('residenceType', get('residenceType'), 10);
  let residenceType: string | undefined;
  if (typeText) {
    const t = RESIDENCE_TYPES.find((x) => x.zh === typeText || x.zh.replace('人口', '') === typeText);
    if (!t) throw refuse('residenceType', `“${typeText}”无法识别，应为户籍人口、常住人口或流动人口`);
    residenceType = t.code;
  }
  const partyText = clean('partyMember', get('partyMember'), 6);
  let partyMember: boolean | undefined;
  if (partyText) {
    if (YES.includes(partyText)) partyMember = true;
    else if (NO.includes(partyText)) partyMember = false;
    else throw refuse('partyMember', '应填“是”或“否”');
  }
  const gridCode = halfWidth(clean('gridCode', get('gridCode'), 20, true)!);
  if (!/^\d{15}$/.test(gridCode)) throw refuse('gridCode', `“${gridCode}”应为 15 位数字的网格编码`);
  const building = halfWidth(clean('building', get('building'), 20, true)!);
  const unit = halfWidth(clean('unit', get('unit'), 20, true)!);
  const door = halfWidth(clean('door', get('door'), 20, true)!);
  return {
    row,
    name,
    gender,
    idNumber,
    phone: phone.value,
    ethnicity: clean('ethnicity', get('ethnicity'), 20),
    relation,
    residenceType,
    partyMember,
    gridCode,
    building,
    unit,
    door,
    note: clean('note', get('note'), 500),
  };
}

function headerIndex(rows: Cell[][]): { at: number; cols: Map<Key, number> } {
  const norm = (v: Cell) => text(v).replace(/[\s*＊]/g, '').replace(/[（(].*[)）]$/, '');
  const matches = (n: string, c: (typeof PEOPLE_COLUMNS)[number]) => n === c.header || (c.aliases as readonly string[]).includes(n);
  for (let i = 0; i < Math.min(rows.length, 5); i++) {
    const names = (rows[i] ?? []).map(norm);
    if (!names.some((n) => matches(n, PEOPLE_COLUMNS[0]) || matches(n, PEOPLE_COLUMNS[2]))) continue;
    const cols = new Map<Key, number>();
    for (const c of PEOPLE_COLUMNS) {
      const idx = names.findIndex((n) => matches(n, c));
      if (idx >= 0) cols.set(c.key, idx);
    }
    const missing = PEOPLE_COLUMNS.filter((c) => c.required && !cols.has(c.key)).map((c) => c.header);
    if (missing.length) throw new DomainError('invalid', 'missing_columns', `文件缺少必填列：${missing.join('、')}（请使用导入模板）`, { field: 'file' });
    return { at: i, cols };
  }
  throw new DomainError('invalid', 'missing_columns', '未找到表头（应含“姓名、公民身份号码、联系电话、网格编码、楼栋、单元、门牌号”，请使用导入模板）', { field: 'file' });
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** New building/unit names: a bare number gets the usual suffix. */
const buildingName = (raw: string) => (/^\d+$/.test(buildingKey(raw)) && buildingKey(raw) === raw ? `${raw}幢` : raw);
const unitName = (raw: string) => (/^\d+$/.test(raw) ? `${raw}单元` : raw);

/**
 * Finds each row's unit (creating missing buildings and units under existing grids) and household
 * (creating missing ones), in a handful of statements whatever the number of rows.
 */
class Places {
  private readonly buildingsByGrid = new Map<string, repo.AreaLite[]>();
  private readonly unitsByBuilding = new Map<string, repo.AreaLite[]>();
  readonly grids = new Map<string, repo.AreaLite>();
  readonly newAreas: { code: string; name: string; level: string; parentCode: string; sort: number }[] = [];
  private households = new Map<string, repo.HouseholdLite>();
  readonly newHouseholds = new Map<string, { key: string; areaCode: string; doorplate: string; address: string }>();
  private names = new Map<string, string>();

  async load(ctx: AppContext, gridCodes: string[]) {
    for (const a of await repo.areasOfGrids(ctx.db, gridCodes)) {
      if (a.level === 'grid') this.grids.set(a.code, a);
      else if (a.level === 'building') this.push(this.buildingsByGrid, a.code.slice(0, 15), a);
      else this.push(this.unitsByBuilding, a.code.slice(0, 18), a);
    }
    const unitCodes = [...this.unitsByBuilding.values()].flat().map((u) => u.code);
    for (const h of await repo.householdsInAreas(ctx.db, unitCodes)) this.households.set(this.doorId(h.areaCode, h.doorplate), h);
    // Names for the addresses of new households: village and grid.
    const upper = new Set<string>();
    for (const g of gridCodes) upper.add(g.slice(0, 9)).add(g.slice(0, 12)).add(g);
    for (const [code, n] of await areaNames(ctx.db, [...upper])) this.names.set(code, n.name);
  }

  private push(map: Map<string, repo.AreaLite[]>, key: string, a: repo.AreaLite) {
    const list = map.get(key) ?? [];
    list.push(a);
    map.set(key, list);
  }

  private doorId = (unitCode: string, doorplate: string) => `${unitCode}|${doorKey(doorplate)}`;

  private nextCode(parent: string, siblings: repo.AreaLite[], width: number): string | null {
    const max = siblings.reduce((m, s) => Math.max(m, Number(s.code.slice(parent.length))), 0);
    return max + 1 < 10 ** width ? parent + pad(max + 1, width) : null;
  }

  /** The unit code of a row; throws a RowError when the building or unit cannot be placed. */
  unitOf(r: ParsedRow): { unitCode: string; place: string } {
    const buildings = this.buildingsByGrid.get(r.gridCode) ?? [];
    let b = buildings.find((x) => x.name === r.building) ?? buildings.find((x) => buildingKey(x.name) === buildingKey(r.building));
    if (!b) {
      const code = this.nextCode(r.gridCode, buildings, 3);
      if (!code) throw refuse('building', '该网格的楼栋数已达上限（999）');
      b = { code, name: buildingName(r.building), level: 'building', parentCode: r.gridCode };
      this.newAreas.push({ code, name: b.name, level: 'building', parentCode: r.gridCode, sort: Number(code.slice(15)) });
      this.push(this.buildingsByGrid, r.gridCode, b);
    }
    const units = this.unitsByBuilding.get(b.code) ?? [];
    let u = units.find((x) => x.name === r.unit) ?? units.find((x) => unitKey(x.name) === unitKey(r.unit));
    // A villagers' group is one "building" with one "unit" of the same name: 1 or the group's name finds it.
    if (!u && units.length === 1 && (unitKey(r.unit) === '1' || buildingKey(r.unit) === buildingKey(b.name))) u = units[0];
    if (!u) {
      const code = this.nextCode(b.code, units, 2);
      if (!code) throw refuse('unit', '该楼栋的单元数已达上限（99）');
      u = { code, name: unitName(r.unit), level: 'unit', parentCode: b.code };
      this.newAreas.push({ code, name: u.name, level: 'unit', parentCode: b.code, sort: Number(code.slice(18)) });
      this.push(this.unitsByBuilding, b.code, u);
    }
    const village = this.names.get(r.gridCode.slice(0, 12)) ?? '';
    const town = this.names.get(r.gridCode.slice(0, 9)) ?? '';
    const place = `${town}${village}${b.name}${u.name === b.name ? '' : u.name}`;
    return { unitCode: u.code, place };
  }

  /** The household id of a row, or the key of a household still to be created. */
  householdOf(unitCode: string, place: string, door: string): { id?: string; key: string } {
    const existing = this.households.get(this.doorId(unitCode, door));
    if (existing) return { id: existing.id, key: existing.key };
    const pending = this.newHouseholds.get(this.doorId(unitCode, door));
    if (pending) return { key: pending.key };
    const doorplate = /^\d+$/.test(door) ? `${door}${/组$/.test(place) ? '号' : '室'}` : door;
    const h = { key: `${unitCode}-${doorplate}`, areaCode: unitCode, doorplate, address: `${place}${doorplate}` };
    this.newHouseholds.set(this.doorId(unitCode, door), h);
    return { key: h.key };
  }
}

/**
 * Imports people from a community's spreadsheet (contract "Registry import"). Every row is checked
 * on its own; the good rows are written together in one transaction, in batches, so a file of
 * thousands of rows takes a handful of statements. A person is matched by the keyed hash of their
 * ID number: a known person in scope is updated (or left unchanged), an unknown one created.
 */
export async function importPeople(ctx: AppContext, actor: Actor, fileName: string, buf: Buffer, req: RequestContext): Promise<PeopleImportResult> {
  if (!canImportPeople(actor)) throw forbidden('只有社区（村）工作人员和网格员可以导入人口信息');
  if (buf.length > MAX_PEOPLE_BYTES) throw new DomainError('too_large', 'payload_too_large', `文件不能超过 ${MAX_PEOPLE_BYTES / 1024 / 1024} MB`);
  const table = await readTable(fileName, buf, MAX_PEOPLE_ROWS);
  const { at, cols } = headerIndex(table);
  const body = table
    .map((cells, i) => ({ cells, row: i + 1 }))
    .slice(at + 1)
    .filter((r) => r.cells.some((c) => text(c) !== ''));
  if (body.length === 0) throw new DomainError('invalid', 'empty_file', '文件中没有人员数据', { field: 'file' });
  if (body.length > MAX_PEOPLE_ROWS) throw new DomainError('too_large', 'too_many_rows', `每次最多导入 ${MAX_PEOPLE_ROWS} 人，本文件有 ${body.length} 行，请分批导入`);

  const refused: Refusal[] = [];
  const parsed: ParsedRow[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const { cells, row } of body) {
    const get = (k: Key) => {
      const i = cols.get(k);
      return i === undefined ? null : (cells[i] ?? null);
    };
    try {
      const p = parseRow(row, get);
      const first = firstRowOfId.get(p.idNumber);
      if (first !== undefined) throw refuse('idNumber', `与第 ${first} 行重复`);
      firstRowOfId.set(p.idNumber, row);
      if (!isWithinScope(p.gridCode, actor.scopeCode)) throw refuse('gridCode', `网格 ${p.gridCode} 不在您的辖区内`);
      parsed.push(p);
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      refused.push({ row, reason: err.message });
    }
  }

  const places = new Places();
  await places.load(ctx, [...new Set(parsed.map((p) => p.gridCode))]);
  const hashOf = new Map(parsed.map((p) => [p.idNumber, ctx.cipher.lookupHash(p.idNumber)]));
  const known = new Map<string, repo.PersonLite>();
  for (const p of await repo.peopleByIdHash(ctx.db, [...hashOf.values()])) if (p.idHash) known.set(p.idHash, p);

  const creates: { p: ParsedRow; unitCode: string; householdKey: string; householdId?: string }[] = [];
  const updates: { id: string; patch: Partial<NewPersonRow>; householdKey?: string }[] = [];
  let unchanged = 0;
  for (const p of parsed) {
    try {
      if (!places.grids.has(p.gridCode)) throw refuse('gridCode', `网格 ${p.gridCode} 不存在`);
      const successors = places.grids.get(p.gridCode)!.successorCodes;
      if (successors) throw refuse('gridCode', `网格 ${p.gridCode} 已拆分或合并，不再使用${successors.length ? `，请改用 ${successors.join('、')}` : ''}`);
      const { unitCode, place } = places.unitOf(p);
      const hh = places.householdOf(unitCode, place, p.door);
      const idHash = hashOf.get(p.idNumber)!;
      const existing = known.get(idHash);
      if (!existing) {
        creates.push({ p, unitCode, householdKey: hh.key, householdId: hh.id });
        continue;
      }
      if (!isWithinScope(existing.areaCode, actor.scopeCode)) {
        // Said without revealing where: the number is registered in another area.
        throw refuse('idNumber', '该号码已在您辖区之外登记，请联系其所在社区办理迁出后再导入');
      }
      const patch = personPatch(ctx, existing, p, unitCode, hh.id);
      if (Object.keys(patch).length === 0) unchanged += 1;
      else updates.push({ id: existing.id, patch, householdKey: hh.id ? undefined : hh.key });
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      refused.push({ row: p.row, reason: err.message });
    }
  }

  if (creates.length || updates.length) {
    await ctx.db.transaction(async (tx) => {
      if (places.newAreas.length) await repo.insertAreas(tx, places.newAreas);
      const hhIds = new Map<string, string>();
      for (const h of await repo.insertHouseholds(tx, [...places.newHouseholds.values()])) hhIds.set(h.key, h.id);
      await repo.insertPeople(
        tx,
        creates.map(({ p, unitCode, householdKey, householdId }) => ({
          householdId: householdId ?? hhIds.get(householdKey)!,
          areaCode: unitCode,
          name: p.name,
          gender: p.gender ?? genderOfId(p.idNumber),
          birthDate: birthDateOfId(p.idNumber),
          ethnicity: p.ethnicity ?? '汉族',
          relation: p.relation ?? 'other',
          residenceType: p.residenceType ?? 'registered',
          partyMember: p.partyMember ?? false,
          note: p.note ?? null,
          ...numbers(ctx, p),
        })),
      );
      await repo.updatePeople(
        tx,
        updates.map((u) => ({ id: u.id, patch: u.householdKey ? { ...u.patch, householdId: hhIds.get(u.householdKey)! } : u.patch })),
      );
      await audit(tx, { actor }, req, {
        action: 'import.people',
        entityType: 'import',
        areaCode: actor.scopeCode,
        detail: { fileName: fileName.slice(0, 120), total: body.length, created: creates.length, updated: updates.length, unchanged, refused: refused.length, households: places.newHouseholds.size, areas: places.newAreas.length },
      });
    });
    if (places.newAreas.length) forgetAreaNames();
  }
  refused.sort((a, b) => a.row - b.row);
  return { created: creates.length, updated: updates.length, unchanged, refused };
}

function numbers(ctx: AppContext, p: ParsedRow) {
  return {
    idCipher: ctx.cipher.encrypt(p.idNumber),
    idHash: ctx.cipher.lookupHash(p.idNumber),
    idLast4: p.idNumber.slice(-4),
    phoneCipher: ctx.cipher.encrypt(p.phone),
    phoneHash: ctx.cipher.lookupHash(p.phone),
    phoneLast4: p.phone.slice(-4),
  };
}

/** What a row changes on a known person; an empty optional cell leaves the field as it is. */
function personPatch(ctx: AppContext, e: repo.PersonLite, p: ParsedRow, unitCode: string, householdId: string | undefined): Partial<NewPersonRow> {
  const patch: Partial<NewPersonRow> = {};
  if (e.name !== p.name) patch.name = p.name;
  const gender = p.gender ?? genderOfId(p.idNumber);
  if (e.gender !== gender) patch.gender = gender;
  const birth = birthDateOfId(p.idNumber);
  if (e.birthDate !== birth) patch.birthDate = birth;
  const phoneHash = ctx.cipher.lookupHash(p.phone);
  if (e.phoneHash !== phoneHash) Object.assign(patch, { phoneCipher: ctx.cipher.encrypt(p.phone), phoneHash, phoneLast4: p.phone.slice(-4) });
  if (e.areaCode !== unitCode) patch.areaCode = unitCode;
  // A household still to be created is set by the caller once it has its id.
  if (householdId === undefined || e.householdId !== householdId) patch.householdId = householdId ?? null;
  if (p.ethnicity !== undefined && e.ethnicity !== p.ethnicity) patch.ethnicity = p.ethnicity;
  if (p.relation !== undefined && e.relation !== p.relation) patch.relation = p.relation;
  if (p.residenceType !== undefined && e.residenceType !== p.residenceType) patch.residenceType = p.residenceType;
  if (p.partyMember !== undefined && e.partyMember !== p.partyMember) patch.partyMember = p.partyMember;
  if (p.note !== undefined && e.note !== p.note) patch.note = p.note;
  return patch;
}

// ---- template, export and report files ------------------------------------------------------------------------------

const RELATION_ZH = new Map<string, string>(RELATIONS.map((r) => [r.code, r.zh]));
const RESIDENCE_ZH = new Map<string, string>(RESIDENCE_TYPES.map((t) => [t.code, t.zh]));

type TemplateRow = Partial<Record<Key, string>>;

async function templateWorkbook(rows: TemplateRow[], help: boolean): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('人口信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = PEOPLE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  PEOPLE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.note = `${c.required ? '必填。' : '选填。'}${c.note}`;
  });
  // Numbers and codes are text: Excel must not turn an ID number into 3.2E+17.
  PEOPLE_COLUMNS.forEach((_, i) => (ws.getColumn(i + 1).numFmt = '@'));
  for (const r of rows) ws.addRow(r);
  if (help) {
    const h = wb.addWorksheet('填写说明');
    h.columns = [{ width: 14 }, { width: 8 }, { width: 80 }];
    h.addRow(['列名', '必填', '说明']).font = { bold: true };
    for (const c of PEOPLE_COLUMNS) h.addRow([c.header, c.required ? '是' : '否', c.note]);
    h.addRow([]);
    h.addRow(['导入规则', '', '按公民身份号码识别人员：新号码新增，已登记的号码更新姓名、电话、住址等（选填列留空时保留原值），内容相同则不变。']);
    h.addRow(['', '', '住户按“网格编码 + 楼栋 + 单元 + 门牌号”查找，没有则新建；网格中没有的楼栋、单元会自动新建。']);
    h.addRow(['', '', '不在您辖区内的网格、号码校验不通过的行不导入，导入结果逐行说明原因；同一文件再次导入不会重复登记。']);
    h.addRow(['', '', '也接受 CSV 文件（UTF-8 或 GB18030 编码，第一行为表头）。']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function peopleTemplate(actor: Actor): Promise<Buffer> {
  if (!canImportPeople(actor)) throw forbidden('只有社区（村）工作人员和网格员可以导入人口信息');
  return templateWorkbook([], true);
}

/**
 * The people of an area in the import template, numbers in full (decrypted): what a community
 * corrects in Excel and imports again. Only roles that may reveal numbers get it, and it is audited.
 */
export async function exportPeopleTemplate(ctx: AppContext, actor: Actor, area: string | undefined, req: RequestContext): Promise<{ fileName: string; body: Buffer }> {
  if (!canExportRegistry(actor)) throw forbidden('您的角色不能导出含完整号码的人口信息');
  const code = area ?? actor.scopeCode;
  if (!isWithinScope(code, actor.scopeCode) || !(await findArea(ctx.db, scopeOf(actor), code))) throw notFound('区域');
  const rows = await repo.peopleForTemplate(ctx.db, code, MAX_TEMPLATE_EXPORT);
  const unitCodes = [...new Set(rows.map((r) => r.householdArea ?? r.areaCode))];
  const ancestors = new Set<string>();
  for (const u of unitCodes) if (u.length >= 18) ancestors.add(u.slice(0, 18)).add(u);
  const names = await areaNames(ctx.db, [...ancestors]);
  const decrypt = (c: string | null) => {
    if (!c) return '';
    try {
      return ctx.cipher.decrypt(c);
    } catch {
      return '';
    }
  };
  const out: TemplateRow[] = rows.map((r) => {
    const unit = r.householdArea ?? r.areaCode;
    return {
      name: r.name,
      gender: r.gender === 'male' ? '男' : '女',
      idNumber: decrypt(r.idCipher),
      phone: decrypt(r.phoneCipher),
      ethnicity: r.ethnicity,
      relation: RELATION_ZH.get(r.relation) ?? '其他',
      residenceType: RESIDENCE_ZH.get(r.residenceType) ?? '',
      partyMember: r.partyMember ? '是' : '否',
      gridCode: unit.slice(0, 15),
      building: unit.length >= 18 ? (names.get(unit.slice(0, 18))?.name ?? '') : '',
      unit: unit.length >= 20 ? (names.get(unit)?.name ?? '') : '',
      door: r.doorplate ?? '',
      note: r.note ?? '',
    };
  });
  await audit(ctx.db, { actor }, req, {
    action: 'export.people-registry',
    entityType: 'export',
    areaCode: code,
    detail: { area: code, rows: out.length },
  });
  return { fileName: `人口信息_${code}.xlsx`, body: await templateWorkbook(out, false) };
}

/** The import's result as a workbook: the counts and every refused row with its reason. */
export async function peopleReportWorkbook(actor: Actor, report: PeopleImportResult & { fileName: string }): Promise<Buffer> {
  if (!canImportPeople(actor)) throw forbidden('只有社区（村）工作人员和网格员可以导入人口信息');
  return workbookBuffer({
    name: '导入结果',
    title: `人口信息导入结果：${report.fileName}`,
    info: `新增 ${report.created}，更新 ${report.updated}，未变化 ${report.unchanged}，未导入 ${report.refused.length}    导出人：${actor.displayName}    导出时间：${toIsoCst(new Date())!.slice(0, 16).replace('T', ' ')}`,
    columns: [
      { header: '行号', type: 'int', width: 8, value: (r: Refusal) => r.row },
      { header: '未导入原因', width: 80, value: (r: Refusal) => r.reason },
    ],
    rows: report.refused,
  });
}
