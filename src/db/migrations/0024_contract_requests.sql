CREATE TABLE "contract_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"member_id" text NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"desired_date" date NOT NULL,
	"effective_date" date,
	"fee" bigint DEFAULT 0 NOT NULL,
	"change" jsonb,
	"reason" text,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_requests_kind_known" CHECK ("contract_requests"."kind" in ('cancellation', 'change')),
	CONSTRAINT "contract_requests_state_known" CHECK ("contract_requests"."state" in ('requested', 'scheduled', 'withdrawn', 'done'))
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "status_before_cancellation" text;--> statement-breakpoint
ALTER TABLE "contract_requests" ADD CONSTRAINT "contract_requests_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_requests_open_unique" ON "contract_requests" USING btree ("contract_id","kind") WHERE "contract_requests"."state" in ('requested', 'scheduled');--> statement-breakpoint
CREATE INDEX "contract_requests_state_date_idx" ON "contract_requests" USING btree ("state","effective_date","id");--> statement-breakpoint
CREATE INDEX "contract_requests_contract_idx" ON "contract_requests" USING btree ("contract_id","requested_at");