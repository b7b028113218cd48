// Service points (15-minute service circle), the talent registry (名录库) and sunk-down cadres (下沉干部):
// docs/SERVICE-POINTS.md. Tables of schema.ts are referenced lazily only (this file is re-exported by it).
import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { files, places, units, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A service point of a community's 15-minute circle, at a point (WGS84); may stand at a registry place. */
export const servicePoints = pgTable(
  'service_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The community (or grid) the point belongs to. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    kind: varchar('kind', { length: 24 }).notNull(),
    name: text('name').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    address: text('address'),
    /** Opening hours as people write them (周一至周五 8:30-17:30). */
    hours: text('hours'),
    services: jsonb('services').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    contactName: text('contact_name'),
    /** The point's public service telephone (an office number, not a person's). */
    contactPhone: varchar('contact_phone', { length: 24 }),
    placeId: uuid('place_id').references(() => places.id),
    key: varchar('key', { length: 64 }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('service_points_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')), uniqueIndex('service_points_key_idx').on(t.key)],
);

/** The talent registry of a village or community (名录库, `000`), with the person's consent to be listed. */
export const talents = pgTable(
  'talents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    name: text('name').notNull(),
    category: varchar('category', { length: 24 }).notNull(),
    roles: jsonb('roles').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** Workplace or trade (海门区人民医院 全科医生). */
    workplace: text('workplace'),
    expertise: text('expertise'),
    phoneCipher: text('phone_cipher'),
    phoneLast4: varchar('phone_last4', { length: 4 }),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentWithdrawnAt: timestamp('consent_withdrawn_at', { withTimezone: true }),
    /** How consent was recorded (书面同意书、电话确认 …). */
    consentNote: text('consent_note'),
    key: varchar('key', { length: 64 }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('talents_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')), uniqueIndex('talents_key_idx').on(t.key)],
);

/**
 * A sunk-down cadre is an account holding the `cadre` role whose scope is the community served and whose unit is
 * the sending unit (appointed as `sunk-cadre`, docs/STAFFING.md). This row only adds what the account lacks:
 * whether the cadre is a first secretary (第一书记).
 */
export const cadreProfiles = pgTable('cadre_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  kind: varchar('kind', { length: 24 }).notNull().default('sunk-down'),
  updatedBy: uuid('updated_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** 到社区报到: one row per cadre and China day (the first check-in of the day counts). */
export const cadreCheckins = pgTable(
  'cadre_checkins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The community served and the sending unit on that day. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    day: date('day', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    note: text('note'),
  },
  (t) => [uniqueIndex('cadre_checkins_day_idx').on(t.userId, t.day), index('cadre_checkins_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops'), t.day)],
);

/** A task the community assigns to one of its cadres; completed with a note and optionally a photo. */
export const cadreTasks = pgTable(
  'cadre_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    title: text('title').notNull(),
    detail: text('detail'),
    dueOn: date('due_on', { mode: 'string' }),
    state: varchar('state', { length: 16 }).notNull().default('open'),
    assignedBy: uuid('assigned_by').references(() => users.id),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completionNote: text('completion_note'),
    photoFileId: uuid('photo_file_id').references(() => files.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('cadre_tasks_user_idx').on(t.userId, t.state), index('cadre_tasks_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops'))],
);
