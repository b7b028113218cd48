// Client-side checks that mirror the server's, so a form can point at a mistake before it is sent.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999: 18 characters, a real birth date, and the check character. */
export function isValidIdNumber(raw: string): boolean {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] === id[17];
}

/** Birth date (YYYY-MM-DD) and gender encoded in a valid ID number. */
export function infoFromIdNumber(raw: string): { birthDate: string; gender: 'male' | 'female' } | null {
  const id = raw.trim().toUpperCase();
  if (!isValidIdNumber(id)) return null;
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const gender = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { birthDate, gender };
}

export function isValidMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone.trim());
}

/** ≥ 8 characters and at least 3 of 4 classes (upper, lower, digit, symbol). */
export function passwordProblem(pw: string): 'tooShort' | 'classes' | null {
  if (pw.length < 8) return 'tooShort';
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  return classes >= 3 ? null : 'classes';
}

export const USERNAME_RE = /^[a-z][a-z0-9._-]{2,31}$/;

/**
 * The ID and phone numbers of a person form as the API takes them: a new person's blank number is null; on an edit a
 * blank one is left out, meaning "unchanged" (the current numbers are shown masked and never sent back).
 */
export function personNumbers(v: { idNumber?: string; phone?: string }, editing: boolean): { idNumber?: string | null; phone?: string | null } {
  const id = v.idNumber?.trim().toUpperCase();
  const phone = v.phone?.trim();
  return {
    ...(id ? { idNumber: id } : editing ? {} : { idNumber: null }),
    ...(phone ? { phone } : editing ? {} : { phone: null }),
  };
}
