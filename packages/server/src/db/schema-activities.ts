// Activities and volunteers (docs/ACTIVITIES.md): published activities, sign-ups with their
// check-in/check-out and outcome, volunteer teams, registered volunteers and the certificates of
// service (志愿服务记录证明) issued to them.
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { people, serviceTeams, users } from './schema.ts';
import { offers } from './schema-projects.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Volunteer teams of a community (夕阳美, 巾帼美 … of `000`, and teams a community adds). */
export const volunteerTeams = pgTable(
  'volunteer_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    name: text('name').notNull(),
    /** 夕阳美, 巾帼美, 青春美, 邻里美 or other (VOLUNTEER_TEAM_KINDS). */
    kind: varchar('kind', { length: 16 }).notNull().default('other'),
    /** The team leader (队长), as named by the community. */
    leader: text('leader').notNull().default(''),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('volunteer_teams_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')), uniqueIndex('volunteer_teams_area_name_uq').on(t.areaCode, t.name)],
);

/** A registered volunteer: one per account, kept by the team that organises them (志愿服务条例 第十四条). */
export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    personId: uuid('person_id').references(() => people.id),
    name: text('name').notNull(),
    /** The community (12-digit code) that keeps the record. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    teamId: uuid('team_id').references(() => volunteerTeams.id),
    skills: jsonb('skills').$type<string[]>().notNull().default([]),
    availability: text('availability').notNull().default(''),
    /** Commendations (表彰) recorded by the team: [{title, on}]. */
    commendations: jsonb('commendations').$type<{ title: string; on: string }[]>().notNull().default([]),
    /** Trainings the team recorded (besides attended training activities): [{title, on, hours}]. */
    trainings: jsonb('trainings').$type<{ title: string; on: string; hours: number }[]>().notNull().default([]),
    /** The team's evaluation of the volunteer's service (服务评价). */
    evaluation: text('evaluation').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('volunteers_user_uq').on(t.userId), index('volunteers_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')), index('volunteers_team_idx').on(t.teamId)],
);

/** A published activity with where, when, capacity, who may join and the points rule it cites. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: varchar('kind', { length: 24 }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** The community (or town) whose residents may join. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    place: text('place').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity'),
    audience: varchar('audience', { length: 16 }).notNull(),
    pointsMode: varchar('points_mode', { length: 16 }).notNull(),
    points: integer('points').notNull().default(0),
    ruleCode: varchar('rule_code', { length: 64 }),
    basis: text('basis').notNull().default(''),
    serviceTeamId: uuid('service_team_id').references(() => serviceTeams.id),
    volunteerTeamId: uuid('volunteer_team_id').references(() => volunteerTeams.id),
    /** The 赋能清单 offer a 直通车 activity brings to the village (issue 15). */
    offerId: uuid('offer_id').references(() => offers.id),
    organiserId: uuid('organiser_id')
      .notNull()
      .references(() => users.id),
    state: varchar('state', { length: 16 }).notNull().default('published'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    /** Set when the organiser cancels the activity (with the reason shown to those who signed up). */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    cancelReason: text('cancel_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('activities_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('activities_starts_idx').on(t.startsAt),
    index('activities_offer_idx').on(t.offerId),
    check('activities_state', sql`${t.state} in ('published','confirmed','cancelled')`),
    check('activities_points_mode', sql`${t.pointsMode} in ('per-hour','per-attendance','none')`),
    check('activities_time', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * One person's sign-up for an activity, with check-in and check-out (time and, when the phone
 * gave it, location), the organiser's mark, and once the list is confirmed the outcome, minutes
 * served and points posted. One row per (activity, person account).
 */
export const activityAttendance = pgTable(
  'activity_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    personId: uuid('person_id').references(() => people.id),
    name: text('name').notNull(),
    state: varchar('state', { length: 16 }).notNull().default('signed-up'),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    checkInAt: timestamp('check_in_at', { withTimezone: true }),
    checkInLat: doublePrecision('check_in_lat'),
    checkInLng: doublePrecision('check_in_lng'),
    checkOutAt: timestamp('check_out_at', { withTimezone: true }),
    checkOutLat: doublePrecision('check_out_lat'),
    checkOutLng: doublePrecision('check_out_lng'),
    /** The organiser's mark on the list (fallback when a phone could not scan): present / absent. */
    mark: varchar('mark', { length: 8 }),
    markedBy: uuid('marked_by').references(() => users.id),
    /** Set when the organiser confirms the list: present or absent (no-show). */
    outcome: varchar('outcome', { length: 8 }),
    minutes: integer('minutes'),
    points: integer('points'),
    awardId: uuid('award_id'),
    pointsNote: text('points_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('activity_attendance_uq').on(t.activityId, t.userId),
    index('activity_attendance_user_idx').on(t.userId),
    check('activity_attendance_state', sql`${t.state} in ('signed-up','cancelled')`),
    check('activity_attendance_mark', sql`${t.mark} is null or ${t.mark} in ('present','absent')`),
    check('activity_attendance_outcome', sql`${t.outcome} is null or ${t.outcome} in ('present','absent')`),
  ],
);

/** A certificate of service (志愿服务记录证明) as issued: its figures are frozen and verifiable by code. */
export const volunteerCertificates = pgTable(
  'volunteer_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: varchar('code', { length: 16 }).notNull(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    /** What the certificate states: masked name, team, minutes, activities, trainings, first/last service. */
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('volunteer_certificates_code_uq').on(t.code), index('volunteer_certificates_volunteer_idx').on(t.volunteerId)],
);
