CREATE TABLE "party_links" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"grid_code" varchar(24) NOT NULL,
	"source" varchar(8) NOT NULL,
	"assigned_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_links_source" CHECK ("party_links"."source" in ('auto','manual'))
);
--> statement-breakpoint
CREATE TABLE "party_patrols" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"grid_code" varchar(24) NOT NULL,
	"building_code" varchar(24),
	"lat" double precision,
	"lng" double precision,
	"crs" varchar(8),
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_post_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"post_code" varchar(40),
	"org_id" uuid NOT NULL,
	"from_area_code" varchar(24) NOT NULL,
	"reason" text NOT NULL,
	"by_user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"from_org_id" uuid NOT NULL,
	"to_org_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"by_user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_visit_followups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"kind" varchar(8) NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category_code" varchar(40),
	"state" varchar(16) NOT NULL,
	"ref_id" uuid,
	"ref_code" text,
	"converted_by" uuid,
	"converted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_visit_followups_kind" CHECK ("party_visit_followups"."kind" in ('case','wish')),
	CONSTRAINT "party_visit_followups_state" CHECK ("party_visit_followups"."state" in ('open','converted'))
);
--> statement-breakpoint
CREATE TABLE "party_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"visitor_user_id" uuid NOT NULL,
	"member_id" uuid,
	"visitor_name" text NOT NULL,
	"visited_on" date NOT NULL,
	"duties" text[] NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_visits_duties" CHECK (cardinality("party_visits"."duties") > 0 and "party_visits"."duties" <@ array['policy','hardship','dispute','civility']::text[])
);
--> statement-breakpoint
ALTER TABLE "party_links" ADD CONSTRAINT "party_links_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_links" ADD CONSTRAINT "party_links_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_links" ADD CONSTRAINT "party_links_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_patrols" ADD CONSTRAINT "party_patrols_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_post_reports" ADD CONSTRAINT "party_post_reports_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_post_reports" ADD CONSTRAINT "party_post_reports_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_post_reports" ADD CONSTRAINT "party_post_reports_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_transfers" ADD CONSTRAINT "party_transfers_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_transfers" ADD CONSTRAINT "party_transfers_from_org_id_party_orgs_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_transfers" ADD CONSTRAINT "party_transfers_to_org_id_party_orgs_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_transfers" ADD CONSTRAINT "party_transfers_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_visit_followups" ADD CONSTRAINT "party_visit_followups_visit_id_party_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."party_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_visit_followups" ADD CONSTRAINT "party_visit_followups_converted_by_users_id_fk" FOREIGN KEY ("converted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_visits" ADD CONSTRAINT "party_visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_visits" ADD CONSTRAINT "party_visits_visitor_user_id_users_id_fk" FOREIGN KEY ("visitor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_visits" ADD CONSTRAINT "party_visits_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "party_links_member_idx" ON "party_links" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "party_links_grid_idx" ON "party_links" USING btree ("grid_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "party_patrols_user_idx" ON "party_patrols" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "party_patrols_grid_idx" ON "party_patrols" USING btree ("grid_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "party_post_reports_member_idx" ON "party_post_reports" USING btree ("member_id","at");--> statement-breakpoint
CREATE INDEX "party_post_reports_org_idx" ON "party_post_reports" USING btree ("org_id","at");--> statement-breakpoint
CREATE INDEX "party_transfers_member_idx" ON "party_transfers" USING btree ("member_id","at");--> statement-breakpoint
CREATE INDEX "party_visit_followups_visit_idx" ON "party_visit_followups" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "party_visits_household_idx" ON "party_visits" USING btree ("household_id","visited_on");--> statement-breakpoint
CREATE INDEX "party_visits_visitor_idx" ON "party_visits" USING btree ("visitor_user_id","visited_on");--> statement-breakpoint
CREATE INDEX "party_visits_area_idx" ON "party_visits" USING btree ("area_code" varchar_pattern_ops);