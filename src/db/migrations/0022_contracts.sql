CREATE TABLE "contract_events" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"reason" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_number_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_sequence" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"member_id" text NOT NULL,
	"order_id" text NOT NULL,
	"order_number" text NOT NULL,
	"order_line_id" text NOT NULL,
	"product_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"product_name_ja" text NOT NULL,
	"product_name_en" text NOT NULL,
	"plan" text NOT NULL,
	"term" text NOT NULL,
	"term_months" integer NOT NULL,
	"quantity" integer NOT NULL,
	"options" jsonb NOT NULL,
	"pricing" jsonb NOT NULL,
	"term_amount" bigint NOT NULL,
	"payment_method" text,
	"status" text NOT NULL,
	"status_before_suspension" text,
	"start_date" date NOT NULL,
	"current_term_start" date NOT NULL,
	"current_term_end" date NOT NULL,
	"minimum_term_months" integer NOT NULL,
	"minimum_term_end" date,
	"early_termination" text NOT NULL,
	"early_termination_fee" bigint,
	"renewal_mode" text NOT NULL,
	"trial_end" date,
	"locale" text NOT NULL,
	"end_date" date,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contracts_status_known" CHECK ("contracts"."status" in ('trial', 'active', 'cancellation_scheduled', 'ended', 'suspended', 'expired')),
	CONSTRAINT "contracts_renewal_mode_known" CHECK ("contracts"."renewal_mode" in ('auto', 'manual')),
	CONSTRAINT "contracts_quantity_positive" CHECK ("contracts"."quantity" > 0),
	CONSTRAINT "contracts_term_order" CHECK ("contracts"."current_term_start" <= "contracts"."current_term_end")
);
--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "contract_number_format" text DEFAULT 'C{YYYY}-{SEQ:6}' NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_events" ADD CONSTRAINT "contract_events_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_product_id_catalog_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalog_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_events_contract_idx" ON "contract_events" USING btree ("contract_id","at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_number_unique" ON "contracts" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_order_line_unique" ON "contracts" USING btree ("order_line_id");--> statement-breakpoint
CREATE INDEX "contracts_member_start_idx" ON "contracts" USING btree ("member_id","start_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contracts_status_term_end_idx" ON "contracts" USING btree ("status","current_term_end");--> statement-breakpoint
CREATE INDEX "contracts_end_date_idx" ON "contracts" USING btree ("end_date");--> statement-breakpoint
CREATE INDEX "contracts_product_idx" ON "contracts" USING btree ("product_id");