DROP INDEX "exchange_staging_batch_idx";--> statement-breakpoint
ALTER TABLE "disease_cases" ADD COLUMN "batch_line" integer;--> statement-breakpoint
ALTER TABLE "fund_accounts" ADD COLUMN "batch_line" integer;--> statement-breakpoint
ALTER TABLE "injury_cases" ADD COLUMN "batch_line" integer;--> statement-breakpoint
ALTER TABLE "insured_headcounts" ADD COLUMN "batch_line" integer;--> statement-breakpoint
ALTER TABLE "insured_persons" ADD COLUMN "batch_line" integer;--> statement-breakpoint
ALTER TABLE "safety_accidents" ADD COLUMN "batch_line" integer;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "source_line" integer;--> statement-breakpoint
CREATE INDEX "exchange_staging_batch_idx" ON "exchange_staging" USING btree ("batch_id","line");