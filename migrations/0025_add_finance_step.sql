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
ALTER TABLE "budget_decisions" ADD CONSTRAINT "budget_decisions_budget_id_prevention_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."prevention_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_decisions" ADD CONSTRAINT "budget_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_decisions_budget_idx" ON "budget_decisions" USING btree ("budget_id");--> statement-breakpoint
ALTER TABLE "prevention_budgets" ADD CONSTRAINT "prevention_budgets_finance_status_check" CHECK ("prevention_budgets"."finance_status" in ('draft','submitted','approved','returned'));--> statement-breakpoint
ALTER TABLE "prevention_budgets" ADD CONSTRAINT "prevention_budgets_approved_check" CHECK ("prevention_budgets"."approved_fen" is null or ("prevention_budgets"."approved_fen" >= 0 and "prevention_budgets"."approved_fen" <= "prevention_budgets"."cap_fen"));