// 一户十联 / 30比1: each backbone party member is linked to about 30 households near where they live.
// Pure: the proposal is computed from codes alone (a household's unit code orders it within its
// building, buildings within the grid), so "near" means "close in the grid/building order".

/** The standard: one backbone member for about 30 households. */
export const LINK_TARGET = 30;

export interface LinkHousehold {
  id: string;
  /** The household's area code (unit or building below the grid): its place in the grid order. */
  areaCode: string;
  /** Tie-break inside a unit: the doorplate or key. */
  sortKey?: string;
}

export interface LinkMember {
  id: string;
  /** Where the member lives (their own area code). */
  areaCode: string;
}

export interface LinkProposal {
  /** household id → member id; every household of the input is assigned when there is a member. */
  assignments: Map<string, string>;
  /** member id → the number of households proposed for them. */
  loads: Map<string, number>;
  /** Members needed at the 30:1 standard, and how many are short (0 when there are enough). */
  needed: number;
  shortBy: number;
}

const byCode = (a: { areaCode: string; sortKey?: string; id: string }, b: { areaCode: string; sortKey?: string; id: string }) =>
  a.areaCode < b.areaCode ? -1 : a.areaCode > b.areaCode ? 1 : (a.sortKey ?? '') < (b.sortKey ?? '') ? -1 : (a.sortKey ?? '') > (b.sortKey ?? '') ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Proposes links for one grid: households in grid/building order are cut into as many contiguous
 * runs as there are members, the run sizes differing by at most one (balanced), and member i in
 * order of residence takes run i — so each member gets the households around their own home and
 * no household is left out. With no members, nothing is assigned.
 */
export function proposeLinks(households: readonly LinkHousehold[], members: readonly LinkMember[]): LinkProposal {
  const hs = [...households].sort(byCode);
  const ms = [...members].sort((a, b) => byCode(a, b));
  const assignments = new Map<string, string>();
  const loads = new Map<string, number>(ms.map((m) => [m.id, 0]));
  const needed = Math.ceil(hs.length / LINK_TARGET);
  if (ms.length === 0) return { assignments, loads, needed, shortBy: needed };
  const base = Math.floor(hs.length / ms.length);
  const extra = hs.length % ms.length;
  let at = 0;
  ms.forEach((m, i) => {
    const size = base + (i < extra ? 1 : 0);
    for (const h of hs.slice(at, at + size)) assignments.set(h.id, m.id);
    loads.set(m.id, size);
    at += size;
  });
  return { assignments, loads, needed, shortBy: Math.max(0, needed - ms.length) };
}

/** Households of the input with no member in `assigned` (a grid with members must have none). */
export function unlinkedHouseholds(households: readonly LinkHousehold[], assigned: ReadonlyMap<string, string>): LinkHousehold[] {
  return households.filter((h) => !assigned.has(h.id));
}
