CREATE TABLE "inquiries" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"category" text NOT NULL,
	"subject" text NOT NULL,
	"message" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"member_id" text,
	"locale" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"assignee_operator_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inquiries_number_unique" UNIQUE("number"),
	CONSTRAINT "inquiries_category_known" CHECK ("inquiries"."category" in ('unlock', 'withdrawal', 'login_id', 'start_date', 'billing', 'other')),
	CONSTRAINT "inquiries_status_known" CHECK ("inquiries"."status" in ('new', 'in_progress', 'answered', 'closed')),
	CONSTRAINT "inquiries_locale_known" CHECK ("inquiries"."locale" in ('ja', 'en'))
);
--> statement-breakpoint
CREATE TABLE "inquiry_guest_submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"client_address" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"inquiry_id" text NOT NULL,
	"direction" text NOT NULL,
	"body" text NOT NULL,
	"author_kind" text NOT NULL,
	"author_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inquiry_messages_direction_known" CHECK ("inquiry_messages"."direction" in ('from_customer', 'to_customer', 'internal_note')),
	CONSTRAINT "inquiry_messages_author_kind_known" CHECK ("inquiry_messages"."author_kind" in ('member', 'operator'))
);
--> statement-breakpoint
CREATE TABLE "inquiry_number_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_messages" ADD CONSTRAINT "inquiry_messages_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inquiries_member_idx" ON "inquiries" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "inquiries_status_idx" ON "inquiries" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "inquiry_guest_submissions_address_idx" ON "inquiry_guest_submissions" USING btree ("client_address","submitted_at");--> statement-breakpoint
CREATE INDEX "inquiry_messages_inquiry_idx" ON "inquiry_messages" USING btree ("inquiry_id","created_at");