CREATE TABLE "member_consents" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"kind" text NOT NULL,
	"version" text NOT NULL,
	"agreed_at" timestamp with time zone NOT NULL,
	"ip_address" text
);
--> statement-breakpoint
CREATE TABLE "member_email_changes" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"new_email" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "terms_documents" (
	"kind" text NOT NULL,
	"version" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "terms_documents_kind_version_pk" PRIMARY KEY("kind","version"),
	CONSTRAINT "terms_documents_kind_known" CHECK ("terms_documents"."kind" in ('terms', 'privacy'))
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "member_kind" text DEFAULT 'individual' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "company_name" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "department" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "postal_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "prefecture" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "city" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "street" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "building" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "phone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "second_factor_channel" text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "mobile_phone" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "marketing_opt_in" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "member_consents" ADD CONSTRAINT "member_consents_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_consents" ADD CONSTRAINT "member_consents_document_fk" FOREIGN KEY ("kind","version") REFERENCES "public"."terms_documents"("kind","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_email_changes" ADD CONSTRAINT "member_email_changes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_consents_member_idx" ON "member_consents" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_email_changes_member_idx" ON "member_email_changes" USING btree ("member_id");--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_kind_known" CHECK ("members"."member_kind" in ('corporate', 'individual'));--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_second_factor_channel_known" CHECK ("members"."second_factor_channel" in ('email', 'sms'));--> statement-breakpoint
-- The demo store's first published terms of use and privacy policy, so registration can ask for consent from the first start.
INSERT INTO "terms_documents" ("kind", "version", "title", "body", "published_at") VALUES
('terms', '2026-04-01', '利用規約', E'# 利用規約\n\nこの利用規約（以下「本規約」）は、keiyaku デモストア（以下「当ストア」）が提供するサービスの利用条件を定めるものです。会員は、本規約に同意したうえで会員登録を行うものとします。\n\n## 第1条（会員登録）\n\n1. 会員登録を希望する方は、当ストアの定める方法で正確な情報を届け出るものとします。\n2. 当ストアは、届出の内容に虚偽がある場合、登録を承認しないことがあります。\n\n## 第2条（ログインIDとパスワードの管理）\n\n会員は、自己の責任でログインIDとパスワードを管理し、第三者に利用させてはなりません。\n\n## 第3条（契約と料金）\n\n各サービスの契約期間、料金、締め日と支払期日は、申込時に表示する条件によります。\n\n## 第4条（届出事項の変更）\n\n会員は、氏名、住所、電話番号、メールアドレスなどに変更があった場合、マイページから速やかに変更するものとします。決済代行会社に届け出た情報は自動では変更されません。\n\n## 第5条（規約の変更）\n\n当ストアは本規約を変更することがあります。変更後の規約は、当ストアが定める日から効力を生じます。\n', '2026-04-01T00:00:00+09:00'),
('privacy', '2026-04-01', 'プライバシーポリシー', E'# プライバシーポリシー\n\nkeiyaku デモストア（以下「当ストア」）は、会員の個人情報を以下のとおり取り扱います。\n\n## 1. 取得する情報\n\n氏名、フリガナ、会社名、部署名、住所、電話番号、メールアドレス、ログインID、ご利用履歴、同意の記録（日時とIPアドレス）。\n\n## 2. 利用目的\n\n- サービスの提供、契約の管理、請求と入金の確認\n- 本人確認とログイン時の確認コードの送信\n- お問い合わせへの回答\n- ご希望いただいた場合に限り、新サービスやキャンペーンのご案内\n\n## 3. 第三者への提供\n\n法令に基づく場合と、決済代行会社やサービス提供元に契約の履行に必要な範囲で提供する場合を除き、本人の同意なく第三者に提供しません。\n\n## 4. 開示・訂正・利用停止\n\n会員は、マイページまたはお問い合わせ窓口から、自己の情報の開示、訂正、利用停止を求めることができます。\n', '2026-04-01T00:00:00+09:00');
