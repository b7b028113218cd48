CREATE TABLE "case_deadline_marks" (
	"case_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"step" varchar(16) NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_deadline_marks_case_id_kind_due_at_pk" PRIMARY KEY("case_id","kind","due_at")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"action" varchar(32) NOT NULL,
	"from_state" varchar(16),
	"to_state" varchar(16) NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_unit" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text,
	"attachments" jsonb,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_units" (
	"case_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" varchar(8) NOT NULL,
	"status" varchar(16) NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_units_case_id_unit_id_pk" PRIMARY KEY("case_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(32) NOT NULL,
	"state" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category_code" varchar(16) NOT NULL,
	"channel" varchar(16) NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"owner_level" varchar(16) NOT NULL,
	"owner_area_code" varchar(24) NOT NULL,
	"handler_unit_id" uuid,
	"lat" double precision,
	"lng" double precision,
	"address" text,
	"reporter_user_id" uuid,
	"reporter_name" text,
	"reporter_phone_cipher" text,
	"reporter_phone_hash" char(64),
	"reporter_phone_last4" char(4),
	"public" boolean DEFAULT false NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"external_ref" varchar(64),
	"merged_into_id" uuid,
	"suspended_from" varchar(16),
	"suspended_at" timestamp with time zone,
	"pending_extension" jsonb,
	"rating" varchar(24),
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"rework_count" integer DEFAULT 0 NOT NULL,
	"answer" text,
	"accepted_at" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"handled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"step_due_at" timestamp with time zone,
	"step_warn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_types" (
	"code" varchar(16) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_code" varchar(16),
	"leaf" boolean NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"default_unit_code" varchar(64),
	"handling_level" varchar(16) DEFAULT 'village' NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"deadlines" jsonb NOT NULL,
	"verify_on_site" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid,
	"uploader_id" uuid,
	"name" text NOT NULL,
	"mime" varchar(64) NOT NULL,
	"size" integer NOT NULL,
	"sha256" char(64) NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" varchar(80) NOT NULL,
	"key" varchar(128) NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" varchar(32) NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "open311_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" char(64) NOT NULL,
	"key_hint" varchar(8) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "case_deadline_marks" ADD CONSTRAINT "case_deadline_marks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_units" ADD CONSTRAINT "case_units_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_units" ADD CONSTRAINT "case_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_handler_unit_id_units_id_fk" FOREIGN KEY ("handler_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_events_action_idx" ON "case_events" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "case_units_unit_idx" ON "case_units" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_code_idx" ON "cases" USING btree ("code");--> statement-breakpoint
CREATE INDEX "cases_area_idx" ON "cases" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "cases_owner_idx" ON "cases" USING btree ("owner_area_code","state");--> statement-breakpoint
CREATE INDEX "cases_handler_idx" ON "cases" USING btree ("handler_unit_id","state");--> statement-breakpoint
CREATE INDEX "cases_state_due_idx" ON "cases" USING btree ("state","step_due_at");--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "cases_reporter_idx" ON "cases" USING btree ("reporter_user_id");--> statement-breakpoint
CREATE INDEX "cases_category_idx" ON "cases" USING btree ("category_code");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_external_ref_idx" ON "cases" USING btree ("channel","external_ref");--> statement-breakpoint
CREATE INDEX "catalogue_parent_idx" ON "catalogue_types" USING btree ("parent_code","sort");--> statement-breakpoint
CREATE INDEX "files_case_idx" ON "files" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_keys_hash_idx" ON "open311_keys" USING btree ("key_hash");