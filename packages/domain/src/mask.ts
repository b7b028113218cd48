// Personal numbers (居民身份证号码, 手机号码) are sensitive personal information.
// These helpers validate and mask them; encryption lives in the server.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = id.slice(6, 14);
  const y = Number(birth.slice(0, 4));
  const m = Number(birth.slice(4, 6));
  const d = Number(birth.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return false;
  }
  return idCheckChar(id.slice(0, 17)) === id[17];
}

export function isValidMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}

/** Only the last four digits are kept in clear at rest, so a masked ID shows just those. */
export function maskIdNumber(last4: string | null | undefined): string | null {
  return last4 ? `${'*'.repeat(14)}${last4}` : null;
}

export function maskPhone(last4: string | null | undefined): string | null {
  return last4 ? `${'*'.repeat(7)}${last4}` : null;
}

export function lastFour(value: string): string {
  return value.slice(-4);
}

/** Masks a Chinese name for public display: 张三 → 张*, 欧阳小明 → 欧***. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}
