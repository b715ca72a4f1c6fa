CREATE TABLE "dev_sms" (
	"id" text PRIMARY KEY NOT NULL,
	"outbox_id" text NOT NULL,
	"to_number" text NOT NULL,
	"body" text NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dev_sms_outbox_id_unique" UNIQUE("outbox_id")
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_channel_known";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "provider_error_code" text;--> statement-breakpoint
ALTER TABLE "dev_sms" ADD CONSTRAINT "dev_sms_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_channel_known" CHECK ("outbox"."channel" in ('mail', 'sms'));