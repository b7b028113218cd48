// Checks of the registry's personal numbers and of the address parts of an imported row.
// Pure functions: the import (server) and the forms (web) give the same answer.

import { idCheckChar } from './mask.ts';

/** Why an identity number fails GB 11643-1999 (公民身份号码), or null when it is valid. */
export type IdNumberProblem = 'length' | 'characters' | 'birth-date' | 'check-character';

/** Full-width digits and letters (as typed with a Chinese IME) become half-width; spaces go. */
export function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]/g, '');
}

/**
 * GB 11643-1999: 18 characters — 6-digit address code, 8-digit date of birth (YYYYMMDD, a real day
 * not after `today`), 3-digit sequence (odd for men), and a check character by ISO 7064 MOD 11-2
 * (0–9 or X). A lower-case x is accepted and read as X.
 */
export function idNumberProblem(raw: string, today: Date = new Date()): IdNumberProblem | null {
  const id = halfWidth(raw).toUpperCase();
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'birth-date';
  // Born "tomorrow" in China time is not a real date of birth.
  const chinaToday = new Date(today.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  if (`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > chinaToday) return 'birth-date';
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return 'check-character';
  return null;
}

/** The ID number as stored (half-width, upper-case X). */
export const normalizeIdNumber = (raw: string) => halfWidth(raw).toUpperCase();

/** Date of birth (YYYY-MM-DD) of a valid ID number. */
export const birthDateOfId = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;

/** GB 11643: the 17th character (last of the sequence code) is odd for men, even for women. */
export const genderOfId = (id: string): 'male' | 'female' => (Number(id[16]) % 2 === 1 ? 'male' : 'female');

export const ID_PROBLEM_TEXT: Record<IdNumberProblem, string> = {
  length: '应为 18 位',
  characters: '前 17 位应为数字，末位为数字或 X',
  'birth-date': '出生日期不是真实日期',
  'check-character': '校验位不正确',
};

export interface Phone {
  kind: 'mobile' | 'landline';
  /** Mobile: 11 digits. Landline: area code, hyphen, local number (e.g. 0513-82123456). */
  value: string;
}

/**
 * A mainland China telephone number, or null. Mobile: 11 digits starting 13–19 (YD/T 2682 numbering
 * plan; +86 / 86 prefix allowed). Landline: trunk prefix 0 + area code (010, 02x, or 0 + three digits
 * from 3–9) + a local number of 7 or 8 digits not starting with 0 or 1; separators (space, hyphen,
 * brackets) are ignored, an extension (转 / -ext) is not accepted.
 */
export function parsePhone(raw: string): Phone | null {
  let s = halfWidth(raw).replace(/[-()（）]/g, '');
  if (/^\+?86(1\d{10})$/.test(s)) s = s.replace(/^\+?86/, '');
  if (/^1[3-9]\d{9}$/.test(s)) return { kind: 'mobile', value: s };
  const m = /^(010|02\d|0[3-9]\d{2})([2-9]\d{6,7})$/.exec(s);
  if (m) return { kind: 'landline', value: `${m[1]}-${m[2]}` };
  return null;
}

// ---- address parts of an imported row -------------------------------------------------------------------------------

/**
 * The comparable core of a building name, so that the ways communities write it meet:
 * '3幢' = '3栋' = '3号楼' = '3号' = '3'; a villagers' group '5组' = '5'.
 */
export function buildingKey(raw: string): string {
  return halfWidth(raw).replace(/(幢|栋|棟|号楼|號楼|号|座|楼|组)$/, '');
}

export function unitKey(raw: string): string {
  return halfWidth(raw).replace(/(单元|組|组)$/, '');
}

/** Door numbers: '301' = '301室' = '301号'; '18号' = '18'. */
export function doorKey(raw: string): string {
  return halfWidth(raw).replace(/(室|号|號|户)$/, '');
}

// ---- household events (迁入、迁出、死亡) -----------------------------------------------------------------------------

/** What happens to a household's members, with the day it happened (SPEC §3; 004 一次采集、自动关联). */
export const HOUSEHOLD_EVENT_KINDS = ['move-in', 'move-out', 'death'] as const;
export type HouseholdEventKind = (typeof HOUSEHOLD_EVENT_KINDS)[number];
export type PersonStatus = 'active' | 'moved-out' | 'deceased';

export interface EventSubject {
  status: PersonStatus;
  householdId: string | null;
  birthDate: string | null;
}

export type HouseholdEventProblem = 'deceased' | 'already-member' | 'not-member' | 'future-date' | 'before-birth';

export const HOUSEHOLD_EVENT_PROBLEM_TEXT: Record<HouseholdEventProblem, string> = {
  deceased: '该人员已登记死亡',
  'already-member': '该人员已是本户成员',
  'not-member': '该人员不是本户的现有成员',
  'future-date': '日期不能晚于今天',
  'before-birth': '日期不能早于出生日期',
};

/**
 * Whether an event may be recorded for a person and household, and the person's state after it.
 * Move-in: anyone not deceased who is not already a member (a member of another household leaves it the
 * same day). Move-out and death: only a current member. The date is a real day, not after today (China
 * time) and not before the date of birth.
 */
export function householdEventOutcome(
  kind: HouseholdEventKind,
  person: EventSubject,
  householdId: string,
  onDate: string,
  today: string,
): { problem: HouseholdEventProblem } | { status: PersonStatus; householdId: string | null; leaves: string | null } {
  if (onDate > today) return { problem: 'future-date' };
  if (person.birthDate && onDate < person.birthDate) return { problem: 'before-birth' };
  if (person.status === 'deceased') return { problem: 'deceased' };
  const member = person.status === 'active' && person.householdId === householdId;
  if (kind === 'move-in') {
    if (member) return { problem: 'already-member' };
    const leaves = person.status === 'active' && person.householdId ? person.householdId : null;
    return { status: 'active', householdId, leaves };
  }
  if (!member) return { problem: 'not-member' };
  if (kind === 'move-out') return { status: 'moved-out', householdId: null, leaves: null };
  // A deceased member stays linked to the household, so its history names them.
  return { status: 'deceased', householdId, leaves: null };
}
