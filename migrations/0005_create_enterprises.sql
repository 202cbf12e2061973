CREATE TABLE "jurisdiction_settings" (
	"jurisdiction_id" integer NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_industries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "key_industries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_period_id" integer NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"industry_prefixes" jsonb NOT NULL,
	"jurisdiction_id" integer,
	"source" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_industries_category_check" CHECK ("key_industries"."category" in ('key','dust'))
);
--> statement-breakpoint
CREATE TABLE "plan_periods" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_periods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"start_year" smallint NOT NULL,
	"end_year" smallint NOT NULL,
	"baseline_year" smallint NOT NULL,
	"target_reduction_pct" numeric(5, 2) NOT NULL,
	"annual_reduction_pct" numeric(5, 2),
	"source" text NOT NULL,
	CONSTRAINT "plan_periods_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "jurisdiction_settings" ADD CONSTRAINT "jurisdiction_settings_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_industries" ADD CONSTRAINT "key_industries_plan_period_id_plan_periods_id_fk" FOREIGN KEY ("plan_period_id") REFERENCES "public"."plan_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_industries" ADD CONSTRAINT "key_industries_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "jurisdiction_settings_key" ON "jurisdiction_settings" USING btree ("jurisdiction_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "key_industries_name_key" ON "key_industries" USING btree ("plan_period_id","category","name","jurisdiction_id");--> statement-breakpoint
CREATE INDEX "key_industries_period_idx" ON "key_industries" USING btree ("plan_period_id");--> statement-breakpoint
CREATE INDEX "disease_cases_employer_idx" ON "disease_cases" USING btree ("employer_id");