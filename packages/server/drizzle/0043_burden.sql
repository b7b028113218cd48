ALTER TABLE "units" ADD COLUMN "handles_cases" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "burden_forms" ADD COLUMN "request_id" uuid;--> statement-breakpoint
ALTER TABLE "burden_forms" ADD CONSTRAINT "burden_forms_request_id_burden_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."burden_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "burden_forms_request_idx" ON "burden_forms" USING btree ("request_id");--> statement-breakpoint
-- 区委社会工作部 files and reviews burden requests; it handles no case, so it leaves the dispatch pickers.
UPDATE "units" SET "handles_cases" = false WHERE "code" = 'dept-shgzb';
