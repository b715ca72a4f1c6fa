CREATE TABLE "invoice_payments" (
	"entry_id" text PRIMARY KEY NOT NULL,
	"invoice_id" text NOT NULL,
	"member_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"received_on" date NOT NULL,
	"method" text NOT NULL,
	"flag" text,
	"open_before" bigint NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invoice_payments_amount_positive" CHECK ("invoice_payments"."amount" > 0),
	CONSTRAINT "invoice_payments_method_known" CHECK ("invoice_payments"."method" in ('bank_transfer', 'card', 'direct_debit', 'agency', 'convenience_store', 'cash', 'other')),
	CONSTRAINT "invoice_payments_flag_known" CHECK ("invoice_payments"."flag" is null or "invoice_payments"."flag" = 'already_paid')
);
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_status_known";--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_entry_id_receivable_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."receivable_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_payments_invoice_idx" ON "invoice_payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_payments_flagged_idx" ON "invoice_payments" USING btree ("recorded_at") WHERE "invoice_payments"."flag" is not null;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_status_known" CHECK ("invoices"."status" in ('draft', 'issued', 'agency_handed', 'partially_paid', 'paid', 'written_off', 'void'));