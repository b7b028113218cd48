CREATE TABLE "service_menu_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"default_team_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_order_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"action" varchar(32) NOT NULL,
	"from_state" varchar(16),
	"to_state" varchar(16) NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text,
	"attachments" jsonb,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "service_order_files" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state" varchar(16) NOT NULL,
	"menu_item_id" uuid NOT NULL,
	"service_name" text NOT NULL,
	"category" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"preferred_time" text,
	"address" text NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"orderer_user_id" uuid NOT NULL,
	"orderer_person_id" uuid,
	"orderer_name" text NOT NULL,
	"assignee_user_id" uuid,
	"assignee_team_id" uuid,
	"dispatched_by" uuid,
	"dispatched_at" timestamp with time zone,
	"taken_by_user_id" uuid,
	"taken_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"complete_note" text,
	"rating" varchar(24),
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"close_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_orders_state" CHECK ("service_orders"."state" in ('ordered','dispatched','taken','completed','rated','cancelled')),
	CONSTRAINT "service_orders_rating" CHECK ("service_orders"."rating" is null or "service_orders"."rating" in ('satisfied','basically-satisfied','unsatisfied'))
);
--> statement-breakpoint
CREATE TABLE "service_team_members" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"leader" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "service_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"code" varchar(32),
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_order_events" ADD CONSTRAINT "service_order_events_order_id_service_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."service_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_files" ADD CONSTRAINT "service_order_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_files" ADD CONSTRAINT "service_order_files_order_id_service_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."service_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_menu_item_id_service_menu_items_id_fk" FOREIGN KEY ("menu_item_id") REFERENCES "public"."service_menu_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_orderer_user_id_users_id_fk" FOREIGN KEY ("orderer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_orderer_person_id_people_id_fk" FOREIGN KEY ("orderer_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_assignee_team_id_service_teams_id_fk" FOREIGN KEY ("assignee_team_id") REFERENCES "public"."service_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_dispatched_by_users_id_fk" FOREIGN KEY ("dispatched_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_taken_by_user_id_users_id_fk" FOREIGN KEY ("taken_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_team_members" ADD CONSTRAINT "service_team_members_team_id_service_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."service_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_team_members" ADD CONSTRAINT "service_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_menu_area_idx" ON "service_menu_items" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "service_menu_area_name_uq" ON "service_menu_items" USING btree ("area_code","name");--> statement-breakpoint
CREATE INDEX "service_order_events_order_idx" ON "service_order_events" USING btree ("order_id","id");--> statement-breakpoint
CREATE INDEX "service_order_files_order_idx" ON "service_order_files" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "service_orders_area_idx" ON "service_orders" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "service_orders_state_idx" ON "service_orders" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "service_orders_orderer_idx" ON "service_orders" USING btree ("orderer_user_id");--> statement-breakpoint
CREATE INDEX "service_orders_assignee_idx" ON "service_orders" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE INDEX "service_orders_team_idx" ON "service_orders" USING btree ("assignee_team_id");--> statement-breakpoint
CREATE INDEX "service_orders_taker_idx" ON "service_orders" USING btree ("taken_by_user_id");--> statement-breakpoint
CREATE INDEX "service_team_members_user_idx" ON "service_team_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "service_teams_area_idx" ON "service_teams" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "service_teams_area_name_uq" ON "service_teams" USING btree ("area_code","name");