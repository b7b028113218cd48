// Meetings of a deliberation (议事会议, docs/PARTICIPATION.md "Meetings"): when and where, the ordered
// agenda with each item's source (a case, need, 金点子 or free text), attendance of the roll (QR check-in
// by the roll member or marked by staff), minutes and files.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { deliberationRoll, deliberations, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const deliberationMeetings = pgTable(
  'deliberation_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliberationId: uuid('deliberation_id')
      .notNull()
      .references(() => deliberations.id),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    /** scheduled → held (when the minutes are recorded). */
    state: varchar('state', { length: 16 }).notNull().default('scheduled'),
    minutes: text('minutes'),
    minutesBy: uuid('minutes_by').references(() => users.id),
    minutesAt: timestamp('minutes_at', { withTimezone: true }),
    /** [{id, name, mime}] — uploaded files (POST /api/files) attached by staff. */
    files: jsonb('files').notNull().default([]),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('deliberation_meetings_deliberation_idx').on(t.deliberationId, t.scheduledAt), check('deliberation_meetings_state', sql`${t.state} in ('scheduled','held')`)],
);

/** The ordered agenda of a meeting; `sourceType` case, need, idea or text. */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => deliberationMeetings.id),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    sourceType: varchar('source_type', { length: 8 }).notNull(),
    sourceId: uuid('source_id'),
    /** The source's title when it was put on the agenda. */
    sourceTitle: text('source_title'),
    presenter: text('presenter').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('meeting_agenda_meeting_idx').on(t.meetingId, t.seq),
    index('meeting_agenda_source_idx').on(t.sourceType, t.sourceId),
    check('meeting_agenda_source_type', sql`${t.sourceType} in ('case','need','idea','text')`),
  ],
);

/** Who of the roll attended: one row per meeting and roll entry (a second check-in changes nothing). */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => deliberationMeetings.id),
    rollId: uuid('roll_id')
      .notNull()
      .references(() => deliberationRoll.id),
    /** qr (the roll member scanned the code) or staff (marked by staff). */
    how: varchar('how', { length: 8 }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.rollId] }), check('meeting_attendance_how', sql`${t.how} in ('qr','staff')`)],
);
