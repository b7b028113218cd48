ALTER TABLE "activities" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "volunteer_teams" ADD COLUMN "kind" varchar(16) DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_teams" ADD COLUMN "leader" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_teams" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "trainings" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The teams seeded before kinds existed get theirs from their names (夕阳美, 巾帼美, 青春美, 邻里美 of `000`).
UPDATE "volunteer_teams" SET "kind" = CASE WHEN "name" LIKE '夕阳美%' THEN 'sunset' WHEN "name" LIKE '巾帼美%' THEN 'women' WHEN "name" LIKE '青春美%' THEN 'youth' WHEN "name" LIKE '邻里美%' THEN 'neighbour' ELSE 'other' END;
