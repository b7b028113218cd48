ALTER TABLE "units" ADD COLUMN "handles_cases" boolean DEFAULT true NOT NULL;--> statement-breakpoint
UPDATE "units" SET "handles_cases" = false WHERE "code" = 'dept-shgzb';
