CREATE TABLE "deliberation_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deliberation_id" uuid NOT NULL,
	"roll_id" uuid NOT NULL,
	"choice" varchar(8) NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliberation_ballots_choice" CHECK ("deliberation_ballots"."choice" in ('yes','no','abstain'))
);
--> statement-breakpoint
CREATE TABLE "deliberation_roll" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deliberation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"area_centi" bigint,
	"person_id" uuid,
	"household_id" uuid
);
--> statement-breakpoint
CREATE TABLE "deliberations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"body" varchar(32) NOT NULL,
	"form" varchar(16) NOT NULL,
	"matter" smallint,
	"state" varchar(16) NOT NULL,
	"result" jsonb,
	"created_by" uuid NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliberations_state" CHECK ("deliberations"."state" in ('open','decided')),
	CONSTRAINT "deliberations_matter" CHECK ("deliberations"."matter" is null or "deliberations"."matter" between 1 and 9)
);
--> statement-breakpoint
ALTER TABLE "deliberation_ballots" ADD CONSTRAINT "deliberation_ballots_deliberation_id_deliberations_id_fk" FOREIGN KEY ("deliberation_id") REFERENCES "public"."deliberations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_ballots" ADD CONSTRAINT "deliberation_ballots_roll_id_deliberation_roll_id_fk" FOREIGN KEY ("roll_id") REFERENCES "public"."deliberation_roll"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_ballots" ADD CONSTRAINT "deliberation_ballots_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_roll" ADD CONSTRAINT "deliberation_roll_deliberation_id_deliberations_id_fk" FOREIGN KEY ("deliberation_id") REFERENCES "public"."deliberations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_roll" ADD CONSTRAINT "deliberation_roll_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_roll" ADD CONSTRAINT "deliberation_roll_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_ballots_roll_idx" ON "deliberation_ballots" USING btree ("roll_id");--> statement-breakpoint
CREATE INDEX "deliberation_ballots_deliberation_idx" ON "deliberation_ballots" USING btree ("deliberation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_roll_seq_idx" ON "deliberation_roll" USING btree ("deliberation_id","seq");--> statement-breakpoint
CREATE INDEX "deliberation_roll_person_idx" ON "deliberation_roll" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "deliberation_roll_household_idx" ON "deliberation_roll" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "deliberations_area_idx" ON "deliberations" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "deliberations_state_idx" ON "deliberations" USING btree ("state","created_at");