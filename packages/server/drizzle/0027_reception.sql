CREATE TABLE "leader_attachments" (
	"user_id" uuid NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leader_attachments_user_id_area_code_pk" PRIMARY KEY("user_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "reception_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"place" text NOT NULL,
	"day" date NOT NULL,
	"start_time" varchar(5) NOT NULL,
	"end_time" varchar(5) NOT NULL,
	"leader_user_id" uuid,
	"leader_name" text NOT NULL,
	"leader_title" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "lead_user_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "lead_name" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reception_day_id" uuid;--> statement-breakpoint
ALTER TABLE "leader_attachments" ADD CONSTRAINT "leader_attachments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_leader_user_id_users_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reception_days_area_idx" ON "reception_days" USING btree ("area_code","day");--> statement-breakpoint
CREATE INDEX "reception_days_leader_idx" ON "reception_days" USING btree ("leader_user_id","day");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_reception_day_id_reception_days_id_fk" FOREIGN KEY ("reception_day_id") REFERENCES "public"."reception_days"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_lead_idx" ON "cases" USING btree ("lead_user_id","state");