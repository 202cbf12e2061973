ALTER TABLE "exchange_rejected_rows" ALTER COLUMN "raw" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "exchange_staging" ALTER COLUMN "raw" DROP NOT NULL;