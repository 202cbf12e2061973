-- The training module's 身份证号 and names under the registry of encrypted columns (decision 0042,
-- "The training module"): the number becomes text (room for SM4 ciphertext) and each table gains
-- the lookup key `id_number_index` that replaces the number in every unique key and join, and
-- key-post holders their birth date (age bands no longer read the number). Existing rows are
-- plaintext (SQL has no key), so the key is the normalised number, as `PiiCrypto.index` gives
-- with encryption off (0026 did the same); `pii encrypt` encrypts the rows and rewrites the key,
-- and the start-up check refuses PII_ENCRYPTION=sm4 until it has run.
DROP INDEX "project_trainees_key";--> statement-breakpoint
DROP INDEX "school_students_key";--> statement-breakpoint
DROP INDEX "key_post_holders_person_idx";--> statement-breakpoint
DROP INDEX "key_post_holders_live_key";--> statement-breakpoint
DROP INDEX "training_completions_once_key";--> statement-breakpoint
DROP INDEX "training_completions_person_idx";--> statement-breakpoint
ALTER TABLE "training_exam_attempts" ALTER COLUMN "id_number" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "project_trainees" ALTER COLUMN "id_number" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "school_students" ALTER COLUMN "id_number" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "key_post_holders" ALTER COLUMN "id_number" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "training_completions" ALTER COLUMN "id_number" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "training_exam_attempts" ADD COLUMN "id_number_index" text;--> statement-breakpoint
ALTER TABLE "project_trainees" ADD COLUMN "id_number_index" text;--> statement-breakpoint
ALTER TABLE "school_students" ADD COLUMN "id_number_index" text;--> statement-breakpoint
ALTER TABLE "key_post_holders" ADD COLUMN "id_number_index" text;--> statement-breakpoint
ALTER TABLE "key_post_holders" ADD COLUMN "birth_date" date;--> statement-breakpoint
ALTER TABLE "training_completions" ADD COLUMN "id_number_index" text;--> statement-breakpoint
UPDATE "training_exam_attempts" SET "id_number_index" = upper(trim("id_number"));--> statement-breakpoint
UPDATE "project_trainees" SET "id_number_index" = upper(trim("id_number"));--> statement-breakpoint
UPDATE "school_students" SET "id_number_index" = upper(trim("id_number"));--> statement-breakpoint
UPDATE "key_post_holders" SET "id_number_index" = upper(trim("id_number")),
  "birth_date" = to_date(substr(upper(trim("id_number")), 7, 8), 'YYYYMMDD');--> statement-breakpoint
UPDATE "training_completions" SET "id_number_index" = upper(trim("id_number"));--> statement-breakpoint
ALTER TABLE "training_exam_attempts" ALTER COLUMN "id_number_index" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "project_trainees" ALTER COLUMN "id_number_index" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "school_students" ALTER COLUMN "id_number_index" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "key_post_holders" ALTER COLUMN "id_number_index" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "training_completions" ALTER COLUMN "id_number_index" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "key_post_holders" ALTER COLUMN "birth_date" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "project_trainees_key" ON "project_trainees" USING btree ("project_id","id_number_index");--> statement-breakpoint
CREATE UNIQUE INDEX "school_students_key" ON "school_students" USING btree ("class_id","id_number_index");--> statement-breakpoint
CREATE INDEX "key_post_holders_person_idx" ON "key_post_holders" USING btree ("id_number_index");--> statement-breakpoint
CREATE UNIQUE INDEX "key_post_holders_live_key" ON "key_post_holders" USING btree ("employer_id","role_id","id_number_index") WHERE "key_post_holders"."ended_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "training_completions_once_key" ON "training_completions" USING btree ("course_id","id_number_index","completed_on");--> statement-breakpoint
CREATE INDEX "training_completions_person_idx" ON "training_completions" USING btree ("id_number_index");