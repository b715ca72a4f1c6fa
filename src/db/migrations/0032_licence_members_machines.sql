CREATE TABLE "licence_attach_conflicts" (
	"id" text PRIMARY KEY NOT NULL,
	"licence_id" text NOT NULL,
	"member_id" text,
	"at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text
);
--> statement-breakpoint
ALTER TABLE "licences" ALTER COLUMN "contract_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "licences" ALTER COLUMN "member_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_products" ADD COLUMN "licence_machine_limit" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "attached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "licence_attach_conflicts" ADD CONSTRAINT "licence_attach_conflicts_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_attach_conflicts" ADD CONSTRAINT "licence_attach_conflicts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "licence_attach_conflicts_open_idx" ON "licence_attach_conflicts" USING btree ("at") WHERE "licence_attach_conflicts"."resolved_at" is null;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_contract_has_member" CHECK ("licences"."contract_id" is null or "licences"."member_id" is not null);