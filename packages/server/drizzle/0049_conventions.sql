CREATE TABLE "convention_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"convention_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"title" text NOT NULL,
	"articles" jsonb NOT NULL,
	"points_rule_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"state" varchar(16) NOT NULL,
	"deliberation_id" uuid,
	"adopted_on" date,
	"paper_note" text,
	"drafted_by" uuid,
	"adopted_by" uuid,
	"adopted_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "convention_versions_state" CHECK ("convention_versions"."state" in ('draft','adopted','superseded')),
	CONSTRAINT "convention_versions_adopted" CHECK ("convention_versions"."state" = 'draft' or "convention_versions"."adopted_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "conventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conventions_kind" CHECK ("conventions"."kind" in ('village','community'))
);
--> statement-breakpoint
ALTER TABLE "convention_versions" ADD CONSTRAINT "convention_versions_convention_id_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."conventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convention_versions" ADD CONSTRAINT "convention_versions_deliberation_id_deliberations_id_fk" FOREIGN KEY ("deliberation_id") REFERENCES "public"."deliberations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convention_versions" ADD CONSTRAINT "convention_versions_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convention_versions" ADD CONSTRAINT "convention_versions_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conventions" ADD CONSTRAINT "conventions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "convention_versions_no_idx" ON "convention_versions" USING btree ("convention_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "convention_versions_one_draft_idx" ON "convention_versions" USING btree ("convention_id") WHERE "convention_versions"."state" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "convention_versions_one_adopted_idx" ON "convention_versions" USING btree ("convention_id") WHERE "convention_versions"."state" = 'adopted';--> statement-breakpoint
CREATE INDEX "convention_versions_deliberation_idx" ON "convention_versions" USING btree ("deliberation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conventions_area_idx" ON "conventions" USING btree ("area_code");--> statement-breakpoint
CREATE INDEX "conventions_area_prefix_idx" ON "conventions" USING btree ("area_code" varchar_pattern_ops);