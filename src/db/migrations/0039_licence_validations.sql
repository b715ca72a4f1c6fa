CREATE TABLE "licence_validations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "licence_validations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"licence_id" text,
	"machine_fingerprint_hash" text NOT NULL,
	"product_version" text NOT NULL,
	"code" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ip_address" text
);
--> statement-breakpoint
ALTER TABLE "licence_attach_conflicts" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "licence_attach_conflicts" ADD COLUMN "resolution_reason" text;--> statement-breakpoint
CREATE INDEX "licence_validations_licence_idx" ON "licence_validations" USING btree ("licence_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "licence_validations_at_idx" ON "licence_validations" USING btree ("at");--> statement-breakpoint
ALTER TABLE "licence_attach_conflicts" ADD CONSTRAINT "licence_attach_conflicts_resolution_known" CHECK (("licence_attach_conflicts"."resolved_at" is null and "licence_attach_conflicts"."resolution" is null) or ("licence_attach_conflicts"."resolved_at" is not null and "licence_attach_conflicts"."resolution" in ('moved', 'dismissed')));