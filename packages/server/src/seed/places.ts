// The demo's places and organisations: a plausible handful per grid of the two populated communities
// (generated in packages/domain/src/places/demo.ts). Rows carry a key, so seeding twice changes nothing.
import { and, asc, eq, like } from 'drizzle-orm';
import { generateCommunityPlaces, parsePhone, polygonsOf } from '@gongzhi/domain';
import { areas } from '../db/schema.ts';
import { insertOrganisationsByKey, insertPlacesByKey } from '../repositories/directory.ts';
import type { AppContext } from '../services/context.ts';

export const DEMO_PLACE_COMMUNITIES = ['320614103001', '320614103002'];

export async function seedPlacesDemo(ctx: AppContext, communities = DEMO_PLACE_COMMUNITIES): Promise<void> {
  for (const village of communities) {
    const v = await ctx.db.query.areas.findFirst({ where: (a, { eq }) => eq(a.code, village) });
    if (!v) continue;
    const gridRows = await ctx.db
      .select({ code: areas.code, name: areas.name, geometry: areas.geometry })
      .from(areas)
      .where(and(eq(areas.level, 'grid'), like(areas.code, `${village}%`)))
      .orderBy(asc(areas.code));
    const grids = gridRows.flatMap((g) => {
      const polygon = polygonsOf(g.geometry)[0];
      return polygon ? [{ code: g.code, name: g.name, geometry: polygon }] : [];
    });
    if (grids.length === 0) continue;
    const { places, orgs } = generateCommunityPlaces(village, v.name, grids);
    // Each organisation is filed in a grid: the grid of the first compound it manages, else one grid after another.
    const gridOf = (key: string, i: number) => places.find((p) => p.propertyOrgKey === key)?.gridCode ?? grids[i % grids.length]!.code;
    const ids = await insertOrganisationsByKey(
      ctx.db,
      orgs.map((o, i) => {
        const phone = parsePhone(o.phone)!.value;
        return {
          key: o.key,
          kind: o.kind,
          name: o.name,
          areaCode: gridOf(o.key, i),
          contactName: o.contactName,
          phoneCipher: ctx.cipher.encrypt(phone),
          phoneHash: ctx.cipher.lookupHash(phone),
          phoneLast4: phone.slice(-4),
          creditCode: o.creditCode,
          whitelisted: o.whitelisted,
        };
      }),
    );
    const idOf = new Map(ids.map((r) => [r.key, r.id]));
    await insertPlacesByKey(
      ctx.db,
      places.map((p) => ({
        key: p.key,
        kind: p.kind,
        name: p.name,
        areaCode: p.gridCode,
        lat: p.point[1],
        lng: p.point[0],
        outline: p.outline,
        address: p.address,
        propertyOrgId: p.propertyOrgKey ? (idOf.get(p.propertyOrgKey) ?? null) : null,
      })),
    );
  }
}
