ALTER TABLE "cases" ADD COLUMN "rated_by" varchar(16);--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "verify_lat" double precision;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "verify_lng" double precision;--> statement-breakpoint
ALTER TABLE "catalogue_types" ADD COLUMN "auto_dispatch" boolean DEFAULT false NOT NULL;