CREATE TABLE "inquiry_form_token_uses" (
	"token_id" text PRIMARY KEY NOT NULL,
	"used_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "checkout_quote" text;--> statement-breakpoint
CREATE INDEX "inquiry_form_token_uses_expires_idx" ON "inquiry_form_token_uses" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_member_checkout_quote_unique" ON "orders" USING btree ("member_id","checkout_quote");