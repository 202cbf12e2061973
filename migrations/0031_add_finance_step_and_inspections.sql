CREATE TABLE "inspection_employers" (
	"inspection_id" integer NOT NULL,
	"employer_id" integer NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "inspection_employers_inspection_id_employer_id_pk" PRIMARY KEY("inspection_id","employer_id"),
	CONSTRAINT "inspection_employers_source_check" CHECK ("inspection_employers"."source" in ('ledger','monitoring'))
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"inspection_id" integer NOT NULL,
	"employer_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"department" text NOT NULL,
	"checklist" jsonb NOT NULL,
	"finding" text NOT NULL,
	"is_hazard" boolean NOT NULL,
	"rectification_id" integer,
	"recorded_by_user_id" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_photos" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"finding_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_user_id" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_inspections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "joint_inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"meeting_id" integer,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"member_unit_ids" jsonb NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_inspections_dates_check" CHECK ("joint_inspections"."ends_on" >= "joint_inspections"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "budget_decisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "budget_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"budget_id" integer NOT NULL,
	"step" text NOT NULL,
	"amount_fen" bigint,
	"reason" text NOT NULL,
	"actor_user_id" integer,
	"actor_name" text NOT NULL,
	"organisation_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_decisions_step_check" CHECK ("budget_decisions"."step" in ('submit','approve','return'))
);
--> statement-breakpoint
ALTER TABLE "prevention_budgets" ADD COLUMN "finance_status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "prevention_budgets" ADD COLUMN "approved_fen" bigint;--> statement-breakpoint
ALTER TABLE "prevention_budgets" ADD COLUMN "proposal_note" text;--> statement-breakpoint
ALTER TABLE "inspection_employers" ADD CONSTRAINT "inspection_employers_inspection_id_joint_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."joint_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_employers" ADD CONSTRAINT "inspection_employers_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_inspection_id_joint_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."joint_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_unit_id_organisations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_rectification_id_rectifications_id_fk" FOREIGN KEY ("rectification_id") REFERENCES "public"."rectifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_photos" ADD CONSTRAINT "inspection_photos_finding_id_inspection_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."inspection_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_inspections" ADD CONSTRAINT "joint_inspections_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_inspections" ADD CONSTRAINT "joint_inspections_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_decisions" ADD CONSTRAINT "budget_decisions_budget_id_prevention_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."prevention_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_decisions" ADD CONSTRAINT "budget_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_findings_inspection_idx" ON "inspection_findings" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_findings_employer_idx" ON "inspection_findings" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "inspection_photos_finding_idx" ON "inspection_photos" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "joint_inspections_jurisdiction_idx" ON "joint_inspections" USING btree ("jurisdiction_id","starts_on");--> statement-breakpoint
CREATE INDEX "budget_decisions_budget_idx" ON "budget_decisions" USING btree ("budget_id");--> statement-breakpoint
ALTER TABLE "prevention_budgets" ADD CONSTRAINT "prevention_budgets_finance_status_check" CHECK ("prevention_budgets"."finance_status" in ('draft','submitted','approved','returned'));--> statement-breakpoint
ALTER TABLE "prevention_budgets" ADD CONSTRAINT "prevention_budgets_approved_check" CHECK ("prevention_budgets"."approved_fen" is null or ("prevention_budgets"."approved_fen" >= 0 and "prevention_budgets"."approved_fen" <= "prevention_budgets"."cap_fen"));