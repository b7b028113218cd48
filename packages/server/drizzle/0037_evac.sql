CREATE TABLE "evacuation_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evacuation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"household_id" uuid,
	"area_code" varchar(24) NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"risk_colour" varchar(8),
	"destination_place_id" uuid,
	"destination_text" text,
	"responsible_id" uuid,
	"responsible_name" text,
	"state" varchar(16) DEFAULT 'pending' NOT NULL,
	"refused_reason" text,
	"arrived_at" timestamp with time zone,
	"arrived_by_name" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evacuation_entries_state" CHECK ("evacuation_entries"."state" in ('pending','moving','arrived','refused','returned'))
);
--> statement-breakpoint
CREATE TABLE "evacuation_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"action" varchar(16) NOT NULL,
	"from_state" varchar(16),
	"to_state" varchar(16),
	"note" text,
	"actor_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evacuations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"emergency_id" text,
	"colours" text[] DEFAULT '{}'::text[] NOT NULL,
	"with_needs_help" boolean DEFAULT true NOT NULL,
	"state" varchar(16) DEFAULT 'open' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "evacuations_state" CHECK ("evacuations"."state" in ('open','closed'))
);
--> statement-breakpoint
ALTER TABLE "evacuation_entries" ADD CONSTRAINT "evacuation_entries_evacuation_id_evacuations_id_fk" FOREIGN KEY ("evacuation_id") REFERENCES "public"."evacuations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_entries" ADD CONSTRAINT "evacuation_entries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_entries" ADD CONSTRAINT "evacuation_entries_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_entries" ADD CONSTRAINT "evacuation_entries_destination_place_id_places_id_fk" FOREIGN KEY ("destination_place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_entries" ADD CONSTRAINT "evacuation_entries_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_events" ADD CONSTRAINT "evacuation_events_entry_id_evacuation_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."evacuation_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evacuation_entries_person_uq" ON "evacuation_entries" USING btree ("evacuation_id","person_id");--> statement-breakpoint
CREATE INDEX "evacuation_entries_area_idx" ON "evacuation_entries" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "evacuation_entries_responsible_idx" ON "evacuation_entries" USING btree ("responsible_id","state");--> statement-breakpoint
CREATE INDEX "evacuation_events_entry_idx" ON "evacuation_events" USING btree ("entry_id","created_at");--> statement-breakpoint
CREATE INDEX "evacuations_area_idx" ON "evacuations" USING btree ("area_code" varchar_pattern_ops);