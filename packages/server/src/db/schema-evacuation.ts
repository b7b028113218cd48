// Evacuation lists (转移安置, docs/EMERGENCY.md): for an area, the people to move to a safe place, where to, who is
// responsible, and each person's move with its history. Tables of schema.ts are referenced lazily only (this file
// is re-exported by it).
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { households, people, places, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** An evacuation list over an area (town, village or grid). */
export const evacuations = pgTable(
  'evacuations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    /** The emergency event it belongs to, when there is one (no foreign key: events live in their own module). */
    emergencyId: text('emergency_id'),
    /** The colours whose households were put on the list when it was made. */
    colours: text('colours').array().notNull().default(sql`'{}'::text[]`),
    withNeedsHelp: boolean('with_needs_help').notNull().default(true),
    state: varchar('state', { length: 16 }).notNull().default('open'),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('evacuations_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')), check('evacuations_state', sql`${t.state} in ('open','closed')`)],
);

/** One person to move: where to, who is responsible, the state of the move. */
export const evacuationEntries = pgTable(
  'evacuation_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evacuationId: uuid('evacuation_id')
      .notNull()
      .references(() => evacuations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    householdId: uuid('household_id').references(() => households.id),
    /** The person's area (unit, building or grid): scope checks are prefix matches on it. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    /** Why the person is on the list: red, orange, yellow, blue (the household's colour) and/or needs-help. */
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    /** The household's colour when the person was put on the list. */
    riskColour: varchar('risk_colour', { length: 8 }),
    /** 安置点: a place of the registry, or written out. */
    destinationPlaceId: uuid('destination_place_id').references(() => places.id),
    destinationText: text('destination_text'),
    responsibleId: uuid('responsible_id').references(() => users.id),
    responsibleName: text('responsible_name'),
    state: varchar('state', { length: 16 }).notNull().default('pending'),
    refusedReason: text('refused_reason'),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    arrivedByName: text('arrived_by_name'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('evacuation_entries_person_uq').on(t.evacuationId, t.personId),
    index('evacuation_entries_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('evacuation_entries_responsible_idx').on(t.responsibleId, t.state),
    check('evacuation_entries_state', sql`${t.state} in ('pending','moving','arrived','refused','returned')`),
  ],
);

/** Every change of an entry (state, destination, responsible): who, when, what. Append-only. */
export const evacuationEvents = pgTable(
  'evacuation_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => evacuationEntries.id),
    action: varchar('action', { length: 16 }).notNull(),
    fromState: varchar('from_state', { length: 16 }),
    toState: varchar('to_state', { length: 16 }),
    note: text('note'),
    actorId: uuid('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('evacuation_events_entry_idx').on(t.entryId, t.createdAt)],
);
