CREATE TABLE "calendar_overrides" (
	"date" date PRIMARY KEY NOT NULL,
	"working" boolean NOT NULL,
	"name" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text,
	"unit_ids" uuid[] NOT NULL,
	"participants" text NOT NULL,
	"minutes" text NOT NULL,
	"decisions" text NOT NULL,
	"attachments" jsonb,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_office_hours" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"periods" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalogue_types" ADD COLUMN "round_the_clock" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogue_types" ADD COLUMN "overdue_chain" jsonb;--> statement-breakpoint
ALTER TABLE "case_meetings" ADD CONSTRAINT "case_meetings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_office_hours" ADD CONSTRAINT "unit_office_hours_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_meetings_case_idx" ON "case_meetings" USING btree ("case_id","held_at");