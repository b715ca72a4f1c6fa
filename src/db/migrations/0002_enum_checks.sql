ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_kind_known" CHECK ("audit_log"."actor_kind" in ('member', 'operator', 'system', 'cli'));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_status_known" CHECK ("outbox"."status" in ('pending', 'dispatched', 'delivered', 'failed'));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_channel_known" CHECK ("outbox"."channel" in ('mail'));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_locale_known" CHECK ("outbox"."locale" in ('ja', 'en'));--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_tax_rounding_known" CHECK ("store_settings"."tax_rounding" in ('floor', 'round', 'ceil'));