// Questionnaires (问卷, docs/PARTICIPATION.md "Questionnaires"): opinion collection and satisfaction
// surveys of an area, their ordered questions, one response per account, and the answers.
import { boolean, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** opinion (意见征集) or satisfaction (满意度测评). */
    purpose: varchar('purpose', { length: 16 }).notNull(),
    intro: text('intro').notNull().default(''),
    /** The community, village, town or grid whose residents are asked. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    /** draft → open → closed. */
    state: varchar('state', { length: 12 }).notNull().default('draft'),
    /** Anonymous: staff see no names beside the answers. */
    anonymous: boolean('anonymous').notNull().default(true),
    /** Residents of the area may see the results once it is closed. */
    publicResults: boolean('public_results').notNull().default(false),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('surveys_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')), index('surveys_state_idx').on(t.state)],
);

export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** single, multiple, rating (1–5) or text. */
    kind: varchar('kind', { length: 12 }).notNull(),
    title: text('title').notNull(),
    required: boolean('required').notNull().default(true),
    choices: jsonb('choices').$type<string[]>().notNull().default([]),
    maxPicks: integer('max_picks'),
  },
  (t) => [uniqueIndex('survey_questions_position_uq').on(t.surveyId, t.position)],
);

/**
 * One response per account per questionnaire (the unique index makes a second one impossible). Paper
 * questionnaires collected door to door (入户发放纸质问卷) and entered by staff have no account.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    userId: uuid('user_id').references(() => users.id),
    /** online (the resident's phone) or paper (entered from a paper questionnaire). */
    channel: varchar('channel', { length: 12 }).notNull().default('online'),
    /** The respondent's place (grid or finer) when answering, for break-downs. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('survey_responses_once_uq').on(t.surveyId, t.userId)],
);

export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    questionId: uuid('question_id')
      .notNull()
      .references(() => surveyQuestions.id),
    choices: jsonb('choices').$type<number[]>(),
    rating: smallint('rating'),
    text: text('text'),
  },
  (t) => [index('survey_answers_survey_idx').on(t.surveyId, t.questionId), index('survey_answers_response_idx').on(t.responseId)],
);
