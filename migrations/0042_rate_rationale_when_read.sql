ALTER TABLE "rate_assignments" ALTER COLUMN "rationale_zh" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "rate_assignments" ALTER COLUMN "rationale_en" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "rate_assignments" ADD COLUMN "basis" jsonb;