CREATE TABLE "billing_profile_versions" (
	"profile_code" text NOT NULL,
	"effective_from" text NOT NULL,
	"rules" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "billing_profile_versions_profile_code_effective_from_pk" PRIMARY KEY("profile_code","effective_from"),
	CONSTRAINT "billing_profile_versions_month_format" CHECK ("billing_profile_versions"."effective_from" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "billing_profiles" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "billing_profiles_code_format" CHECK ("billing_profiles"."code" ~ '^[a-z0-9][a-z0-9-]{0,39}$')
);
--> statement-breakpoint
ALTER TABLE "billing_profile_versions" ADD CONSTRAINT "billing_profile_versions_profile_code_billing_profiles_code_fk" FOREIGN KEY ("profile_code") REFERENCES "public"."billing_profiles"("code") ON DELETE no action ON UPDATE no action;