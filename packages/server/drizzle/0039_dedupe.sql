ALTER TABLE "cases" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "merged_from_state" varchar(16);--> statement-breakpoint
CREATE INDEX "cases_group_idx" ON "cases" USING btree ("group_id");