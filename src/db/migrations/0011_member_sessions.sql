CREATE TABLE "member_sign_ins" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"method" text NOT NULL,
	"session_id" text,
	"ip_address" text,
	"user_agent" text,
	"browser" text DEFAULT '' NOT NULL,
	CONSTRAINT "member_sign_ins_outcome_known" CHECK ("member_sign_ins"."outcome" in ('succeeded', 'failed')),
	CONSTRAINT "member_sign_ins_method_known" CHECK ("member_sign_ins"."method" in ('password', 'code', 'backup_code'))
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limit_counters_count_positive" CHECK ("rate_limit_counters"."count" > 0)
);
--> statement-breakpoint
ALTER TABLE "auth_session" ADD COLUMN "last_active_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "session_idle_minutes" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "session_absolute_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "member_sign_ins" ADD CONSTRAINT "member_sign_ins_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_sign_ins_member_at_idx" ON "member_sign_ins" USING btree ("member_id","at");--> statement-breakpoint
CREATE INDEX "rate_limit_counters_ends_idx" ON "rate_limit_counters" USING btree ("window_ends_at");--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_session_idle_range" CHECK ("store_settings"."session_idle_minutes" between 5 and 1440);--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_session_absolute_range" CHECK ("store_settings"."session_absolute_hours" between 1 and 168);