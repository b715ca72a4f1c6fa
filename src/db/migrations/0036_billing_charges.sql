CREATE TABLE "billing_charges" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"member_id" text NOT NULL,
	"contract_id" text,
	"contract_number" text,
	"code" text NOT NULL,
	"description_ja" text NOT NULL,
	"description_en" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"tax_percent" integer NOT NULL,
	"service_from" date NOT NULL,
	"service_through" date NOT NULL,
	"source" text NOT NULL,
	"idempotency_key" text,
	"request_hash" text,
	"reason" text,
	"created_by_kind" text NOT NULL,
	"created_by_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"invoice_id" text,
	"invoice_position" integer,
	CONSTRAINT "billing_charges_kind_known" CHECK ("billing_charges"."kind" in ('usage', 'one_time', 'adjustment')),
	CONSTRAINT "billing_charges_tax_percent_known" CHECK ("billing_charges"."tax_percent" in (10, 8)),
	CONSTRAINT "billing_charges_service_order" CHECK ("billing_charges"."service_from" <= "billing_charges"."service_through"),
	CONSTRAINT "billing_charges_quantity_non_negative" CHECK ("billing_charges"."quantity" >= 0),
	CONSTRAINT "billing_charges_billed_whole" CHECK (("billing_charges"."invoice_id" is null) = ("billing_charges"."invoice_position" is null))
);
--> statement-breakpoint
ALTER TABLE "billing_charges" ADD CONSTRAINT "billing_charges_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_charges" ADD CONSTRAINT "billing_charges_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_charges_source_key_unique" ON "billing_charges" USING btree ("source","idempotency_key") WHERE "billing_charges"."idempotency_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_charges_invoice_line_unique" ON "billing_charges" USING btree ("invoice_id","invoice_position");--> statement-breakpoint
CREATE INDEX "billing_charges_pending_idx" ON "billing_charges" USING btree ("member_id") WHERE "billing_charges"."invoice_id" is null;