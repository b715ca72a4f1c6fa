ALTER TABLE "invoices" DROP CONSTRAINT "invoices_status_known";--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "confirmation_rule" text DEFAULT 'on_order' NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "settled_before_close" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "invoices_draft_issue_idx" ON "invoices" USING btree ("issue_date") WHERE "invoices"."status" = 'draft';--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_status_known" CHECK ("invoices"."status" in ('draft', 'issued', 'agency_handed', 'partially_paid', 'paid', 'written_off', 'void', 'credit'));