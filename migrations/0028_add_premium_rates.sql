CREATE TABLE "employer_contributions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "employer_contributions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"employer_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"insured_from" date NOT NULL,
	"wage_bill_fen" bigint NOT NULL,
	"premiums_paid_fen" bigint NOT NULL,
	"benefits_paid_fen" bigint NOT NULL,
	"arrears_fen" bigint DEFAULT 0 NOT NULL,
	"batch_id" integer NOT NULL,
	"batch_line" integer,
	CONSTRAINT "employer_contributions_amounts_check" CHECK ("employer_contributions"."wage_bill_fen" >= 0 and "employer_contributions"."premiums_paid_fen" >= 0 and "employer_contributions"."benefits_paid_fen" >= 0 and "employer_contributions"."arrears_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rate_appeal_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rate_appeal_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"appeal_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_user_id" integer NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_appeals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rate_appeals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"assignment_id" integer NOT NULL,
	"employer_id" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_by_user_id" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decision_note" text,
	"corrected_multiplier_pct" smallint,
	"decided_by_user_id" integer,
	"decided_at" timestamp with time zone,
	CONSTRAINT "rate_appeals_status_check" CHECK ("rate_appeals"."status" in ('submitted','upheld','dismissed'))
);
--> statement-breakpoint
CREATE TABLE "rate_assignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rate_assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"run_id" integer NOT NULL,
	"employer_id" integer NOT NULL,
	"status" text NOT NULL,
	"risk_class" smallint,
	"base_rate_bp" integer,
	"multiplier_pct" smallint,
	"rate_micro" integer,
	"projected_multiplier_pct" smallint,
	"projected_rate_micro" integer,
	"wage_bill_fen" bigint,
	"figures" jsonb NOT NULL,
	"rationale_zh" text NOT NULL,
	"rationale_en" text NOT NULL,
	"projected_rationale_zh" text,
	"projected_rationale_en" text,
	"corrected_multiplier_pct" smallint,
	"corrected_rate_micro" integer
);
--> statement-breakpoint
CREATE TABLE "rate_rule_sets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rate_rule_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"version" smallint NOT NULL,
	"name" text NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"note" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"effective_from" date NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by_user_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"reviewed_by_user_id" integer,
	"reviewed_by_organisation_id" integer,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"adopted_by_user_id" integer,
	"adopted_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"superseded_by_id" integer,
	CONSTRAINT "rate_rule_sets_status_check" CHECK ("rate_rule_sets"."status" in ('draft','reviewed','adopted','superseded'))
);
--> statement-breakpoint
CREATE TABLE "rate_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rate_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"rule_set_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"rate_year" smallint NOT NULL,
	"cycle_from_year" smallint NOT NULL,
	"cycle_to_year" smallint NOT NULL,
	"ran_by_user_id" integer NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone,
	"summary" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employer_contributions" ADD CONSTRAINT "employer_contributions_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_appeal_files" ADD CONSTRAINT "rate_appeal_files_appeal_id_rate_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."rate_appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_appeals" ADD CONSTRAINT "rate_appeals_assignment_id_rate_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."rate_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_appeals" ADD CONSTRAINT "rate_appeals_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_assignments" ADD CONSTRAINT "rate_assignments_run_id_rate_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."rate_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_assignments" ADD CONSTRAINT "rate_assignments_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_rule_sets" ADD CONSTRAINT "rate_rule_sets_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_rule_sets" ADD CONSTRAINT "rate_rule_sets_reviewed_by_organisation_id_organisations_id_fk" FOREIGN KEY ("reviewed_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_runs" ADD CONSTRAINT "rate_runs_rule_set_id_rate_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rate_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_runs" ADD CONSTRAINT "rate_runs_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employer_contributions_key" ON "employer_contributions" USING btree ("employer_id","year");--> statement-breakpoint
CREATE INDEX "employer_contributions_batch_idx" ON "employer_contributions" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "rate_appeals_assignment_idx" ON "rate_appeals" USING btree ("assignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rate_assignments_key" ON "rate_assignments" USING btree ("run_id","employer_id");--> statement-breakpoint
CREATE INDEX "rate_assignments_employer_idx" ON "rate_assignments" USING btree ("employer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rate_rule_sets_version_key" ON "rate_rule_sets" USING btree ("jurisdiction_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "rate_rule_sets_adopted_key" ON "rate_rule_sets" USING btree ("jurisdiction_id") WHERE "rate_rule_sets"."status" = 'adopted';--> statement-breakpoint
CREATE INDEX "rate_runs_jurisdiction_idx" ON "rate_runs" USING btree ("jurisdiction_id","rate_year");