CREATE TABLE "store_clock" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"offset_ms" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "store_clock_single_row" CHECK ("store_clock"."id" = 1),
	CONSTRAINT "store_clock_offset_not_negative" CHECK ("store_clock"."offset_ms" >= 0)
);
