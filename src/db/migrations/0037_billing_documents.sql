CREATE TABLE "billing_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"document_id" text NOT NULL,
	"number" text NOT NULL,
	"member_id" text NOT NULL,
	"counterparty" text NOT NULL,
	"transaction_date" date NOT NULL,
	"amount" bigint NOT NULL,
	"sha256" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"stored_at" timestamp with time zone NOT NULL,
	CONSTRAINT "billing_documents_kind_known" CHECK ("billing_documents"."kind" in ('invoice', 'credit_note')),
	CONSTRAINT "billing_documents_sha256_format" CHECK ("billing_documents"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "credit_note_lines" (
	"credit_note_id" text NOT NULL,
	"position" integer NOT NULL,
	"invoice_position" integer NOT NULL,
	"description_ja" text NOT NULL,
	"description_en" text NOT NULL,
	"amount" bigint NOT NULL,
	"tax_percent" integer NOT NULL,
	"service_from" date NOT NULL,
	"service_through" date NOT NULL,
	CONSTRAINT "credit_note_lines_credit_note_id_position_pk" PRIMARY KEY("credit_note_id","position"),
	CONSTRAINT "credit_note_lines_amount_positive" CHECK ("credit_note_lines"."amount" > 0),
	CONSTRAINT "credit_note_lines_tax_percent_known" CHECK ("credit_note_lines"."tax_percent" in (10, 8))
);
--> statement-breakpoint
CREATE TABLE "credit_note_number_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_sequence" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"invoice_id" text NOT NULL,
	"member_id" text NOT NULL,
	"issue_date" date NOT NULL,
	"original_issue_date" date NOT NULL,
	"original_period_from" date NOT NULL,
	"original_period_through" date NOT NULL,
	"reason" text NOT NULL,
	"issuer_name" text NOT NULL,
	"registration_number" text,
	"tax_rounding" text NOT NULL,
	"standard_taxable" bigint NOT NULL,
	"standard_tax" bigint NOT NULL,
	"reduced_taxable" bigint NOT NULL,
	"reduced_tax" bigint NOT NULL,
	"subtotal" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"total" bigint NOT NULL,
	"created_by_kind" text NOT NULL,
	"created_by_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_notes_subtotal_sum" CHECK ("credit_notes"."subtotal" = "credit_notes"."standard_taxable" + "credit_notes"."reduced_taxable"),
	CONSTRAINT "credit_notes_tax_sum" CHECK ("credit_notes"."tax" = "credit_notes"."standard_tax" + "credit_notes"."reduced_tax"),
	CONSTRAINT "credit_notes_total_sum" CHECK ("credit_notes"."total" = "credit_notes"."subtotal" + "credit_notes"."tax"),
	CONSTRAINT "credit_notes_total_positive" CHECK ("credit_notes"."total" > 0)
);
--> statement-breakpoint
ALTER TABLE "billing_documents" ADD CONSTRAINT "billing_documents_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_note_lines" ADD CONSTRAINT "credit_note_lines_credit_note_id_credit_notes_id_fk" FOREIGN KEY ("credit_note_id") REFERENCES "public"."credit_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_documents_document_unique" ON "billing_documents" USING btree ("kind","document_id");--> statement-breakpoint
CREATE INDEX "billing_documents_date_idx" ON "billing_documents" USING btree ("transaction_date");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_notes_number_unique" ON "credit_notes" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_notes_year_sequence_unique" ON "credit_notes" USING btree ("year","sequence");--> statement-breakpoint
CREATE INDEX "credit_notes_invoice_idx" ON "credit_notes" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "credit_notes_member_idx" ON "credit_notes" USING btree ("member_id","issue_date");--> statement-breakpoint
CREATE FUNCTION "billing_records_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are kept unchanged: issue a new document instead', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "billing_documents_no_update_or_delete" BEFORE UPDATE OR DELETE ON "billing_documents"
  FOR EACH ROW EXECUTE FUNCTION "billing_records_immutable"();--> statement-breakpoint
CREATE TRIGGER "credit_notes_no_update_or_delete" BEFORE UPDATE OR DELETE ON "credit_notes"
  FOR EACH ROW EXECUTE FUNCTION "billing_records_immutable"();--> statement-breakpoint
CREATE TRIGGER "credit_note_lines_no_update_or_delete" BEFORE UPDATE OR DELETE ON "credit_note_lines"
  FOR EACH ROW EXECUTE FUNCTION "billing_records_immutable"();
