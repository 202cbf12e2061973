DROP INDEX "disease_cases_id_number_idx";--> statement-breakpoint
DROP INDEX "injury_cases_id_number_idx";--> statement-breakpoint
DROP INDEX "insured_persons_key";--> statement-breakpoint
ALTER TABLE "disease_cases" ADD COLUMN "id_number_index" text;--> statement-breakpoint
ALTER TABLE "injury_cases" ADD COLUMN "id_number_index" text;--> statement-breakpoint
ALTER TABLE "insured_persons" ADD COLUMN "id_number_index" text;--> statement-breakpoint
ALTER TABLE "insured_persons" ADD COLUMN "sex" text;--> statement-breakpoint
ALTER TABLE "insured_persons" ADD COLUMN "birth_date" date;--> statement-breakpoint
CREATE INDEX "disease_cases_id_number_index_idx" ON "disease_cases" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "injury_cases_id_number_index_idx" ON "injury_cases" USING btree ("id_number_index");--> statement-breakpoint
CREATE UNIQUE INDEX "insured_persons_key" ON "insured_persons" USING btree ("employer_id","year","id_number_index");