// ---- 红心物业: property companies, compounds, credit grading, fee offset (docs/PROPERTY.md) -----------------------
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { deliberations, households, organisations, places, pointsRedemptions, units, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * A property company: the dispatch unit (units.type = 'property', which receives cases and offers the fee-offset
 * points item) joined to its record in the registry (organisations.kind = 'property-company', which compounds name).
 */
export const propertyCompanies = pgTable(
  'property_companies',
  {
    unitId: uuid('unit_id')
      .primaryKey()
      .references(() => units.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('property_companies_org_idx').on(t.organisationId)],
);

/** A service contract of a company for a compound: the households served, the fee standard and the service standard. */
export const propertyContracts = pgTable(
  'property_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id),
    households: integer('households').notNull(),
    /** Monthly fee in fen per m² of floor area. */
    feeFenPerM2: integer('fee_fen_per_m2').notNull(),
    serviceStandard: text('service_standard').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('property_contracts_unit_idx').on(t.unitId),
    index('property_contracts_place_idx').on(t.placeId),
    check('property_contracts_numbers', sql`${t.households} > 0 and ${t.feeFenPerM2} >= 0 and ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** The owners' committee of a compound (业主委员会): its term and members. */
export const ownersCommittees = pgTable(
  'owners_committees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    /** [{name, post}] — 主任, 副主任, 委员. */
    members: jsonb('members').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('owners_committees_place_idx').on(t.placeId, t.termEnd)],
);

/** How a compound without property management (无物业小区) is covered (`002`). */
export const propertyCoverage = pgTable(
  'property_coverage',
  {
    placeId: uuid('place_id')
      .primaryKey()
      .references(() => places.id),
    mode: varchar('mode', { length: 16 }).notNull(),
    /** The party-led company that took it over (红心物业兜底), when that is the mode. */
    unitId: uuid('unit_id').references(() => units.id),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [check('property_coverage_mode', sql`${t.mode} in ('community','red-property','self-managed')`)],
);

/** An owner's exclusive floor area (专有部分面积) in a compound, for the owners' assembly (Civil Code art. 278). */
export const ownerFloorAreas = pgTable(
  'owner_floor_areas',
  {
    householdId: uuid('household_id')
      .primaryKey()
      .references(() => households.id),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id),
    /** Hundredths of a m² (exact, as the deliberation rule counts it). */
    areaCenti: bigint('area_centi', { mode: 'bigint' }).notNull(),
  },
  (t) => [index('owner_floor_areas_place_idx').on(t.placeId), check('owner_floor_areas_positive', sql`${t.areaCenti} > 0`)],
);

/** A community inspection of a compound (checklist on the phone, with photos). */
export const propertyInspections = pgTable(
  'property_inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    /** {item: passed} for every checklist item. */
    results: jsonb('results').notNull(),
    /** Score 0–100 in hundredths (8333 = 83.33). */
    scoreCenti: integer('score_centi').notNull(),
    photoIds: uuid('photo_ids').array().notNull(),
    note: text('note'),
    inspectedBy: uuid('inspected_by')
      .notNull()
      .references(() => users.id),
    inspectedAt: timestamp('inspected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('property_inspections_unit_idx').on(t.unitId, t.inspectedAt), index('property_inspections_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops'))],
);

/** The owners' committee's monthly evaluation of the company serving its compound (0–100). */
export const propertyEvaluations = pgTable(
  'property_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id),
    month: varchar('month', { length: 7 }).notNull(),
    score: smallint('score').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('property_evaluations_place_month_idx').on(t.placeId, t.month), index('property_evaluations_unit_idx').on(t.unitId, t.month), check('property_evaluations_score', sql`${t.score} between 0 and 100`)],
);

/** Penalties and commendations recorded by the housing department (住建), in score points for the month. */
export const propertySanctions = pgTable(
  'property_sanctions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: varchar('kind', { length: 16 }).notNull(),
    points: smallint('points').notNull(),
    reason: text('reason').notNull(),
    month: varchar('month', { length: 7 }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('property_sanctions_unit_idx').on(t.unitId, t.month), check('property_sanctions_kind', sql`${t.kind} in ('penalty','commendation')`), check('property_sanctions_points', sql`${t.points} between 1 and 20`)],
);

/** The yearly grade: proposed from the scores, confirmed (or overridden with a reason) by the housing department. */
export const propertyGradings = pgTable(
  'property_gradings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: smallint('year').notNull(),
    /** The yearly score in hundredths, null without any evidence (proposed D). */
    scoreCenti: integer('score_centi'),
    proposedGrade: varchar('proposed_grade', { length: 2 }).notNull(),
    grade: varchar('grade', { length: 2 }),
    reason: text('reason'),
    state: varchar('state', { length: 16 }).notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('property_gradings_unit_year_idx').on(t.unitId, t.year),
    check('property_gradings_state', sql`${t.state} in ('proposed','confirmed')`),
    check('property_gradings_grades', sql`${t.proposedGrade} in ('3A','2A','A','B','C','D') and (${t.grade} is null or ${t.grade} in ('3A','2A','A','B','C','D'))`),
  ],
);

/** A household's property fee bill for a period (month), with points offsets and payments (fen). */
export const propertyBills = pgTable(
  'property_bills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    period: varchar('period', { length: 7 }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    offsetFen: integer('offset_fen').notNull().default(0),
    paidFen: integer('paid_fen').notNull().default(0),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('property_bills_household_period_idx').on(t.unitId, t.householdId, t.period),
    index('property_bills_unit_idx').on(t.unitId, t.period),
    index('property_bills_household_idx').on(t.householdId),
    check('property_bills_amounts', sql`${t.amountFen} > 0 and ${t.offsetFen} >= 0 and ${t.paidFen} >= 0 and ${t.offsetFen} + ${t.paidFen} <= ${t.amountFen}`),
  ],
);

/** A points redemption (item kind property-fee) applied to a bill by the company; one bill per redemption. */
export const propertyBillOffsets = pgTable(
  'property_bill_offsets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    billId: uuid('bill_id')
      .notNull()
      .references(() => propertyBills.id),
    redemptionId: uuid('redemption_id')
      .notNull()
      .references(() => pointsRedemptions.id),
    fen: integer('fen').notNull(),
    confirmedBy: uuid('confirmed_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('property_bill_offsets_redemption_idx').on(t.redemptionId), index('property_bill_offsets_bill_idx').on(t.billId)],
);

/**
 * A four-party joint meeting (四位一体联席会议: the grid's party branch, the police office, the owners' committee and the
 * company) of a compound, held at least quarterly (`003`); it may be linked to the consultation (deliberation) in
 * which it was held. The compound's cadence is read from these records, not from titles of deliberations.
 */
export const propertyJointMeetings = pgTable(
  'property_joint_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** Who took part (names or posts), as recorded. */
    attendees: text('attendees').notNull(),
    topics: text('topics').notNull(),
    deliberationId: uuid('deliberation_id').references(() => deliberations.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('property_joint_meetings_place_idx').on(t.placeId, t.heldOn), index('property_joint_meetings_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops'))],
);
