CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(24) NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"place" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer,
	"audience" varchar(16) NOT NULL,
	"points_mode" varchar(16) NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"rule_code" varchar(64),
	"basis" text DEFAULT '' NOT NULL,
	"service_team_id" uuid,
	"volunteer_team_id" uuid,
	"organiser_id" uuid NOT NULL,
	"state" varchar(16) DEFAULT 'published' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_state" CHECK ("activities"."state" in ('published','confirmed','cancelled')),
	CONSTRAINT "activities_points_mode" CHECK ("activities"."points_mode" in ('per-hour','per-attendance','none')),
	CONSTRAINT "activities_time" CHECK ("activities"."ends_at" > "activities"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "activity_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"state" varchar(16) DEFAULT 'signed-up' NOT NULL,
	"signed_up_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"check_in_at" timestamp with time zone,
	"check_in_lat" double precision,
	"check_in_lng" double precision,
	"check_out_at" timestamp with time zone,
	"check_out_lat" double precision,
	"check_out_lng" double precision,
	"mark" varchar(8),
	"marked_by" uuid,
	"outcome" varchar(8),
	"minutes" integer,
	"points" integer,
	"award_id" uuid,
	"points_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_attendance_state" CHECK ("activity_attendance"."state" in ('signed-up','cancelled')),
	CONSTRAINT "activity_attendance_mark" CHECK ("activity_attendance"."mark" is null or "activity_attendance"."mark" in ('present','absent')),
	CONSTRAINT "activity_attendance_outcome" CHECK ("activity_attendance"."outcome" is null or "activity_attendance"."outcome" in ('present','absent'))
);
--> statement-breakpoint
CREATE TABLE "volunteer_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(16) NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"figures" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"team_id" uuid,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"availability" text DEFAULT '' NOT NULL,
	"commendations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evaluation" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_service_team_id_service_teams_id_fk" FOREIGN KEY ("service_team_id") REFERENCES "public"."service_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_volunteer_team_id_volunteer_teams_id_fk" FOREIGN KEY ("volunteer_team_id") REFERENCES "public"."volunteer_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_organiser_id_users_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_attendance" ADD CONSTRAINT "activity_attendance_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_attendance" ADD CONSTRAINT "activity_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_attendance" ADD CONSTRAINT "activity_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_attendance" ADD CONSTRAINT "activity_attendance_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_certificates" ADD CONSTRAINT "volunteer_certificates_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_team_id_volunteer_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."volunteer_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_area_idx" ON "activities" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "activities_starts_idx" ON "activities" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_attendance_uq" ON "activity_attendance" USING btree ("activity_id","user_id");--> statement-breakpoint
CREATE INDEX "activity_attendance_user_idx" ON "activity_attendance" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_certificates_code_uq" ON "volunteer_certificates" USING btree ("code");--> statement-breakpoint
CREATE INDEX "volunteer_certificates_volunteer_idx" ON "volunteer_certificates" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_teams_area_idx" ON "volunteer_teams" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_teams_area_name_uq" ON "volunteer_teams" USING btree ("area_code","name");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_user_uq" ON "volunteers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "volunteers_area_idx" ON "volunteers" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "volunteers_team_idx" ON "volunteers" USING btree ("team_id");