CREATE TABLE "emergency_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"kind" varchar(16) NOT NULL,
	"grid_code" varchar(24) NOT NULL,
	"post" text,
	"lat" double precision,
	"lng" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(16) NOT NULL,
	"level" varchar(4) NOT NULL,
	"reason" text NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"state" varchar(8) DEFAULT 'active' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_by" uuid NOT NULL,
	"started_by_name" text NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_name" text,
	"summary" text,
	CONSTRAINT "emergency_events_state" CHECK ("emergency_events"."state" in ('active','ended'))
);
--> statement-breakpoint
CREATE TABLE "emergency_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"action" varchar(24) NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"name" text NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"leader_name" text,
	"members" text[] DEFAULT '{}'::text[] NOT NULL,
	"party_org_id" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emergency_units_kind" CHECK ("emergency_units"."kind" in ('temp-branch','commando'))
);
--> statement-breakpoint
ALTER TABLE "emergency_check_ins" ADD CONSTRAINT "emergency_check_ins_event_id_emergency_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."emergency_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_check_ins" ADD CONSTRAINT "emergency_check_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_log" ADD CONSTRAINT "emergency_log_event_id_emergency_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."emergency_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_units" ADD CONSTRAINT "emergency_units_event_id_emergency_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."emergency_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_units" ADD CONSTRAINT "emergency_units_party_org_id_party_orgs_id_fk" FOREIGN KEY ("party_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_check_ins_event_idx" ON "emergency_check_ins" USING btree ("event_id","grid_code");--> statement-breakpoint
CREATE INDEX "emergency_events_area_idx" ON "emergency_events" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "emergency_events_state_idx" ON "emergency_events" USING btree ("state");--> statement-breakpoint
CREATE INDEX "emergency_log_event_idx" ON "emergency_log" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "emergency_units_event_idx" ON "emergency_units" USING btree ("event_id");