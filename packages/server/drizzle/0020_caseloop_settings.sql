CREATE TABLE "calendar_overrides" (
	"date" date PRIMARY KEY NOT NULL,
	"working" boolean NOT NULL,
	"name" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
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
ALTER TABLE "unit_office_hours" ADD CONSTRAINT "unit_office_hours_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;