// China has a single time zone without daylight saving: times are shown as +08:00.
const OFFSET_MS = 8 * 3600 * 1000;

/** ISO 8601 with the +08:00 offset, e.g. 2026-11-22T09:30:00+08:00. */
export function toIsoCst(value: Date | string | null | undefined): string | null {
  if (value == null) return null;
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  const local = new Date(d.getTime() + OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

export function ageOn(birthDate: string | null, today = new Date()): number | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const local = new Date(today.getTime() + OFFSET_MS);
  let age = local.getUTCFullYear() - y;
  if (local.getUTCMonth() + 1 < m || (local.getUTCMonth() + 1 === m && local.getUTCDate() < d)) age -= 1;
  return age;
}
