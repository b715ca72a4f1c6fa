CREATE TABLE "catalog_option_offers" (
	"option_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"term" text NOT NULL,
	"price" bigint NOT NULL,
	"included" boolean DEFAULT false NOT NULL,
	CONSTRAINT "catalog_option_offers_option_id_plan_id_term_pk" PRIMARY KEY("option_id","plan_id","term"),
	CONSTRAINT "catalog_option_offers_price_positive" CHECK ("catalog_option_offers"."price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "catalog_options" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"description_ja" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"choice_group" text,
	"tax_rate" text DEFAULT 'standard' NOT NULL,
	"setup_fee" bigint DEFAULT 0 NOT NULL,
	"quantity_min" integer DEFAULT 1 NOT NULL,
	"quantity_max" integer DEFAULT 1 NOT NULL,
	"quantity_step" integer DEFAULT 1 NOT NULL,
	"quantity_unit_ja" text DEFAULT '' NOT NULL,
	"quantity_unit_en" text DEFAULT '' NOT NULL,
	"terms_document_keys" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	CONSTRAINT "catalog_options_product_code_unique" UNIQUE("product_id","code"),
	CONSTRAINT "catalog_options_tax_rate_known" CHECK ("catalog_options"."tax_rate" in ('standard', 'reduced')),
	CONSTRAINT "catalog_options_setup_fee_positive" CHECK ("catalog_options"."setup_fee" >= 0),
	CONSTRAINT "catalog_options_quantity_rule" CHECK ("catalog_options"."quantity_min" >= 0 and "catalog_options"."quantity_max" >= "catalog_options"."quantity_min" and "catalog_options"."quantity_step" >= 1)
);
--> statement-breakpoint
CREATE TABLE "catalog_order_fields" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"key" text NOT NULL,
	"label_ja" text NOT NULL,
	"label_en" text NOT NULL,
	"help_ja" text DEFAULT '' NOT NULL,
	"help_en" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"validation" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "catalog_order_fields_product_key_unique" UNIQUE("product_id","key"),
	CONSTRAINT "catalog_order_fields_type_known" CHECK ("catalog_order_fields"."type" in ('text', 'textarea', 'number', 'email', 'domain', 'hostname', 'select'))
);
--> statement-breakpoint
CREATE TABLE "catalog_plan_terms" (
	"plan_id" text NOT NULL,
	"term" text NOT NULL,
	"months" integer NOT NULL,
	"price" bigint NOT NULL,
	CONSTRAINT "catalog_plan_terms_plan_id_term_pk" PRIMARY KEY("plan_id","term"),
	CONSTRAINT "catalog_plan_terms_term_known" CHECK ("catalog_plan_terms"."term" ~ '^(monthly|[1-9][0-9]?m)$'),
	CONSTRAINT "catalog_plan_terms_price_positive" CHECK ("catalog_plan_terms"."price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "catalog_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"description_ja" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"tax_rate" text DEFAULT 'standard' NOT NULL,
	"setup_fee" bigint DEFAULT 0 NOT NULL,
	"quantity_min" integer DEFAULT 1 NOT NULL,
	"quantity_max" integer DEFAULT 1 NOT NULL,
	"quantity_step" integer DEFAULT 1 NOT NULL,
	"quantity_unit_ja" text DEFAULT '' NOT NULL,
	"quantity_unit_en" text DEFAULT '' NOT NULL,
	"minimum_term_months" integer DEFAULT 0 NOT NULL,
	"early_termination" text DEFAULT 'none' NOT NULL,
	"early_termination_fee" bigint,
	"billing_timing" text DEFAULT 'in_advance' NOT NULL,
	"confirmation_rule" text DEFAULT 'on_order' NOT NULL,
	"renewal_modes" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	CONSTRAINT "catalog_plans_product_code_unique" UNIQUE("product_id","code"),
	CONSTRAINT "catalog_plans_tax_rate_known" CHECK ("catalog_plans"."tax_rate" in ('standard', 'reduced')),
	CONSTRAINT "catalog_plans_setup_fee_positive" CHECK ("catalog_plans"."setup_fee" >= 0),
	CONSTRAINT "catalog_plans_quantity_rule" CHECK ("catalog_plans"."quantity_min" >= 0 and "catalog_plans"."quantity_max" >= "catalog_plans"."quantity_min" and "catalog_plans"."quantity_step" >= 1),
	CONSTRAINT "catalog_plans_minimum_term_positive" CHECK ("catalog_plans"."minimum_term_months" >= 0),
	CONSTRAINT "catalog_plans_early_termination_known" CHECK ("catalog_plans"."early_termination" in ('none', 'remaining_months', 'fixed')),
	CONSTRAINT "catalog_plans_early_termination_fee" CHECK (("catalog_plans"."early_termination" = 'fixed') = ("catalog_plans"."early_termination_fee" is not null)),
	CONSTRAINT "catalog_plans_billing_timing_known" CHECK ("catalog_plans"."billing_timing" in ('in_advance', 'in_arrears')),
	CONSTRAINT "catalog_plans_confirmation_rule_known" CHECK ("catalog_plans"."confirmation_rule" in ('on_order', 'usage_month_13', 'next_month_13', 'month_after_next_13'))
);
--> statement-breakpoint
CREATE TABLE "catalog_products" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"provider_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"summary_ja" text NOT NULL,
	"summary_en" text NOT NULL,
	"description_ja" text NOT NULL,
	"description_en" text NOT NULL,
	"images" jsonb NOT NULL,
	"category" text NOT NULL,
	"tags" jsonb NOT NULL,
	"terms_document_keys" jsonb NOT NULL,
	"payment_methods" jsonb NOT NULL,
	"lead_time_days" integer,
	"lead_time_note_ja" text DEFAULT '' NOT NULL,
	"lead_time_note_en" text DEFAULT '' NOT NULL,
	"checkout_note_ja" text DEFAULT '' NOT NULL,
	"checkout_note_en" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_products_slug_unique" UNIQUE("slug"),
	CONSTRAINT "catalog_products_status_known" CHECK ("catalog_products"."status" in ('draft', 'published', 'retired')),
	CONSTRAINT "catalog_products_kind_known" CHECK ("catalog_products"."kind" in ('cloud', 'saas', 'hosting', 'software', 'service', 'other')),
	CONSTRAINT "catalog_products_lead_time_positive" CHECK ("catalog_products"."lead_time_days" is null or "catalog_products"."lead_time_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "catalog_providers" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"is_store" boolean DEFAULT false NOT NULL,
	"contact_emails" jsonb NOT NULL,
	"webhook_url" text,
	"webhook_secret_ref" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_providers_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "catalog_terms_documents" (
	"key" text NOT NULL,
	"version" text NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text NOT NULL,
	"body_ja" text NOT NULL,
	"body_en" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_terms_documents_key_version_pk" PRIMARY KEY("key","version")
);
--> statement-breakpoint
CREATE TABLE "catalog_trial_redemptions" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"product_id" text NOT NULL,
	"order_id" text,
	"redeemed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_trial_redemptions_member_product_unique" UNIQUE("member_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "catalog_trials" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"days" integer NOT NULL,
	"plan_id" text NOT NULL,
	"conditions_document_key" text NOT NULL,
	"payment_method_required" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "catalog_trials_product_id_unique" UNIQUE("product_id"),
	CONSTRAINT "catalog_trials_days_positive" CHECK ("catalog_trials"."days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "catalog_usage_components" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"unit_ja" text NOT NULL,
	"unit_en" text NOT NULL,
	"tax_rate" text DEFAULT 'standard' NOT NULL,
	"tier_mode" text DEFAULT 'graduated' NOT NULL,
	"tiers" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "catalog_usage_components_plan_code_unique" UNIQUE("plan_id","code"),
	CONSTRAINT "catalog_usage_components_tax_rate_known" CHECK ("catalog_usage_components"."tax_rate" in ('standard', 'reduced')),
	CONSTRAINT "catalog_usage_components_tier_mode_known" CHECK ("catalog_usage_components"."tier_mode" in ('graduated', 'volume'))
);
--> statement-breakpoint
ALTER TABLE "catalog_option_offers" ADD CONSTRAINT "catalog_option_offers_option_id_catalog_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."catalog_options"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_option_offers" ADD CONSTRAINT "catalog_option_offers_plan_term_fk" FOREIGN KEY ("plan_id","term") REFERENCES "public"."catalog_plan_terms"("plan_id","term") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_options" ADD CONSTRAINT "catalog_options_product_id_catalog_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalog_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_order_fields" ADD CONSTRAINT "catalog_order_fields_product_id_catalog_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalog_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_plan_terms" ADD CONSTRAINT "catalog_plan_terms_plan_id_catalog_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."catalog_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_plans" ADD CONSTRAINT "catalog_plans_product_id_catalog_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalog_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_products" ADD CONSTRAINT "catalog_products_provider_id_catalog_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."catalog_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_trial_redemptions" ADD CONSTRAINT "catalog_trial_redemptions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_trial_redemptions" ADD CONSTRAINT "catalog_trial_redemptions_product_id_catalog_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalog_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_trials" ADD CONSTRAINT "catalog_trials_product_id_catalog_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalog_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_trials" ADD CONSTRAINT "catalog_trials_plan_id_catalog_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."catalog_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_usage_components" ADD CONSTRAINT "catalog_usage_components_plan_id_catalog_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."catalog_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_products_status_idx" ON "catalog_products" USING btree ("status","sort_order");--> statement-breakpoint
CREATE INDEX "catalog_products_provider_idx" ON "catalog_products" USING btree ("provider_id");