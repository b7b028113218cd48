CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"contact_name" text,
	"phone_cipher" text,
	"phone_hash" char(64),
	"phone_last4" char(4),
	"credit_code" varchar(18),
	"whitelisted" boolean DEFAULT false NOT NULL,
	"address" text,
	"lat" double precision,
	"lng" double precision,
	"note" text,
	"key" varchar(64),
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_kind" CHECK ("organisations"."kind" in ('social-org','property-company','owners-committee','merchant','volunteer-team','enterprise'))
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"outline" jsonb,
	"address" text,
	"property_org_id" uuid,
	"note" text,
	"key" varchar(64),
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_appointments" DROP CONSTRAINT "staff_appointments_post";--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_property_org_id_organisations_id_fk" FOREIGN KEY ("property_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_area_idx" ON "organisations" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_key_idx" ON "organisations" USING btree ("key");--> statement-breakpoint
CREATE INDEX "places_area_idx" ON "places" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "places_kind_idx" ON "places" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "places_property_idx" ON "places" USING btree ("property_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "places_key_idx" ON "places" USING btree ("key");--> statement-breakpoint
ALTER TABLE "staff_appointments" ADD CONSTRAINT "staff_appointments_post" CHECK ("staff_appointments"."post" in ('grid-leader','grid-worker','grid-worker-part','info-worker','building-leader','unit-leader','sunk-cadre','community-worker'));