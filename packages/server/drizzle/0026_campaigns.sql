CREATE TABLE "campaign_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"household_id" uuid NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"result" varchar(16) NOT NULL,
	"risk_colour" varchar(8),
	"note" text,
	"actor_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" varchar(16) NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"state" varchar(16) DEFAULT 'active' NOT NULL,
	"round" smallint DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_name" text
);
--> statement-breakpoint
CREATE TABLE "household_risk_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"from_colour" varchar(8),
	"to_colour" varchar(8) NOT NULL,
	"reason" text NOT NULL,
	"campaign_id" uuid,
	"actor_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "households" ALTER COLUMN "risk_colour" SET DEFAULT 'blue';--> statement-breakpoint
ALTER TABLE "campaign_visits" ADD CONSTRAINT "campaign_visits_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_visits" ADD CONSTRAINT "campaign_visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_risk_changes" ADD CONSTRAINT "household_risk_changes_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_visits_campaign_idx" ON "campaign_visits" USING btree ("campaign_id","household_id");--> statement-breakpoint
CREATE INDEX "campaigns_area_idx" ON "campaigns" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "household_risk_changes_household_idx" ON "household_risk_changes" USING btree ("household_id","created_at");--> statement-breakpoint
-- 四色分级 is red, orange, yellow, blue: the lowest class was stored as green before.
UPDATE "households" SET "risk_colour" = 'blue' WHERE "risk_colour" = 'green';
