DROP INDEX "cases_category_idx";--> statement-breakpoint
CREATE INDEX "cases_category_idx" ON "cases" USING btree ("category_code","created_at");