CREATE TABLE "burden_form_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"period" varchar(7) NOT NULL,
	"values" jsonb NOT NULL,
	"prefilled" integer DEFAULT 0 NOT NULL,
	"reused" integer DEFAULT 0 NOT NULL,
	"typed" integer DEFAULT 0 NOT NULL,
	"state" varchar(16) DEFAULT 'pending' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "burden_returns_state" CHECK ("burden_form_returns"."state" in ('pending','submitted'))
);
--> statement-breakpoint
CREATE TABLE "burden_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"title" text NOT NULL,
	"period" varchar(7) NOT NULL,
	"fields" jsonb NOT NULL,
	"area_codes" text[] NOT NULL,
	"due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "burden_list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"keywords" text[] NOT NULL,
	"source" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "burden_list_kind" CHECK ("burden_list_entries"."kind" in ('admission','negative'))
);
--> statement-breakpoint
CREATE TABLE "burden_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"legal_basis" text NOT NULL,
	"support" text,
	"workload_hours" numeric(6, 1) NOT NULL,
	"working_days" integer NOT NULL,
	"area_codes" text[] NOT NULL,
	"state" varchar(16) NOT NULL,
	"check" jsonb NOT NULL,
	"verdict" varchar(16) NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "burden_requests_state" CHECK ("burden_requests"."state" in ('submitted','returned','admitted','refused','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "burden_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid,
	"area_code" varchar(24) NOT NULL,
	"unit_id" uuid,
	"title" text NOT NULL,
	"admitted" boolean NOT NULL,
	"channel" text,
	"note" text,
	"due_at" timestamp with time zone,
	"state" varchar(16) DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "burden_tasks_state" CHECK ("burden_tasks"."state" in ('open','done'))
);
--> statement-breakpoint
ALTER TABLE "burden_form_returns" ADD CONSTRAINT "burden_form_returns_form_id_burden_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."burden_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "burden_form_returns" ADD CONSTRAINT "burden_form_returns_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "burden_forms" ADD CONSTRAINT "burden_forms_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "burden_forms" ADD CONSTRAINT "burden_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "burden_list_entries" ADD CONSTRAINT "burden_list_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "burden_list_entries" ADD CONSTRAINT "burden_list_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "burden_requests" ADD CONSTRAINT "burden_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "burden_requests" ADD CONSTRAINT "burden_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "burden_requests" ADD CONSTRAINT "burden_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "burden_tasks" ADD CONSTRAINT "burden_tasks_request_id_burden_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."burden_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "burden_tasks" ADD CONSTRAINT "burden_tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "burden_tasks" ADD CONSTRAINT "burden_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "burden_returns_form_area_uq" ON "burden_form_returns" USING btree ("form_id","area_code");--> statement-breakpoint
CREATE INDEX "burden_returns_area_idx" ON "burden_form_returns" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "burden_forms_unit_idx" ON "burden_forms" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "burden_list_kind_idx" ON "burden_list_entries" USING btree ("kind","active");--> statement-breakpoint
CREATE INDEX "burden_requests_unit_idx" ON "burden_requests" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "burden_requests_state_idx" ON "burden_requests" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "burden_tasks_area_idx" ON "burden_tasks" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "burden_tasks_unit_idx" ON "burden_tasks" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "burden_tasks_request_area_uq" ON "burden_tasks" USING btree ("request_id","area_code");