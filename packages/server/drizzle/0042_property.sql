CREATE TABLE "property_joint_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"place_id" uuid NOT NULL,
	"area_code" varchar(24) NOT NULL,
	"held_on" date NOT NULL,
	"attendees" text NOT NULL,
	"topics" text NOT NULL,
	"deliberation_id" uuid,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "property_joint_meetings" ADD CONSTRAINT "property_joint_meetings_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_joint_meetings" ADD CONSTRAINT "property_joint_meetings_deliberation_id_deliberations_id_fk" FOREIGN KEY ("deliberation_id") REFERENCES "public"."deliberations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_joint_meetings" ADD CONSTRAINT "property_joint_meetings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "property_joint_meetings_place_idx" ON "property_joint_meetings" USING btree ("place_id","held_on");--> statement-breakpoint
CREATE INDEX "property_joint_meetings_area_idx" ON "property_joint_meetings" USING btree ("area_code" varchar_pattern_ops);--> statement-breakpoint
-- Existing joint meetings were consultations whose title names 联席会议, held in a compound's grid: each becomes a
-- record of every compound of that grid, linked to its deliberation.
INSERT INTO "property_joint_meetings" ("place_id", "area_code", "held_on", "attendees", "topics", "deliberation_id", "recorded_by", "created_at")
SELECT p."id", p."area_code", (d."created_at" AT TIME ZONE 'Asia/Shanghai')::date,
	coalesce((SELECT string_agg(r."name", '、' ORDER BY r."seq") FROM "deliberation_roll" r WHERE r."deliberation_id" = d."id"), '网格党支部、社区警务室、业主委员会、物业服务企业'),
	d."title", d."id", d."created_by", d."created_at"
FROM "deliberations" d
JOIN "places" p ON p."area_code" = d."area_code" AND p."kind" = 'compound' AND p."retired_at" IS NULL
WHERE d."body" = 'consultation' AND d."title" LIKE '%联席会议%';
