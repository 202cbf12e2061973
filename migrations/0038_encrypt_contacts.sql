ALTER TABLE "experts" ADD COLUMN "id_number_index" text;--> statement-breakpoint
CREATE INDEX "experts_id_number_index_idx" ON "experts" USING btree ("id_number_index");