CREATE TABLE "licence_activations" (
	"licence_id" text NOT NULL,
	"machine_fingerprint" text NOT NULL,
	"activated_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"last_product_version" text NOT NULL,
	CONSTRAINT "licence_activations_licence_id_machine_fingerprint_pk" PRIMARY KEY("licence_id","machine_fingerprint")
);
--> statement-breakpoint
CREATE TABLE "licence_signing_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"sealed_private_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"member_id" text NOT NULL,
	"product_id" text NOT NULL,
	"registration_number" text NOT NULL,
	"install_key_hash" text NOT NULL,
	"edition" text NOT NULL,
	"machine_limit" integer NOT NULL,
	"contract_status" text NOT NULL,
	"valid_until" date NOT NULL,
	"updates_allowed_until" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "licences_edition_known" CHECK ("licences"."edition" in ('package', 'download')),
	CONSTRAINT "licences_machine_limit_positive" CHECK ("licences"."machine_limit" between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "licence_activations" ADD CONSTRAINT "licence_activations_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_product_id_catalog_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalog_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "licence_signing_keys_one_current" ON "licence_signing_keys" USING btree ((true)) WHERE "licence_signing_keys"."retired_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "licences_contract_unique" ON "licences" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "licences_registration_number_unique" ON "licences" USING btree ("registration_number");--> statement-breakpoint
CREATE INDEX "licences_member_idx" ON "licences" USING btree ("member_id");