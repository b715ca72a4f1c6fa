ALTER TABLE "contract_renewals" ADD COLUMN "refund_amount" bigint;--> statement-breakpoint
ALTER TABLE "contract_renewals" ADD COLUMN "refunded_at" timestamp with time zone;