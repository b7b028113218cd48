CREATE TABLE "wish_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wish_id" uuid NOT NULL,
	"action" varchar(32) NOT NULL,
	"from_state" varchar(16),
	"to_state" varchar(16) NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_unit" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text,
	"attachments" jsonb,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "wish_files" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"wish_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wishes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"wisher_user_id" uuid,
	"wisher_person_id" uuid,
	"wisher_name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"claimed_by_user_id" uuid,
	"claimed_by_unit_id" uuid,
	"claimed_at" timestamp with time zone,
	"fulfilled_at" timestamp with time zone,
	"fulfil_note" text,
	"confirmed_at" timestamp with time zone,
	"close_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wishes_state" CHECK ("wishes"."state" in ('submitted','published','claimed','fulfilled','confirmed','rejected','cancelled'))
);
--> statement-breakpoint
ALTER TABLE "wish_events" ADD CONSTRAINT "wish_events_wish_id_wishes_id_fk" FOREIGN KEY ("wish_id") REFERENCES "public"."wishes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_files" ADD CONSTRAINT "wish_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_files" ADD CONSTRAINT "wish_files_wish_id_wishes_id_fk" FOREIGN KEY ("wish_id") REFERENCES "public"."wishes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_wisher_user_id_users_id_fk" FOREIGN KEY ("wisher_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_wisher_person_id_people_id_fk" FOREIGN KEY ("wisher_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_claimed_by_user_id_users_id_fk" FOREIGN KEY ("claimed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_claimed_by_unit_id_units_id_fk" FOREIGN KEY ("claimed_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wish_events_wish_idx" ON "wish_events" USING btree ("wish_id","id");--> statement-breakpoint
CREATE INDEX "wish_files_wish_idx" ON "wish_files" USING btree ("wish_id");--> statement-breakpoint
CREATE INDEX "wishes_area_idx" ON "wishes" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "wishes_state_idx" ON "wishes" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "wishes_wisher_idx" ON "wishes" USING btree ("wisher_user_id");--> statement-breakpoint
CREATE INDEX "wishes_created_by_idx" ON "wishes" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "wishes_claimer_idx" ON "wishes" USING btree ("claimed_by_user_id");