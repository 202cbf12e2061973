-- The person lookup key (decision 0022) of rows imported before it existed: they are plaintext
-- (nothing was encrypted before this migration), so the key is the 身份证号 itself; the insured
-- list's sex and birth date are read from the number (GB 11643: digits 7–14, the 17th odd for men).
UPDATE "injury_cases" SET "id_number_index" = "id_number" WHERE "id_number_index" IS NULL;--> statement-breakpoint
UPDATE "disease_cases" SET "id_number_index" = "id_number" WHERE "id_number_index" IS NULL;--> statement-breakpoint
UPDATE "insured_persons" SET "id_number_index" = "id_number",
  "sex" = CASE WHEN substr("id_number", 17, 1)::int % 2 = 1 THEN 'male' ELSE 'female' END,
  "birth_date" = to_date(substr("id_number", 7, 8), 'YYYYMMDD')
WHERE "id_number_index" IS NULL;
