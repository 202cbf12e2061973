CREATE TABLE "disease_cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disease_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_no" text NOT NULL,
	"employer_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"id_number" text NOT NULL,
	"person_name" text NOT NULL,
	"catalogue_version" text NOT NULL,
	"disease_class" text NOT NULL,
	"disease_name" text NOT NULL,
	"is_pneumoconiosis" boolean NOT NULL,
	"diagnosed_on" date NOT NULL,
	"exposure_years" numeric(4, 1) NOT NULL,
	"batch_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"domain" text NOT NULL,
	"organisation_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"user_id" integer,
	"submitted_by" text NOT NULL,
	"channel" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"file_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"headers" jsonb,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"rejected_rows" integer DEFAULT 0 NOT NULL,
	"warning_rows" integer DEFAULT 0 NOT NULL,
	"pending_employers" integer DEFAULT 0 NOT NULL,
	"expected_rows" integer,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"rows_per_second" real,
	"supersedes_batch_id" integer,
	"supersede_reason" text,
	"superseded_by_batch_id" integer,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exchange_rejected_rows" (
	"batch_id" integer NOT NULL,
	"line" integer NOT NULL,
	"raw" jsonb NOT NULL,
	"issues" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_row_warnings" (
	"batch_id" integer NOT NULL,
	"line" integer NOT NULL,
	"column" text NOT NULL,
	"code" text NOT NULL,
	"params" jsonb
);
--> statement-breakpoint
CREATE TABLE "exchange_staging" (
	"batch_id" integer NOT NULL,
	"line" integer NOT NULL,
	"raw" jsonb NOT NULL,
	"c01" text,
	"c02" text,
	"c03" text,
	"c04" text,
	"c05" text,
	"c06" text,
	"c07" text,
	"c08" text,
	"c09" text,
	"c10" text,
	"c11" text,
	"c12" text,
	"c13" text,
	"c14" text,
	"c15" text,
	"c16" text,
	"c17" text,
	"c18" text
);
--> statement-breakpoint
CREATE TABLE "fund_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"contribution_income_fen" bigint NOT NULL,
	"benefit_expenditure_fen" bigint NOT NULL,
	"prevention_fee_spent_fen" bigint NOT NULL,
	"batch_id" integer NOT NULL,
	CONSTRAINT "fund_accounts_amounts_check" CHECK ("fund_accounts"."contribution_income_fen" >= 0 and "fund_accounts"."benefit_expenditure_fen" >= 0 and "fund_accounts"."prevention_fee_spent_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "injury_cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "injury_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_no" text NOT NULL,
	"employer_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"id_number" text NOT NULL,
	"person_name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"post" text,
	"occurred_on" date NOT NULL,
	"determined_on" date NOT NULL,
	"ground" text NOT NULL,
	"accident_category" text,
	"severity" text NOT NULL,
	"disability_grade" smallint,
	"is_death" boolean NOT NULL,
	"fund_expenditure_fen" bigint NOT NULL,
	"batch_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insured_headcounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "insured_headcounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"employer_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"average_insured" integer NOT NULL,
	"average_paying" integer NOT NULL,
	"employees" integer,
	"batch_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_accidents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "safety_accidents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"accident_no" text NOT NULL,
	"employer_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"category" text NOT NULL,
	"grade" text NOT NULL,
	"deaths" integer NOT NULL,
	"serious_injuries" integer NOT NULL,
	"direct_loss_fen" bigint NOT NULL,
	"batch_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "size_band" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "insurance_status" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "is_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "source_batch_id" integer;--> statement-breakpoint
ALTER TABLE "disease_cases" ADD CONSTRAINT "disease_cases_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disease_cases" ADD CONSTRAINT "disease_cases_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_batches" ADD CONSTRAINT "exchange_batches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_batches" ADD CONSTRAINT "exchange_batches_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rejected_rows" ADD CONSTRAINT "exchange_rejected_rows_batch_id_exchange_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."exchange_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_row_warnings" ADD CONSTRAINT "exchange_row_warnings_batch_id_exchange_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."exchange_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_accounts" ADD CONSTRAINT "fund_accounts_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_cases" ADD CONSTRAINT "injury_cases_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_cases" ADD CONSTRAINT "injury_cases_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insured_headcounts" ADD CONSTRAINT "insured_headcounts_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_accidents" ADD CONSTRAINT "safety_accidents_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_accidents" ADD CONSTRAINT "safety_accidents_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disease_cases_key" ON "disease_cases" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "disease_cases_jurisdiction_idx" ON "disease_cases" USING btree ("jurisdiction_id","diagnosed_on");--> statement-breakpoint
CREATE INDEX "disease_cases_id_number_idx" ON "disease_cases" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "disease_cases_batch_idx" ON "disease_cases" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "exchange_batches_org_idx" ON "exchange_batches" USING btree ("organisation_id","domain");--> statement-breakpoint
CREATE INDEX "exchange_batches_sha_idx" ON "exchange_batches" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "exchange_batches_jurisdiction_idx" ON "exchange_batches" USING btree ("jurisdiction_id");--> statement-breakpoint
CREATE INDEX "exchange_rejected_rows_batch_idx" ON "exchange_rejected_rows" USING btree ("batch_id","line");--> statement-breakpoint
CREATE INDEX "exchange_row_warnings_batch_idx" ON "exchange_row_warnings" USING btree ("batch_id","line");--> statement-breakpoint
CREATE INDEX "exchange_staging_batch_idx" ON "exchange_staging" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_accounts_key" ON "fund_accounts" USING btree ("jurisdiction_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "injury_cases_key" ON "injury_cases" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "injury_cases_employer_idx" ON "injury_cases" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "injury_cases_jurisdiction_idx" ON "injury_cases" USING btree ("jurisdiction_id","occurred_on");--> statement-breakpoint
CREATE INDEX "injury_cases_id_number_idx" ON "injury_cases" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "injury_cases_batch_idx" ON "injury_cases" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "insured_headcounts_key" ON "insured_headcounts" USING btree ("employer_id","year");--> statement-breakpoint
CREATE INDEX "insured_headcounts_batch_idx" ON "insured_headcounts" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "safety_accidents_key" ON "safety_accidents" USING btree ("accident_no");--> statement-breakpoint
CREATE INDEX "safety_accidents_jurisdiction_idx" ON "safety_accidents" USING btree ("jurisdiction_id","occurred_on");--> statement-breakpoint
CREATE INDEX "safety_accidents_employer_idx" ON "safety_accidents" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "safety_accidents_batch_idx" ON "safety_accidents" USING btree ("batch_id");