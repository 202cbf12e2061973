ALTER TABLE "disease_cases" ALTER COLUMN "id_number_index" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "injury_cases" ALTER COLUMN "id_number_index" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "insured_persons" ALTER COLUMN "id_number_index" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "insured_persons" ALTER COLUMN "sex" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "insured_persons" ALTER COLUMN "birth_date" SET NOT NULL;