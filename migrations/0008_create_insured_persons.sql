CREATE TABLE "insured_persons" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "insured_persons_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"employer_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"id_number" text NOT NULL,
	"person_name" text NOT NULL,
	"insured_from" date NOT NULL,
	"batch_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "insured_persons" ADD CONSTRAINT "insured_persons_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "insured_persons_key" ON "insured_persons" USING btree ("employer_id","year","id_number");--> statement-breakpoint
CREATE INDEX "insured_persons_batch_idx" ON "insured_persons" USING btree ("batch_id");