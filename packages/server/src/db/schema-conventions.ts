// Village and community conventions (村规民约 / 居民公约): one per village or community, with numbered
// versions (draft → adopted → superseded). The rules live in packages/domain/src/conventions;
// docs/PARTICIPATION.md describes the module.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { deliberations, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A village's 村规民约 or a community's 居民公约 (kind from the area code's village segment). */
export const conventions = pgTable(
  'conventions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The village or community (12 digits). */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conventions_area_idx').on(t.areaCode),
    index('conventions_area_prefix_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    check('conventions_kind', sql`${t.kind} in ('village','community')`),
  ],
);

/**
 * A version of a convention: its articles (ordered [{id, chapter, text}]), the points rules of the area it
 * ties to, and — once adopted — when and on what basis (a passed deliberation, or a paper adoption's note).
 * At most one draft and one adopted version per convention (partial unique indexes).
 */
export const conventionVersions = pgTable(
  'convention_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conventionId: uuid('convention_id')
      .notNull()
      .references(() => conventions.id),
    versionNo: integer('version_no').notNull(),
    title: text('title').notNull(),
    articles: jsonb('articles').notNull(),
    /** Ids of the area's own points rules (points_rules with this area_code) the version refers to. */
    pointsRuleIds: uuid('points_rule_ids').array().notNull().default(sql`'{}'::uuid[]`),
    state: varchar('state', { length: 16 }).notNull(),
    deliberationId: uuid('deliberation_id').references(() => deliberations.id),
    adoptedOn: date('adopted_on'),
    paperNote: text('paper_note'),
    draftedBy: uuid('drafted_by').references(() => users.id),
    adoptedBy: uuid('adopted_by').references(() => users.id),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('convention_versions_no_idx').on(t.conventionId, t.versionNo),
    uniqueIndex('convention_versions_one_draft_idx').on(t.conventionId).where(sql`${t.state} = 'draft'`),
    uniqueIndex('convention_versions_one_adopted_idx').on(t.conventionId).where(sql`${t.state} = 'adopted'`),
    index('convention_versions_deliberation_idx').on(t.deliberationId),
    check('convention_versions_state', sql`${t.state} in ('draft','adopted','superseded')`),
    check('convention_versions_adopted', sql`${t.state} = 'draft' or ${t.adoptedOn} is not null`),
  ],
);
