// Emergency events: the switch to wartime and back (平战结合、一键转换, `002`), the forces formed for them and the
// check-ins of the people on call: docs/EMERGENCY.md. Tables of schema.ts are referenced lazily only (this file is
// re-exported by it).
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { partyOrgs, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** An area (town, village or grid) in wartime, from the switch to the end with a summary. */
export const emergencyEvents = pgTable(
  'emergency_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: varchar('kind', { length: 16 }).notNull(),
    level: varchar('level', { length: 4 }).notNull(),
    reason: text('reason').notNull(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    state: varchar('state', { length: 8 }).notNull().default('active'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    startedBy: uuid('started_by').notNull(),
    startedByName: text('started_by_name').notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedByName: text('ended_by_name'),
    summary: text('summary'),
  },
  (t) => [
    index('emergency_events_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('emergency_events_state_idx').on(t.state),
    check('emergency_events_state', sql`${t.state} in ('active','ended')`),
  ],
);

/** The event's timeline: the switch, the forces formed, the end. Append-only. */
export const emergencyLog = pgTable(
  'emergency_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => emergencyEvents.id),
    action: varchar('action', { length: 24 }).notNull(),
    actorId: uuid('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('emergency_log_event_idx').on(t.eventId, t.createdAt)],
);

/**
 * A force formed for the event: a temporary party branch (临时党支部) or a commando team (党员突击队). It lives and
 * ends with the event; `partyOrgId` names the standing party organisation that set it up, when one did.
 */
export const emergencyUnits = pgTable(
  'emergency_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => emergencyEvents.id),
    kind: varchar('kind', { length: 16 }).notNull(),
    name: text('name').notNull(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    leaderName: text('leader_name'),
    members: text('members').array().notNull().default(sql`'{}'::text[]`),
    partyOrgId: uuid('party_org_id').references(() => partyOrgs.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('emergency_units_event_idx').on(t.eventId), check('emergency_units_kind', sql`${t.kind} in ('temp-branch','commando')`)],
);

/** One check-in of a person on call at their post (a grid), from the phone; location optional. Append-only. */
export const emergencyCheckIns = pgTable(
  'emergency_check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => emergencyEvents.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    userName: text('user_name').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    gridCode: varchar('grid_code', { length: 24 }).notNull(),
    post: text('post'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    createdAt: createdAt(),
  },
  (t) => [index('emergency_check_ins_event_idx').on(t.eventId, t.gridCode)],
);

/** A task the command sends to the forces on call in the event's area or one of its grids (`002`: 下沉力量听令而动). */
export const emergencyTasks = pgTable(
  'emergency_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => emergencyEvents.id),
    title: text('title').notNull(),
    detail: text('detail'),
    /** Who it is for: the forces on call whose area lies in this one or holds it. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('emergency_tasks_event_idx').on(t.eventId, t.createdAt)],
);

/** "收到": one acknowledgement of a task per person. Append-only. */
export const emergencyTaskAcks = pgTable(
  'emergency_task_acks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => emergencyTasks.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    userName: text('user_name').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('emergency_task_acks_uq').on(t.taskId, t.userId)],
);
