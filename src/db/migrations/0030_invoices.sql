CREATE TABLE "billing_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"profile_id" text DEFAULT 'default' NOT NULL,
	"month" text NOT NULL,
	"period_from" date NOT NULL,
	"period_through" date NOT NULL,
	"state" text NOT NULL,
	"invoice_count" integer DEFAULT 0 NOT NULL,
	"line_count" integer DEFAULT 0 NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"total_amount" bigint DEFAULT 0 NOT NULL,
	"tax_amount" bigint DEFAULT 0 NOT NULL,
	"started_by_kind" text NOT NULL,
	"started_by_id" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "billing_runs_state_known" CHECK ("billing_runs"."state" in ('running', 'completed')),
	CONSTRAINT "billing_runs_month_format" CHECK ("billing_runs"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"invoice_id" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
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
	CONSTRAINT "invoice_lines_invoice_id_position_pk" PRIMARY KEY("invoice_id","position"),
	CONSTRAINT "invoice_lines_tax_percent_known" CHECK ("invoice_lines"."tax_percent" in (10, 8)),
	CONSTRAINT "invoice_lines_service_order" CHECK ("invoice_lines"."service_from" <= "invoice_lines"."service_through")
);
--> statement-breakpoint
CREATE TABLE "invoice_number_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_sequence" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"member_id" text NOT NULL,
	"profile_id" text DEFAULT 'default' NOT NULL,
	"period_from" date NOT NULL,
	"period_through" date NOT NULL,
	"status" text NOT NULL,
	"billing_run_id" text,
	"issue_date" date NOT NULL,
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
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invoices_status_known" CHECK ("invoices"."status" in ('draft', 'issued', 'agency_handed', 'partially_paid', 'paid', 'void')),
	CONSTRAINT "invoices_period_order" CHECK ("invoices"."period_from" <= "invoices"."period_through"),
	CONSTRAINT "invoices_subtotal_sum" CHECK ("invoices"."subtotal" = "invoices"."standard_taxable" + "invoices"."reduced_taxable"),
	CONSTRAINT "invoices_tax_sum" CHECK ("invoices"."tax" = "invoices"."standard_tax" + "invoices"."reduced_tax"),
	CONSTRAINT "invoices_total_sum" CHECK ("invoices"."total" = "invoices"."subtotal" + "invoices"."tax")
);
--> statement-breakpoint
CREATE TABLE "receivable_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"kind" text NOT NULL,
	"amount" bigint NOT NULL,
	"invoice_id" text,
	"occurred_on" date NOT NULL,
	"note" text,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "receivable_entries_kind_known" CHECK ("receivable_entries"."kind" in ('invoice', 'payment', 'credit_note', 'refund', 'write_off', 'adjustment')),
	CONSTRAINT "receivable_entries_invoice_has_invoice" CHECK ("receivable_entries"."kind" <> 'invoice' or "receivable_entries"."invoice_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_billing_run_id_billing_runs_id_fk" FOREIGN KEY ("billing_run_id") REFERENCES "public"."billing_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receivable_entries" ADD CONSTRAINT "receivable_entries_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receivable_entries" ADD CONSTRAINT "receivable_entries_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_runs_profile_month_unique" ON "billing_runs" USING btree ("profile_id","month");--> statement-breakpoint
CREATE INDEX "invoice_lines_contract_idx" ON "invoice_lines" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_unique" ON "invoices" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_year_sequence_unique" ON "invoices" USING btree ("year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_member_profile_period_unique" ON "invoices" USING btree ("member_id","profile_id","period_from");--> statement-breakpoint
CREATE INDEX "invoices_member_period_idx" ON "invoices" USING btree ("member_id","period_from" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "invoices_run_idx" ON "invoices" USING btree ("billing_run_id");--> statement-breakpoint
CREATE INDEX "receivable_entries_member_idx" ON "receivable_entries" USING btree ("member_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "receivable_entries_one_per_invoice" ON "receivable_entries" USING btree ("invoice_id") WHERE "receivable_entries"."kind" = 'invoice';--> statement-breakpoint
CREATE FUNCTION "receivable_entries_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'receivable_entries are immutable: record a new entry instead' USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "receivable_entries_no_update_or_delete" BEFORE UPDATE OR DELETE ON "receivable_entries"
  FOR EACH ROW EXECUTE FUNCTION "receivable_entries_immutable"();
