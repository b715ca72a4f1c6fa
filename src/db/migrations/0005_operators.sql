CREATE TABLE "operator_account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operator_session" (
	"id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "operator_session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "operator_two_factor" (
	"id" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"backup_codes" text NOT NULL,
	"user_id" text NOT NULL,
	"verified" boolean DEFAULT true NOT NULL,
	"failed_verification_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "operator_user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"username" text,
	"display_username" text,
	"two_factor_enabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "operator_user_email_unique" UNIQUE("email"),
	CONSTRAINT "operator_user_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "operator_verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operators" (
	"id" text PRIMARY KEY NOT NULL,
	"login_id" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text NOT NULL,
	"locale" text NOT NULL,
	"roles" text[] NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "operators_roles_known" CHECK (cardinality("operators"."roles") > 0 and "operators"."roles" <@ array['owner', 'billing', 'support', 'catalog']::text[]),
	CONSTRAINT "operators_status_known" CHECK ("operators"."status" in ('active', 'disabled')),
	CONSTRAINT "operators_locale_known" CHECK ("operators"."locale" in ('ja', 'en'))
);
--> statement-breakpoint
ALTER TABLE "operator_account" ADD CONSTRAINT "operator_account_user_id_operator_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."operator_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_session" ADD CONSTRAINT "operator_session_user_id_operator_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."operator_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_two_factor" ADD CONSTRAINT "operator_two_factor_user_id_operator_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."operator_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operators" ADD CONSTRAINT "operators_id_operator_user_id_fk" FOREIGN KEY ("id") REFERENCES "public"."operator_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "operator_account_user_idx" ON "operator_account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "operator_session_user_idx" ON "operator_session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "operator_two_factor_user_idx" ON "operator_two_factor" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "operator_two_factor_secret_idx" ON "operator_two_factor" USING btree ("secret");--> statement-breakpoint
CREATE INDEX "operator_verification_identifier_idx" ON "operator_verification" USING btree ("identifier");