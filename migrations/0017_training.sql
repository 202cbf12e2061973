CREATE TABLE "key_post_holders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "key_post_holders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"employer_id" integer NOT NULL,
	"role_id" integer NOT NULL,
	"person_name" text NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"source" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_post_holders_source_check" CHECK ("key_post_holders"."source" in ('employer','hrss','import')),
	CONSTRAINT "key_post_holders_dates_check" CHECK ("key_post_holders"."ended_on" is null or "key_post_holders"."ended_on" >= "key_post_holders"."started_on")
);
--> statement-breakpoint
CREATE TABLE "training_completions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_completions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"course_id" integer NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"person_name" text NOT NULL,
	"employer_id" integer,
	"completed_on" date NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"method" text NOT NULL,
	"score" smallint,
	"certificate_number" text NOT NULL,
	"valid_until" date NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_completions_method_check" CHECK ("training_completions"."method" in ('offline','online','exam'))
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_courses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"title" text NOT NULL,
	"form" text NOT NULL,
	"role_codes" jsonb NOT NULL,
	"industry_prefixes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"content_items" jsonb NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"provider_organisation_id" integer,
	"project_id" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_form_check" CHECK ("training_courses"."form" in ('online','offline','mixed')),
	CONSTRAINT "training_courses_status_check" CHECK ("training_courses"."status" in ('active','retired')),
	CONSTRAINT "training_courses_hours_check" CHECK ("training_courses"."hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_roles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_roles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_period_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_period_id" integer NOT NULL,
	"jurisdiction_id" integer,
	"coverage_pct" numeric(5, 2) NOT NULL,
	"due_date" date NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "training_targets_key" UNIQUE NULLS NOT DISTINCT("plan_period_id","jurisdiction_id")
);
--> statement-breakpoint
ALTER TABLE "key_post_holders" ADD CONSTRAINT "key_post_holders_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_post_holders" ADD CONSTRAINT "key_post_holders_role_id_training_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."training_roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_provider_organisation_id_organisations_id_fk" FOREIGN KEY ("provider_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_roles" ADD CONSTRAINT "training_roles_plan_period_id_plan_periods_id_fk" FOREIGN KEY ("plan_period_id") REFERENCES "public"."plan_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_targets" ADD CONSTRAINT "training_targets_plan_period_id_plan_periods_id_fk" FOREIGN KEY ("plan_period_id") REFERENCES "public"."plan_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_targets" ADD CONSTRAINT "training_targets_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_post_holders_employer_idx" ON "key_post_holders" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "key_post_holders_person_idx" ON "key_post_holders" USING btree ("id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "key_post_holders_live_key" ON "key_post_holders" USING btree ("employer_id","role_id","id_number") WHERE "key_post_holders"."ended_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "training_completions_certificate_key" ON "training_completions" USING btree ("certificate_number");--> statement-breakpoint
CREATE UNIQUE INDEX "training_completions_once_key" ON "training_completions" USING btree ("course_id","id_number","completed_on");--> statement-breakpoint
CREATE INDEX "training_completions_person_idx" ON "training_completions" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "training_courses_jurisdiction_idx" ON "training_courses" USING btree ("jurisdiction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_roles_key" ON "training_roles" USING btree ("plan_period_id","code");