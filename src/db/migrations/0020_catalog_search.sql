CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "catalog_revision" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"token" text NOT NULL,
	CONSTRAINT "catalog_revision_single_row" CHECK ("catalog_revision"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "catalog_products" ADD COLUMN "search_text" text;--> statement-breakpoint
ALTER TABLE "catalog_products" ADD COLUMN "price_from" bigint;--> statement-breakpoint
ALTER TABLE "catalog_products" ADD COLUMN "has_trial" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_products" ADD COLUMN "name_rank" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "catalog_products_recommended_idx" ON "catalog_products" USING btree ("sort_order","name_rank","id") WHERE "catalog_products"."status" = 'published';--> statement-breakpoint
CREATE INDEX "catalog_products_newest_idx" ON "catalog_products" USING btree ("published_at" DESC NULLS LAST,"name_rank","id") WHERE "catalog_products"."status" = 'published';--> statement-breakpoint
CREATE INDEX "catalog_products_price_asc_idx" ON "catalog_products" USING btree ("price_from","name_rank","id") WHERE "catalog_products"."status" = 'published';--> statement-breakpoint
CREATE INDEX "catalog_products_price_desc_idx" ON "catalog_products" USING btree ("price_from" DESC NULLS FIRST,"name_rank","id") WHERE "catalog_products"."status" = 'published';--> statement-breakpoint
CREATE INDEX "catalog_products_name_idx" ON "catalog_products" USING btree ("name_rank","id") WHERE "catalog_products"."status" = 'published';--> statement-breakpoint
CREATE INDEX "catalog_products_category_idx" ON "catalog_products" USING btree ("category") WHERE "catalog_products"."status" = 'published';--> statement-breakpoint
CREATE INDEX "catalog_products_search_idx" ON "catalog_products" USING gin ("search_text" gin_trgm_ops);
--> statement-breakpoint
INSERT INTO "catalog_revision" ("id", "token") VALUES (1, gen_random_uuid()::text);--> statement-breakpoint
CREATE FUNCTION "catalog_revision_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "catalog_revision" SET "token" = gen_random_uuid()::text WHERE "id" = 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "catalog_providers_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog_providers" FOR EACH STATEMENT EXECUTE FUNCTION "catalog_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "catalog_products_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog_products" FOR EACH STATEMENT EXECUTE FUNCTION "catalog_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "catalog_plans_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog_plans" FOR EACH STATEMENT EXECUTE FUNCTION "catalog_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "catalog_plan_terms_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog_plan_terms" FOR EACH STATEMENT EXECUTE FUNCTION "catalog_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "catalog_usage_components_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog_usage_components" FOR EACH STATEMENT EXECUTE FUNCTION "catalog_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "catalog_options_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog_options" FOR EACH STATEMENT EXECUTE FUNCTION "catalog_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "catalog_option_offers_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog_option_offers" FOR EACH STATEMENT EXECUTE FUNCTION "catalog_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "catalog_trials_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog_trials" FOR EACH STATEMENT EXECUTE FUNCTION "catalog_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "catalog_order_fields_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog_order_fields" FOR EACH STATEMENT EXECUTE FUNCTION "catalog_revision_bump"();
