CREATE TABLE "login_lockouts" (
	"login_id_key" text PRIMARY KEY NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"last_failed_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "member_backup_codes" (
	"member_id" text NOT NULL,
	"position" integer NOT NULL,
	"ciphertext" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "member_backup_codes_member_id_position_pk" PRIMARY KEY("member_id","position")
);
--> statement-breakpoint
CREATE TABLE "member_password_resets" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"temporary_password_hash" text NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "lockout_threshold" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "lockout_mode" text DEFAULT 'auto' NOT NULL;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "lockout_minutes" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "password_policy" text DEFAULT 'seed' NOT NULL;--> statement-breakpoint
ALTER TABLE "member_backup_codes" ADD CONSTRAINT "member_backup_codes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_password_resets" ADD CONSTRAINT "member_password_resets_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_password_resets_member_idx" ON "member_password_resets" USING btree ("member_id");--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_lockout_mode_known" CHECK ("store_settings"."lockout_mode" in ('auto', 'operator'));--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_password_policy_known" CHECK ("store_settings"."password_policy" in ('seed', 'modern'));--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_lockout_threshold_positive" CHECK ("store_settings"."lockout_threshold" between 1 and 100);--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_lockout_minutes_positive" CHECK ("store_settings"."lockout_minutes" between 1 and 1440);