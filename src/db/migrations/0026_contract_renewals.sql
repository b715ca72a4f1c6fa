CREATE TABLE "contract_reminders" (
	"contract_id" text NOT NULL,
	"kind" text NOT NULL,
	"target_date" date NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_reminders_contract_id_kind_target_date_days_before_pk" PRIMARY KEY("contract_id","kind","target_date","days_before")
);
--> statement-breakpoint
CREATE TABLE "contract_renewals" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"member_id" text NOT NULL,
	"status" text NOT NULL,
	"term" text NOT NULL,
	"term_months" integer NOT NULL,
	"options" jsonb NOT NULL,
	"pricing" jsonb NOT NULL,
	"total_amount" bigint NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"quoted_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_by" text,
	"applied_at" timestamp with time zone,
	CONSTRAINT "contract_renewals_status_known" CHECK ("contract_renewals"."status" in ('pending', 'paid', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "catalog_products" ADD COLUMN "renewal_window_months" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_trials" ADD COLUMN "at_end" text DEFAULT 'convert' NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "trial_at_end" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "renewal_window_months" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "wallet_renewal_day" integer;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "next_term" jsonb;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "trial_reminder_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "renewal_reminder_days" jsonb DEFAULT '[60, 30, 7]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "renewal_grace_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "payment_method_change" text DEFAULT 'on_contract' NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_reminders" ADD CONSTRAINT "contract_reminders_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_renewals" ADD CONSTRAINT "contract_renewals_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_renewals_one_pending" ON "contract_renewals" USING btree ("contract_id") WHERE "contract_renewals"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "contract_renewals_one_per_term" ON "contract_renewals" USING btree ("contract_id","term_start") WHERE "contract_renewals"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "contract_renewals_due_idx" ON "contract_renewals" USING btree ("term_start") WHERE "contract_renewals"."status" = 'paid' and "contract_renewals"."applied_at" is null;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_trial_at_end_known" CHECK ("contracts"."trial_at_end" is null or "contracts"."trial_at_end" in ('convert', 'end'));--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_wallet_renewal_day_known" CHECK ("contracts"."wallet_renewal_day" is null or "contracts"."wallet_renewal_day" in (5, 10, 15, 20, 25));--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_trial_reminder_days_range" CHECK ("store_settings"."trial_reminder_days" between 0 and 365);--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_renewal_grace_days_range" CHECK ("store_settings"."renewal_grace_days" between 0 and 365);--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_payment_method_change_known" CHECK ("store_settings"."payment_method_change" in ('on_contract', 'recontract'));