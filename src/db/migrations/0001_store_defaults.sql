-- The demo store's identity, so a new store shows something true before the operator edits it.
INSERT INTO "store_settings" ("id", "name", "issuer_name", "registration_number", "postal_code", "address", "phone", "email", "business_hours", "tax_rounding", "updated_at")
VALUES (1, 'keiyaku デモストア', '株式会社けいやくデモ', 'T6012345678901', '100-0005', '東京都千代田区丸の内1-1-1', '03-1234-5678', 'support@keiyaku.invalid', '平日 9:00〜18:00（土日祝・年末年始を除く）', 'floor', now())
ON CONFLICT ("id") DO NOTHING;
