CREATE TABLE "expert_draws" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expert_draws_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"size" integer NOT NULL,
	"field_mix" jsonb NOT NULL,
	"commitment" text NOT NULL,
	"secret" text NOT NULL,
	"beacon_source" text NOT NULL,
	"beacon_value" text,
	"seed" text,
	"algorithm" text NOT NULL,
	"candidates" jsonb,
	"exclusions" jsonb,
	"picks" jsonb,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"scheduled_by" text NOT NULL,
	"scheduled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"drawn_by" text,
	"drawn_at" timestamp with time zone,
	CONSTRAINT "expert_draws_size_check" CHECK ("expert_draws"."size" >= 3 and "expert_draws"."size" % 2 = 1)
);
--> statement-breakpoint
CREATE TABLE "expert_fields" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expert_fields_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"jurisdiction_id" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expert_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"expert_id" integer NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_records_kind_check" CHECK ("expert_records"."kind" in ('qualification','evaluation','discipline','suspension','reinstatement','renewal'))
);
--> statement-breakpoint
CREATE TABLE "expert_relations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expert_relations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"expert_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"relation" text NOT NULL,
	"declared_by" text NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_shares" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expert_shares_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"expert_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"agreement" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_shares_dates_check" CHECK ("expert_shares"."valid_to" >= "expert_shares"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "experts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"user_id" integer,
	"name" text NOT NULL,
	"id_number" text,
	"phone" text,
	"employer_organisation_id" integer,
	"employer_name" text NOT NULL,
	"title" text NOT NULL,
	"recommending_unit" text NOT NULL,
	"fields" jsonb NOT NULL,
	"specialist_group" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"term_start" date,
	"term_end" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experts_status_check" CHECK ("experts"."status" in ('pending','active','rejected','suspended','expired')),
	CONSTRAINT "experts_term_check" CHECK ("experts"."term_end" is null or "experts"."term_end" > "experts"."term_start")
);
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "panel_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"draw_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"expert_id" integer NOT NULL,
	"step" integer NOT NULL,
	"field" text,
	"status" text DEFAULT 'invited' NOT NULL,
	"decline_reason" text,
	"scores" jsonb,
	"total" integer,
	"comment" text,
	"scored_at" timestamp with time zone,
	CONSTRAINT "panel_members_status_check" CHECK ("panel_members"."status" in ('invited','declined')),
	CONSTRAINT "panel_members_total_check" CHECK ("panel_members"."total" is null or ("panel_members"."total" between 0 and 100))
);
--> statement-breakpoint
CREATE TABLE "barred_organisations" (
	"organisation_id" integer PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"barred_by" text NOT NULL,
	"barred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prevention_budgets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "prevention_budgets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"base_income_fen" bigint NOT NULL,
	"cap_basis_points" integer NOT NULL,
	"cap_fen" bigint NOT NULL,
	"budget_fen" bigint NOT NULL,
	"committed_fen" bigint DEFAULT 0 NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"key_fields" jsonb NOT NULL,
	"notice_from" date,
	"notice_to" date,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prevention_budgets_amounts_check" CHECK ("prevention_budgets"."committed_fen" >= 0 and "prevention_budgets"."paid_fen" >= 0 and "prevention_budgets"."budget_fen" >= 0 and "prevention_budgets"."committed_fen" + "prevention_budgets"."paid_fen" <= "prevention_budgets"."budget_fen" and "prevention_budgets"."budget_fen" <= "prevention_budgets"."cap_fen")
);
--> statement-breakpoint
CREATE TABLE "prevention_projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "prevention_projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"applicant_organisation_id" integer NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"key_field" text NOT NULL,
	"summary" text NOT NULL,
	"industry_code" text,
	"budget_lines" jsonb NOT NULL,
	"requested_fen" bigint NOT NULL,
	"status" text DEFAULT 'declared' NOT NULL,
	"review_score" numeric(5, 2),
	"service_organisation_id" integer,
	"agreement_no" text,
	"agreement_signed_on" date,
	"filed_with_hrss_on" date,
	"contract_fen" bigint,
	"prepay_percent" integer,
	"deduction_fen" bigint DEFAULT 0 NOT NULL,
	"performance_targets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"performance_results" jsonb,
	"is_showcase" boolean DEFAULT false NOT NULL,
	"showcase_note" text,
	"disclosure_text" text,
	"disclosed_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prevention_projects_type_check" CHECK ("prevention_projects"."type" in ('publicity','training')),
	CONSTRAINT "prevention_projects_amounts_check" CHECK ("prevention_projects"."requested_fen" > 0 and ("prevention_projects"."contract_fen" is null or "prevention_projects"."contract_fen" > 0) and "prevention_projects"."deduction_fen" >= 0 and ("prevention_projects"."contract_fen" is null or "prevention_projects"."deduction_fen" <= "prevention_projects"."contract_fen"))
);
--> statement-breakpoint
CREATE TABLE "project_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"details" jsonb,
	"actor_user_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_payments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"budget_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_by" text NOT NULL,
	"paid_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_payments_kind_check" CHECK ("project_payments"."kind" in ('prepayment','balance')),
	CONSTRAINT "project_payments_amount_check" CHECK ("project_payments"."amount_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "expert_draws" ADD CONSTRAINT "expert_draws_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_fields" ADD CONSTRAINT "expert_fields_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_records" ADD CONSTRAINT "expert_records_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_relations" ADD CONSTRAINT "expert_relations_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_relations" ADD CONSTRAINT "expert_relations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_shares" ADD CONSTRAINT "expert_shares_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_shares" ADD CONSTRAINT "expert_shares_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_employer_organisation_id_organisations_id_fk" FOREIGN KEY ("employer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_draw_id_expert_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."expert_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barred_organisations" ADD CONSTRAINT "barred_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_budgets" ADD CONSTRAINT "prevention_budgets_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_projects" ADD CONSTRAINT "prevention_projects_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_projects" ADD CONSTRAINT "prevention_projects_applicant_organisation_id_organisations_id_fk" FOREIGN KEY ("applicant_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_projects" ADD CONSTRAINT "prevention_projects_service_organisation_id_organisations_id_fk" FOREIGN KEY ("service_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_events" ADD CONSTRAINT "project_events_project_id_prevention_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."prevention_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_payments" ADD CONSTRAINT "project_payments_project_id_prevention_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."prevention_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_payments" ADD CONSTRAINT "project_payments_budget_id_prevention_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."prevention_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expert_draws_project_key" ON "expert_draws" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_fields_name_key" ON "expert_fields" USING btree ("name","jurisdiction_id");--> statement-breakpoint
CREATE INDEX "expert_records_expert_idx" ON "expert_records" USING btree ("expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_relations_key" ON "expert_relations" USING btree ("expert_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_shares_key" ON "expert_shares" USING btree ("expert_id","jurisdiction_id");--> statement-breakpoint
CREATE INDEX "experts_jurisdiction_idx" ON "experts" USING btree ("jurisdiction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_user_key" ON "experts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "panel_members_key" ON "panel_members" USING btree ("draw_id","expert_id");--> statement-breakpoint
CREATE INDEX "panel_members_expert_idx" ON "panel_members" USING btree ("expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "prevention_budgets_key" ON "prevention_budgets" USING btree ("jurisdiction_id","year");--> statement-breakpoint
CREATE INDEX "prevention_projects_jurisdiction_idx" ON "prevention_projects" USING btree ("jurisdiction_id","year");--> statement-breakpoint
CREATE INDEX "prevention_projects_applicant_idx" ON "prevention_projects" USING btree ("applicant_organisation_id");--> statement-breakpoint
CREATE INDEX "project_events_project_idx" ON "project_events" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_payments_once_key" ON "project_payments" USING btree ("project_id","kind");