CREATE TABLE "chain_heads" (
	"tbl" varchar(32) NOT NULL,
	"chain" varchar(64) NOT NULL,
	"seq" bigint NOT NULL,
	"hash" char(64) NOT NULL,
	"row_id" bigint NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chain_heads_tbl_chain_pk" PRIMARY KEY("tbl","chain")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_hash" char(64);--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "chain_hash" char(64);--> statement-breakpoint
ALTER TABLE "points_transfers" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "points_transfers" ADD COLUMN "chain_hash" char(64);--> statement-breakpoint
CREATE INDEX "audit_unsealed_idx" ON "audit_log" USING btree ("id") WHERE chain_hash is null;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_idx" ON "audit_log" USING btree ("chain_seq");--> statement-breakpoint
CREATE INDEX "case_events_unsealed_idx" ON "case_events" USING btree ("id") WHERE chain_hash is null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_chain_idx" ON "case_events" USING btree ("case_id","chain_seq");--> statement-breakpoint
CREATE INDEX "points_transfers_unsealed_idx" ON "points_transfers" USING btree ("id") WHERE chain_hash is null;--> statement-breakpoint
CREATE UNIQUE INDEX "points_transfers_chain_idx" ON "points_transfers" USING btree ("scheme","chain_seq");