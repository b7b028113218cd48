CREATE TABLE "staff_appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"post" varchar(24) NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"user_id" uuid,
	"affiliation" text,
	"started_on" date NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"appointed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_appointments_post" CHECK ("staff_appointments"."post" in ('grid-leader','grid-worker','grid-worker-part','info-worker','building-leader','unit-leader','sunk-cadre'))
);
--> statement-breakpoint
ALTER TABLE "staff_appointments" ADD CONSTRAINT "staff_appointments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_appointments" ADD CONSTRAINT "staff_appointments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_appointments" ADD CONSTRAINT "staff_appointments_appointed_by_users_id_fk" FOREIGN KEY ("appointed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_appointments_area_idx" ON "staff_appointments" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "staff_appointments_person_idx" ON "staff_appointments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "staff_appointments_user_idx" ON "staff_appointments" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_appointments_one_active_idx" ON "staff_appointments" USING btree ("person_id","post","area_code") WHERE "staff_appointments"."ended_on" is null;