// Lists and projects (清单与治理项目): 金点子 ideas and their supports, the departments' offers
// (赋能清单), the villages' and communities' needs (需求清单) with their sources, and governance
// projects with their supervision group (群众督导小组), milestones and timeline. docs/PARTICIPATION.md.
import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { people, serviceTeams, units, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A resident's 金点子, collected each quarter in their village or community. */
export const ideas = pgTable(
  'ideas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The author's village or community (12 digits). */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    quarter: varchar('quarter', { length: 7 }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    authorName: text('author_name').notNull(),
    state: varchar('state', { length: 16 }).notNull().default('open'),
    supports: integer('supports').notNull().default(0),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('ideas_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')), index('ideas_author_idx').on(t.authorUserId)],
);

/** One support per resident and idea (the primary key). */
export const ideaSupports = pgTable(
  'idea_supports',
  {
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => ideas.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.userId] }), index('idea_supports_user_idx').on(t.userId)],
);

/** A district department's yearly offer to towns and villages (赋能清单). */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: smallint('year').notNull(),
    /** The offering department. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The district (6 digits) the offer is published in. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    contact: text('contact').notNull(),
    conditions: text('conditions').notNull().default(''),
    /** How many villages/communities it can serve this year. */
    capacity: integer('capacity').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('offers_unit_idx').on(t.unitId, t.year), index('offers_year_idx').on(t.year)],
);

/** A need of a village or community (需求清单), compiled monthly; `sources` links what it came from. */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    month: varchar('month', { length: 7 }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    state: varchar('state', { length: 16 }).notNull().default('open'),
    /** [{type, id, title}] — ideas, wishes, visits, cases, deliberations. */
    sources: jsonb('sources').notNull().default([]),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    metAt: timestamp('met_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('needs_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')), index('needs_month_idx').on(t.month)],
);

/** A governance project (治理项目) made from a need, optionally with a department's offer. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id),
    offerId: uuid('offer_id').references(() => offers.id),
    /** The offer's department, copied so a department's reads are one index look-up. */
    offerUnitId: uuid('offer_unit_id').references(() => units.id),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    state: varchar('state', { length: 16 }).notNull().default('open'),
    /** 书记项目 (`002`). */
    secretaryProject: boolean('secretary_project').notNull().default(false),
    /** On the 实事项目台账 (`002`). */
    ledger: boolean('ledger').notNull().default(false),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull().default(0),
    spentFen: bigint('spent_fen', { mode: 'number' }).notNull().default(0),
    percent: smallint('percent').notNull().default(0),
    dueDate: date('due_date'),
    claimKind: varchar('claim_kind', { length: 16 }),
    claimedByUserId: uuid('claimed_by_user_id').references(() => users.id),
    claimedByTeamId: uuid('claimed_by_team_id').references(() => serviceTeams.id),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('projects_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('projects_offer_unit_idx').on(t.offerUnitId),
    uniqueIndex('projects_need_uq').on(t.needId),
  ],
);

/** The project's residents' supervision group (群众督导小组, “一事一组”) and each member's sign-off. */
export const projectSupervisors = pgTable(
  'project_supervisors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    name: text('name').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    /** Signed online by the member, or recorded from paper by staff. */
    signedOnline: boolean('signed_online'),
    signedBy: uuid('signed_by').references(() => users.id),
    note: text('note'),
  },
  (t) => [uniqueIndex('project_supervisors_uq').on(t.projectId, t.personId), index('project_supervisors_person_idx').on(t.personId)],
);

/** A project's milestone: progress, spending and photos. */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    percent: smallint('percent').notNull(),
    spentFen: bigint('spent_fen', { mode: 'number' }).notNull().default(0),
    attachments: jsonb('attachments').notNull().default([]),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId, t.at)],
);

/** Every step of a project, append-only, shown to staff and the supervision group alike. */
export const projectEvents = pgTable(
  'project_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    action: varchar('action', { length: 32 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    detail: jsonb('detail'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_events_project_idx').on(t.projectId, t.id)],
);
