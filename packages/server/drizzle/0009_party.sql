CREATE TABLE "party_compounds" (
	"area_code" varchar(24) PRIMARY KEY NOT NULL,
	"has_property" boolean DEFAULT false NOT NULL,
	"fenced" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"local_org_id" uuid,
	"registration_state" varchar(16),
	"backbone" boolean DEFAULT false NOT NULL,
	"central_household" boolean DEFAULT false NOT NULL,
	"joined_on" date,
	"post_code" varchar(40),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_members_kind" CHECK ("party_members"."kind" in ('direct','in-service','mobile')),
	CONSTRAINT "party_members_registration_state" CHECK ("party_members"."registration_state" is null or "party_members"."registration_state" in ('applied','accepted','rejected'))
);
--> statement-breakpoint
CREATE TABLE "party_orgs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(40) NOT NULL,
	"name" text NOT NULL,
	"kind" varchar(24) NOT NULL,
	"parent_id" uuid,
	"area_code" varchar(24) NOT NULL,
	"secretary_name" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_orgs_kind" CHECK ("party_orgs"."kind" in ('town-committee','village-org','grid-branch','building-group','functional-branch','joint-branch','compound-branch'))
);
--> statement-breakpoint
CREATE TABLE "party_posts" (
	"code" varchar(40) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"area_code" varchar(24),
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"state" varchar(16) NOT NULL,
	"applied_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_registrations_state" CHECK ("party_registrations"."state" in ('applied','accepted','rejected'))
);
--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_local_org_id_party_orgs_id_fk" FOREIGN KEY ("local_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_post_code_party_posts_code_fk" FOREIGN KEY ("post_code") REFERENCES "public"."party_posts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_parent_id_party_orgs_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_registrations" ADD CONSTRAINT "party_registrations_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_registrations" ADD CONSTRAINT "party_registrations_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_registrations" ADD CONSTRAINT "party_registrations_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_registrations" ADD CONSTRAINT "party_registrations_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "party_members_person_idx" ON "party_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "party_members_org_idx" ON "party_members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "party_members_local_org_idx" ON "party_members" USING btree ("local_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_orgs_code_idx" ON "party_orgs" USING btree ("code");--> statement-breakpoint
CREATE INDEX "party_orgs_parent_idx" ON "party_orgs" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "party_orgs_area_idx" ON "party_orgs" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "party_posts_area_idx" ON "party_posts" USING btree ("area_code");--> statement-breakpoint
CREATE INDEX "party_registrations_member_idx" ON "party_registrations" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "party_registrations_org_idx" ON "party_registrations" USING btree ("org_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "party_registrations_one_open_idx" ON "party_registrations" USING btree ("member_id") WHERE "party_registrations"."state" = 'applied';