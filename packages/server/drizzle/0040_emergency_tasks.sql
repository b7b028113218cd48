CREATE TABLE "emergency_task_acks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"title" text NOT NULL,
	"detail" text,
	"area_code" varchar(24) NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "emergency_task_acks" ADD CONSTRAINT "emergency_task_acks_task_id_emergency_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."emergency_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_task_acks" ADD CONSTRAINT "emergency_task_acks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_tasks" ADD CONSTRAINT "emergency_tasks_event_id_emergency_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."emergency_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_task_acks_uq" ON "emergency_task_acks" USING btree ("task_id","user_id");--> statement-breakpoint
CREATE INDEX "emergency_tasks_event_idx" ON "emergency_tasks" USING btree ("event_id","created_at");