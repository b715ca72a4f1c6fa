CREATE TABLE "identity_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"operator_id" text NOT NULL,
	"purpose" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"method" text NOT NULL,
	"note" text NOT NULL,
	"audit_id" text NOT NULL,
	CONSTRAINT "identity_checks_method_known" CHECK ("identity_checks"."method" in ('phone_callback', 'registered_email_reply', 'document', 'other'))
);
--> statement-breakpoint
CREATE TABLE "operator_login_lockouts" (
	"login_id_key" text PRIMARY KEY NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"last_failed_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "identity_checks_subject_idx" ON "identity_checks" USING btree ("subject_type","subject_id");