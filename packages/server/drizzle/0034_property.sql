CREATE TABLE "owner_floor_areas" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"place_id" uuid NOT NULL,
	"area_centi" bigint NOT NULL,
	CONSTRAINT "owner_floor_areas_positive" CHECK ("owner_floor_areas"."area_centi" > 0)
);
--> statement-breakpoint
CREATE TABLE "owners_committees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"place_id" uuid NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"members" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "property_bill_offsets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bill_id" uuid NOT NULL,
	"redemption_id" uuid NOT NULL,
	"fen" integer NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "property_bills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"period" varchar(7) NOT NULL,
	"amount_fen" integer NOT NULL,
	"offset_fen" integer DEFAULT 0 NOT NULL,
	"paid_fen" integer DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "property_bills_amounts" CHECK ("property_bills"."amount_fen" > 0 and "property_bills"."offset_fen" >= 0 and "property_bills"."paid_fen" >= 0 and "property_bills"."offset_fen" + "property_bills"."paid_fen" <= "property_bills"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "property_companies" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "property_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"households" integer NOT NULL,
	"fee_fen_per_m2" integer NOT NULL,
	"service_standard" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "property_contracts_numbers" CHECK ("property_contracts"."households" > 0 and "property_contracts"."fee_fen_per_m2" >= 0 and "property_contracts"."ends_on" >= "property_contracts"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "property_coverage" (
	"place_id" uuid PRIMARY KEY NOT NULL,
	"mode" varchar(16) NOT NULL,
	"unit_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "property_coverage_mode" CHECK ("property_coverage"."mode" in ('community','red-property','self-managed'))
);
--> statement-breakpoint
CREATE TABLE "property_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"month" varchar(7) NOT NULL,
	"score" smallint NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "property_evaluations_score" CHECK ("property_evaluations"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "property_gradings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"score_centi" integer,
	"proposed_grade" varchar(2) NOT NULL,
	"grade" varchar(2),
	"reason" text,
	"state" varchar(16) NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "property_gradings_state" CHECK ("property_gradings"."state" in ('proposed','confirmed')),
	CONSTRAINT "property_gradings_grades" CHECK ("property_gradings"."proposed_grade" in ('3A','2A','A','B','C','D') and ("property_gradings"."grade" is null or "property_gradings"."grade" in ('3A','2A','A','B','C','D')))
);
--> statement-breakpoint
CREATE TABLE "property_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"results" jsonb NOT NULL,
	"score_centi" integer NOT NULL,
	"photo_ids" uuid[] NOT NULL,
	"note" text,
	"inspected_by" uuid NOT NULL,
	"inspected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "property_sanctions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"points" smallint NOT NULL,
	"reason" text NOT NULL,
	"month" varchar(7) NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "property_sanctions_kind" CHECK ("property_sanctions"."kind" in ('penalty','commendation')),
	CONSTRAINT "property_sanctions_points" CHECK ("property_sanctions"."points" between 1 and 20)
);
--> statement-breakpoint
ALTER TABLE "owner_floor_areas" ADD CONSTRAINT "owner_floor_areas_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_floor_areas" ADD CONSTRAINT "owner_floor_areas_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owners_committees" ADD CONSTRAINT "owners_committees_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_bill_offsets" ADD CONSTRAINT "property_bill_offsets_bill_id_property_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."property_bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_bill_offsets" ADD CONSTRAINT "property_bill_offsets_redemption_id_points_redemptions_id_fk" FOREIGN KEY ("redemption_id") REFERENCES "public"."points_redemptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_bill_offsets" ADD CONSTRAINT "property_bill_offsets_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_bills" ADD CONSTRAINT "property_bills_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_bills" ADD CONSTRAINT "property_bills_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_companies" ADD CONSTRAINT "property_companies_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_companies" ADD CONSTRAINT "property_companies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_contracts" ADD CONSTRAINT "property_contracts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_contracts" ADD CONSTRAINT "property_contracts_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_coverage" ADD CONSTRAINT "property_coverage_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_coverage" ADD CONSTRAINT "property_coverage_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_evaluations" ADD CONSTRAINT "property_evaluations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_evaluations" ADD CONSTRAINT "property_evaluations_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_evaluations" ADD CONSTRAINT "property_evaluations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_gradings" ADD CONSTRAINT "property_gradings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_gradings" ADD CONSTRAINT "property_gradings_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_inspections" ADD CONSTRAINT "property_inspections_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_inspections" ADD CONSTRAINT "property_inspections_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_inspections" ADD CONSTRAINT "property_inspections_inspected_by_users_id_fk" FOREIGN KEY ("inspected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_sanctions" ADD CONSTRAINT "property_sanctions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_sanctions" ADD CONSTRAINT "property_sanctions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "owner_floor_areas_place_idx" ON "owner_floor_areas" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "owners_committees_place_idx" ON "owners_committees" USING btree ("place_id","term_end");--> statement-breakpoint
CREATE UNIQUE INDEX "property_bill_offsets_redemption_idx" ON "property_bill_offsets" USING btree ("redemption_id");--> statement-breakpoint
CREATE INDEX "property_bill_offsets_bill_idx" ON "property_bill_offsets" USING btree ("bill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "property_bills_household_period_idx" ON "property_bills" USING btree ("unit_id","household_id","period");--> statement-breakpoint
CREATE INDEX "property_bills_unit_idx" ON "property_bills" USING btree ("unit_id","period");--> statement-breakpoint
CREATE INDEX "property_bills_household_idx" ON "property_bills" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "property_companies_org_idx" ON "property_companies" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "property_contracts_unit_idx" ON "property_contracts" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "property_contracts_place_idx" ON "property_contracts" USING btree ("place_id");--> statement-breakpoint
CREATE UNIQUE INDEX "property_evaluations_place_month_idx" ON "property_evaluations" USING btree ("place_id","month");--> statement-breakpoint
CREATE INDEX "property_evaluations_unit_idx" ON "property_evaluations" USING btree ("unit_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "property_gradings_unit_year_idx" ON "property_gradings" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "property_inspections_unit_idx" ON "property_inspections" USING btree ("unit_id","inspected_at");--> statement-breakpoint
CREATE INDEX "property_inspections_area_idx" ON "property_inspections" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "property_sanctions_unit_idx" ON "property_sanctions" USING btree ("unit_id","month");