ALTER TABLE "catalog_products" ADD COLUMN "proration" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_products" ADD COLUMN "quantity_changeable" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_products" ADD CONSTRAINT "catalog_products_proration_known" CHECK ("catalog_products"."proration" in ('none', 'daily', 'monthly'));