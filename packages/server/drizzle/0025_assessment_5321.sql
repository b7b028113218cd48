CREATE TABLE "case_assessments" (
	"case_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"timeliness" varchar(12) NOT NULL,
	"quality" varchar(12) NOT NULL,
	"attitude" varchar(12) NOT NULL,
	"score" double precision NOT NULL,
	"comment" text,
	"assessed_by" uuid NOT NULL,
	"assessed_by_name" text NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	"revisions" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "case_assessments_case_id_unit_id_pk" PRIMARY KEY("case_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "response_5321" jsonb;--> statement-breakpoint
ALTER TABLE "catalogue_types" ADD COLUMN "rule_5321" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_assessments_unit_idx" ON "case_assessments" USING btree ("unit_id");--> statement-breakpoint
-- 5321 (`002`): the seeded property types that follow it, in databases seeded before the flag existed.
UPDATE "catalogue_types" SET "rule_5321" = true WHERE "code" IN ('G0801', 'G0802', 'G0803', 'G0805');
