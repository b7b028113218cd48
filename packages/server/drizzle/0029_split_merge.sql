DROP INDEX "people_id_hash_idx";--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "successor_codes" varchar(24)[];--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "measure_area_code" varchar(24);--> statement-breakpoint
-- Duplicates recorded before the index existed: the earliest row keeps the look-up hash; the later ones keep their
-- (encrypted) number and last four digits but lose the hash, so they can be found by name and merged by hand.
-- Rows without a number (null hash) are not compared by a unique index.
UPDATE "people" p SET "id_hash" = NULL
  WHERE p."id_hash" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "people" q WHERE q."id_hash" = p."id_hash" AND (q."created_at", q."id") < (p."created_at", p."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "people_id_hash_uq" ON "people" USING btree ("id_hash");