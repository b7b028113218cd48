CREATE TABLE "points_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme" varchar(16) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"owner_id" varchar(64) NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_accounts_kind" CHECK ("points_accounts"."kind" in ('pool','person','household','merchant','hold')),
	CONSTRAINT "points_accounts_not_negative" CHECK ("points_accounts"."kind" = 'pool' or "points_accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "points_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme" varchar(16) NOT NULL,
	"rule_id" uuid NOT NULL,
	"rule_code" varchar(40) NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"holder_kind" varchar(16) NOT NULL,
	"holder_id" varchar(64) NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"base_points" integer NOT NULL,
	"factors" text[] DEFAULT '{}'::text[] NOT NULL,
	"multiplier_percent" integer DEFAULT 100 NOT NULL,
	"points" integer NOT NULL,
	"note" text,
	"state" varchar(16) NOT NULL,
	"approver_roles" text[] NOT NULL,
	"proposed_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"reversed_by" uuid,
	"reversed_at" timestamp with time zone,
	"reverse_reason" text,
	"ref_type" varchar(24),
	"ref_id" varchar(64),
	"transfer_id" bigint,
	"reversal_transfer_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_awards_points_positive" CHECK ("points_awards"."points" > 0 and "points_awards"."base_points" > 0)
);
--> statement-breakpoint
CREATE TABLE "points_factors" (
	"code" varchar(32) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"percent" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_factors_percent_range" CHECK ("points_factors"."percent" between 100 and 500)
);
--> statement-breakpoint
CREATE TABLE "points_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"scheme" varchar(16) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"price" integer NOT NULL,
	"stock" integer NOT NULL,
	"stock_in" integer NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_items_stock_not_negative" CHECK ("points_items"."stock" >= 0 and "points_items"."stock_in" >= "points_items"."stock"),
	CONSTRAINT "points_items_price_positive" CHECK ("points_items"."price" > 0),
	CONSTRAINT "points_items_kind" CHECK ("points_items"."kind" in ('goods','service','donation','property-fee'))
);
--> statement-breakpoint
CREATE TABLE "points_redemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"scheme" varchar(16) NOT NULL,
	"account_id" uuid NOT NULL,
	"hold_account_id" uuid NOT NULL,
	"merchant_unit_id" uuid NOT NULL,
	"item_kind" varchar(16) NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" integer NOT NULL,
	"amount" integer NOT NULL,
	"state" varchar(16) NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"note" text,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_redemptions_amounts" CHECK ("points_redemptions"."quantity" > 0 and "points_redemptions"."amount" > 0 and "points_redemptions"."amount" = "points_redemptions"."quantity" * "points_redemptions"."unit_price")
);
--> statement-breakpoint
CREATE TABLE "points_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(40) NOT NULL,
	"name" text NOT NULL,
	"scheme" varchar(16) NOT NULL,
	"points" integer NOT NULL,
	"max_points" integer NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"daily_limit" integer,
	"monthly_limit" integer,
	"proposer_roles" text[] NOT NULL,
	"approver_roles" text[] NOT NULL,
	"auto" boolean DEFAULT false NOT NULL,
	"basis" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_rules_points_positive" CHECK ("points_rules"."points" > 0 and "points_rules"."max_points" >= "points_rules"."points")
);
--> statement-breakpoint
CREATE TABLE "points_transfers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scheme" varchar(16) NOT NULL,
	"debit_account_id" uuid NOT NULL,
	"credit_account_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"kind" varchar(16) NOT NULL,
	"ref_type" varchar(24) NOT NULL,
	"ref_id" varchar(64) NOT NULL,
	"reverses_id" bigint,
	"authorised_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_transfers_amount_positive" CHECK ("points_transfers"."amount" > 0),
	CONSTRAINT "points_transfers_two_accounts" CHECK ("points_transfers"."debit_account_id" <> "points_transfers"."credit_account_id"),
	CONSTRAINT "points_transfers_kind" CHECK ("points_transfers"."kind" in ('award','redeem-hold','redeem-confirm','redeem-release','refund','reversal'))
);
--> statement-breakpoint
ALTER TABLE "points_awards" ADD CONSTRAINT "points_awards_rule_id_points_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."points_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_awards" ADD CONSTRAINT "points_awards_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_awards" ADD CONSTRAINT "points_awards_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_awards" ADD CONSTRAINT "points_awards_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_awards" ADD CONSTRAINT "points_awards_reversed_by_users_id_fk" FOREIGN KEY ("reversed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_awards" ADD CONSTRAINT "points_awards_transfer_id_points_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."points_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_awards" ADD CONSTRAINT "points_awards_reversal_transfer_id_points_transfers_id_fk" FOREIGN KEY ("reversal_transfer_id") REFERENCES "public"."points_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_items" ADD CONSTRAINT "points_items_merchant_unit_id_units_id_fk" FOREIGN KEY ("merchant_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_item_id_points_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."points_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_account_id_points_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."points_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_hold_account_id_points_accounts_id_fk" FOREIGN KEY ("hold_account_id") REFERENCES "public"."points_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_merchant_unit_id_units_id_fk" FOREIGN KEY ("merchant_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_transfers" ADD CONSTRAINT "points_transfers_debit_account_id_points_accounts_id_fk" FOREIGN KEY ("debit_account_id") REFERENCES "public"."points_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_transfers" ADD CONSTRAINT "points_transfers_credit_account_id_points_accounts_id_fk" FOREIGN KEY ("credit_account_id") REFERENCES "public"."points_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_transfers" ADD CONSTRAINT "points_transfers_reverses_id_points_transfers_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."points_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_transfers" ADD CONSTRAINT "points_transfers_authorised_by_users_id_fk" FOREIGN KEY ("authorised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "points_accounts_owner_idx" ON "points_accounts" USING btree ("scheme","kind","owner_id");--> statement-breakpoint
CREATE INDEX "points_accounts_area_idx" ON "points_accounts" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "points_awards_ref_idx" ON "points_awards" USING btree ("rule_code","ref_type","ref_id");--> statement-breakpoint
CREATE INDEX "points_awards_area_idx" ON "points_awards" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "points_awards_state_idx" ON "points_awards" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "points_awards_holder_idx" ON "points_awards" USING btree ("holder_id","rule_code","created_at");--> statement-breakpoint
CREATE INDEX "points_awards_recipient_idx" ON "points_awards" USING btree ("recipient_user_id","created_at");--> statement-breakpoint
CREATE INDEX "points_items_area_idx" ON "points_items" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "points_items_merchant_idx" ON "points_items" USING btree ("merchant_unit_id");--> statement-breakpoint
CREATE INDEX "points_redemptions_user_idx" ON "points_redemptions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "points_redemptions_merchant_idx" ON "points_redemptions" USING btree ("merchant_unit_id","state","created_at");--> statement-breakpoint
CREATE INDEX "points_redemptions_item_idx" ON "points_redemptions" USING btree ("item_id","state");--> statement-breakpoint
CREATE INDEX "points_redemptions_hold_idx" ON "points_redemptions" USING btree ("hold_account_id","state");--> statement-breakpoint
CREATE INDEX "points_redemptions_area_idx" ON "points_redemptions" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "points_rules_code_area_idx" ON "points_rules" USING btree ("code","area_code");--> statement-breakpoint
CREATE INDEX "points_rules_area_idx" ON "points_rules" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "points_transfers_ref_idx" ON "points_transfers" USING btree ("kind","ref_type","ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "points_transfers_reverses_idx" ON "points_transfers" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "points_transfers_debit_idx" ON "points_transfers" USING btree ("debit_account_id","id");--> statement-breakpoint
CREATE INDEX "points_transfers_credit_idx" ON "points_transfers" USING btree ("credit_account_id","id");--> statement-breakpoint
CREATE INDEX "points_transfers_created_idx" ON "points_transfers" USING btree ("created_at");