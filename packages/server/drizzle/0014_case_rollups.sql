CREATE TABLE "case_measure_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"day" date NOT NULL,
	"category_code" varchar(16) NOT NULL,
	"channel" varchar(16) NOT NULL,
	"unit" varchar(36) DEFAULT '' NOT NULL,
	"due_day" date,
	"received" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"due_closed" integer DEFAULT 0 NOT NULL,
	"closed_on_time" integer DEFAULT 0 NOT NULL,
	"handled" integer DEFAULT 0 NOT NULL,
	"reworked" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"basically_satisfied" integer DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"due_open" integer DEFAULT 0 NOT NULL,
	"handling_ms" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_measure_due" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"day" date NOT NULL,
	"category_code" varchar(16) NOT NULL,
	"channel" varchar(16) NOT NULL,
	"unit" varchar(36) DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_rollup_due" (
	"alevel" smallint NOT NULL,
	"dim" char(1) NOT NULL,
	"grain" char(1) NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"period" date NOT NULL,
	"dim_value" varchar(36) NOT NULL,
	"due_day" date NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_rollup_due_alevel_dim_grain_area_code_period_dim_value_due_day_pk" PRIMARY KEY("alevel","dim","grain","area_code","period","dim_value","due_day")
);
--> statement-breakpoint
CREATE TABLE "case_rollups" (
	"alevel" smallint NOT NULL,
	"dim" char(1) NOT NULL,
	"grain" char(1) NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"period" date NOT NULL,
	"dim_value" varchar(36) NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"due_closed" integer DEFAULT 0 NOT NULL,
	"closed_on_time" integer DEFAULT 0 NOT NULL,
	"handled" integer DEFAULT 0 NOT NULL,
	"reworked" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"basically_satisfied" integer DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"due_open" integer DEFAULT 0 NOT NULL,
	"handling_ms" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "case_rollups_alevel_dim_grain_area_code_period_dim_value_pk" PRIMARY KEY("alevel","dim","grain","area_code","period","dim_value")
);
--> statement-breakpoint
ALTER TABLE "case_measure_due" ADD CONSTRAINT "case_measure_due_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_measure_due_at_idx" ON "case_measure_due" USING btree ("due_at");