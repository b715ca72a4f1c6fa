ALTER TABLE "members" DROP CONSTRAINT "members_status_known";--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "anonymise_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "registration_review" text DEFAULT 'auto' NOT NULL;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "withdrawal" text DEFAULT 'self-service' NOT NULL;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "personal_data_retention_days" integer DEFAULT 365 NOT NULL;--> statement-breakpoint
CREATE INDEX "members_anonymise_due_idx" ON "members" USING btree ("anonymise_due_at");--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_status_known" CHECK ("members"."status" in ('unconfirmed', 'pending_review', 'active', 'rejected', 'withdrawn'));--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_registration_review_known" CHECK ("store_settings"."registration_review" in ('auto', 'manual'));--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_withdrawal_known" CHECK ("store_settings"."withdrawal" in ('self-service', 'by-request'));--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_retention_days_range" CHECK ("store_settings"."personal_data_retention_days" between 1 and 3650);