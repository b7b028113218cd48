CREATE TABLE "app_meta" (
	"key" varchar(64) PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"code" varchar(24) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" varchar(16) NOT NULL,
	"parent_code" varchar(24),
	"sort" integer DEFAULT 0 NOT NULL,
	"grid_type" varchar(16),
	"planned_households" integer,
	"geometry" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_username" text,
	"action" varchar(64) NOT NULL,
	"entity_type" varchar(32),
	"entity_id" text,
	"area_code" varchar(24),
	"outcome" varchar(16) DEFAULT 'ok' NOT NULL,
	"ip" text,
	"user_agent" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" varchar(64) NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"address" text NOT NULL,
	"doorplate" text NOT NULL,
	"risk_colour" varchar(8) DEFAULT 'green' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid,
	"area_code" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"gender" varchar(8) NOT NULL,
	"birth_date" date,
	"ethnicity" text DEFAULT '汉族' NOT NULL,
	"id_cipher" text,
	"id_hash" char(64),
	"id_last4" char(4),
	"phone_cipher" text,
	"phone_hash" char(64),
	"phone_last4" char(4),
	"relation" varchar(16) DEFAULT 'other' NOT NULL,
	"residence_type" varchar(16) DEFAULT 'registered' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"party_member" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" char(64) PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"type" varchar(32) NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"phone" text,
	"duties" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" varchar(64) NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] NOT NULL,
	"scope_code" varchar(24) NOT NULL,
	"unit_id" uuid,
	"person_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "areas_parent_idx" ON "areas" USING btree ("parent_code","sort");--> statement-breakpoint
CREATE INDEX "areas_code_prefix_idx" ON "areas" USING btree ("code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "areas_level_idx" ON "areas" USING btree ("level");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "households_key_idx" ON "households" USING btree ("key");--> statement-breakpoint
CREATE INDEX "households_area_idx" ON "households" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_area_idx" ON "people" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_household_idx" ON "people" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "people_id_hash_idx" ON "people" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "people_phone_hash_idx" ON "people" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_code_idx" ON "units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "units_area_idx" ON "units" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "units_type_idx" ON "units" USING btree ("type");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_idx" ON "users" USING btree ("username");