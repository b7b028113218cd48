CREATE TABLE "cadre_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"unit_id" uuid,
	"day" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "cadre_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"kind" varchar(24) DEFAULT 'sunk-down' NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cadre_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"unit_id" uuid,
	"title" text NOT NULL,
	"detail" text,
	"due_on" date,
	"state" varchar(16) DEFAULT 'open' NOT NULL,
	"assigned_by" uuid,
	"completed_at" timestamp with time zone,
	"completion_note" text,
	"photo_file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"kind" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"address" text,
	"hours" text,
	"services" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact_name" text,
	"contact_phone" varchar(24),
	"place_id" uuid,
	"key" varchar(64),
	"retired_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"category" varchar(24) NOT NULL,
	"roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"workplace" text,
	"expertise" text,
	"phone_cipher" text,
	"phone_last4" varchar(4),
	"consent_at" timestamp with time zone,
	"consent_withdrawn_at" timestamp with time zone,
	"consent_note" text,
	"key" varchar(64),
	"retired_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cadre_checkins" ADD CONSTRAINT "cadre_checkins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_checkins" ADD CONSTRAINT "cadre_checkins_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_profiles" ADD CONSTRAINT "cadre_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_profiles" ADD CONSTRAINT "cadre_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_tasks" ADD CONSTRAINT "cadre_tasks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_tasks" ADD CONSTRAINT "cadre_tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_tasks" ADD CONSTRAINT "cadre_tasks_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_tasks" ADD CONSTRAINT "cadre_tasks_photo_file_id_files_id_fk" FOREIGN KEY ("photo_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_points" ADD CONSTRAINT "service_points_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_points" ADD CONSTRAINT "service_points_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_checkins_day_idx" ON "cadre_checkins" USING btree ("user_id","day");--> statement-breakpoint
CREATE INDEX "cadre_checkins_area_idx" ON "cadre_checkins" USING btree ("area_code" varchar_pattern_ops,"day");--> statement-breakpoint
CREATE INDEX "cadre_tasks_user_idx" ON "cadre_tasks" USING btree ("user_id","state");--> statement-breakpoint
CREATE INDEX "cadre_tasks_area_idx" ON "cadre_tasks" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "service_points_area_idx" ON "service_points" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "service_points_key_idx" ON "service_points" USING btree ("key");--> statement-breakpoint
CREATE INDEX "talents_area_idx" ON "talents" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "talents_key_idx" ON "talents" USING btree ("key");--> statement-breakpoint
-- Check-ins are posted by the system from the check-in itself (docs/SERVICE-POINTS.md): the rule is automatic.
UPDATE "points_rules" SET "auto" = true, "proposer_roles" = '{}' WHERE "code" = 'cadre-checkin';
