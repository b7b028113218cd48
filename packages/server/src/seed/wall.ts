// Demo for the wall (民生小事小黑板): a decided residents' consultation of the demo community, and a photo
// on the demo project's milestone, so /m/wall shows decisions and project photos on `npm start`.
// Runs once (meta key `wall_seed`).
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { decideDeliberation, type BallotChoice } from '@gongzhi/domain';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { files, people } from '../db/schema.ts';
import { projectMilestones, projects } from '../db/schema-projects.ts';
import { insertBallot, insertDeliberation, insertRoll, closeDeliberation } from '../repositories/deliberations.ts';
import { getMeta, setMeta } from '../repositories/meta.ts';
import { findUserForLogin } from '../repositories/users.ts';
import type { AppContext } from '../services/context.ts';

const COMMUNITY = '320614103001';
const DAY = 86400_000;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A small RGB picture of a cleared plot: sky, a paved path, grass (a stand-in for a site photo). */
export function sitePhoto(width = 240, height = 160): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const path = Math.abs(x - width / 2 - (y - height) * 0.4) < 18 && y > height * 0.45;
      const px = y < height * 0.45 ? [150 + (y % 7), 190, 235] : path ? [196, 186, 170] : [70 + ((x * y) % 23), 140 + (x % 17), 70];
      row.set(px, 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const CHOICES: BallotChoice[] = ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'yes', 'abstain', 'no'];

export async function seedWallDemo(ctx: AppContext): Promise<'created' | 'present'> {
  if (await getMeta(ctx.db, 'wall_seed')) return 'present';
  const [secretary, resident] = await Promise.all([findUserForLogin(ctx.db, 'secretary'), findUserForLogin(ctx.db, 'resident')]);
  if (!secretary || !resident?.personId) return 'present';
  const roll = await ctx.db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(like(people.areaCode, `${COMMUNITY}%`), eq(people.status, 'active'), sql`${people.id} <> ${resident.personId}`, sql`${people.birthDate} < '2000-01-01'`))
    .orderBy(asc(people.areaCode), asc(people.id))
    .limit(12);
  if (roll.length < 12) return 'present';
  const now = Date.now();
  await ctx.db.transaction(async (tx) => {
    const d = await insertDeliberation(tx, {
      title: '小区东门加装非机动车充电棚',
      description: '东门空地建设带计量、带喷淋的电动自行车充电棚（约 40 个车位），费用由小区公共收益列支，物业负责日常管理。',
      areaCode: COMMUNITY,
      body: 'consultation',
      form: 'persons',
      state: 'open',
      createdBy: secretary.id,
      createdAt: new Date(now - 12 * DAY),
    });
    const entries = await insertRoll(tx, roll.map((p, i) => ({ deliberationId: d.id, seq: i + 1, name: p.name, personId: p.id })));
    for (const [i, e] of entries.entries()) {
      const choice = CHOICES[i];
      if (choice) await insertBallot(tx, { deliberationId: d.id, rollId: e.id, choice, online: false, recordedBy: secretary.id, createdAt: new Date(now - 9 * DAY) });
    }
    const outcome = decideDeliberation({ body: 'consultation', form: 'persons', roll: entries.map((_, i) => ({ choice: CHOICES[i] ?? null })) });
    await closeDeliberation(tx, d.id, { result: outcome, closedBy: secretary.id, closedAt: new Date(now - 9 * DAY) });

    // A site photo on the demo project's milestone.
    const [m] = await tx
      .select({ id: projectMilestones.id, attachments: projectMilestones.attachments })
      .from(projectMilestones)
      .innerJoin(projects, eq(projects.id, projectMilestones.projectId))
      .where(and(like(projects.areaCode, `${COMMUNITY}%`), eq(projects.title, '7 号楼旁口袋公园改建')))
      .limit(1);
    if (m && (m.attachments as unknown[]).length === 0) {
      const png = sitePhoto();
      const [f] = await tx.insert(files).values({ uploaderId: secretary.id, name: '场地平整.png', mime: 'image/png', size: png.length, sha256: createHash('sha256').update(png).digest('hex'), data: png }).returning({ id: files.id });
      await tx.update(projectMilestones).set({ attachments: [{ id: f!.id, name: '场地平整.png' }] }).where(eq(projectMilestones.id, m.id));
    }
    await setMeta(tx, 'wall_seed', { version: 1, at: new Date().toISOString() });
  });
  return 'created';
}
