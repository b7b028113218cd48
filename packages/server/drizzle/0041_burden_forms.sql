ALTER TABLE "burden_forms" ADD COLUMN "request_id" uuid;--> statement-breakpoint
ALTER TABLE "burden_forms" ADD CONSTRAINT "burden_forms_request_id_burden_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."burden_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "burden_forms_request_idx" ON "burden_forms" USING btree ("request_id");