ALTER TABLE "expert_shares" ADD COLUMN "status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_shares" ADD COLUMN "answered_by" text;--> statement-breakpoint
ALTER TABLE "expert_shares" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "expert_shares" ADD COLUMN "answer_reason" text;--> statement-breakpoint
CREATE INDEX "expert_shares_pending" ON "expert_shares" USING btree ("jurisdiction_id") WHERE "expert_shares"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "expert_shares" ADD CONSTRAINT "expert_shares_status_check" CHECK ("expert_shares"."status" in ('pending','accepted','declined'));