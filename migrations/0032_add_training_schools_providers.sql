CREATE TABLE "training_coverage_cells" (
	"plan_period_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"role_code" text NOT NULL,
	"industry" text NOT NULL,
	"posts" integer NOT NULL,
	"due" integer NOT NULL,
	"in_grace" integer NOT NULL,
	"trained" integer NOT NULL,
	CONSTRAINT "training_coverage_cells_plan_period_id_jurisdiction_id_role_code_industry_pk" PRIMARY KEY("plan_period_id","jurisdiction_id","role_code","industry")
);
--> statement-breakpoint
CREATE TABLE "training_coverage_state" (
	"plan_period_id" integer PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_trainees" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_trainees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"person_name" text NOT NULL,
	"holder_id" integer,
	"trained_on" date NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_provider_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_provider_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"provider_id" integer NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_providers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_providers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"kind" text NOT NULL,
	"services" text NOT NULL,
	"url" text,
	"qualifications" text NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"review" jsonb,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"listed_at" timestamp with time zone,
	"reason" text,
	"removed_at" timestamp with time zone,
	"applied_by" text NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_providers_kind_check" CHECK ("training_providers"."kind" in ('institution','online_platform')),
	CONSTRAINT "training_providers_status_check" CHECK ("training_providers"."status" in ('applied','rejected','listed','removed'))
);
--> statement-breakpoint
CREATE TABLE "internship_placements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "internship_placements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"student_id" integer NOT NULL,
	"host_name" text NOT NULL,
	"host_employer_id" integer,
	"starts_on" date NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "school_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"student_id" integer NOT NULL,
	"assessed_on" date NOT NULL,
	"score" smallint NOT NULL,
	"pass_mark" smallint NOT NULL,
	"is_passed" boolean NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_assessments_score_check" CHECK ("school_assessments"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "school_classes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "school_classes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"school_id" integer NOT NULL,
	"cohort" smallint NOT NULL,
	"name" text NOT NULL,
	"major" text,
	"course_id" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_classes_cohort_check" CHECK ("school_classes"."cohort" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "school_students" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "school_students_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"class_id" integer NOT NULL,
	"person_name" text NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_coverage_cells" ADD CONSTRAINT "training_coverage_cells_plan_period_id_plan_periods_id_fk" FOREIGN KEY ("plan_period_id") REFERENCES "public"."plan_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_coverage_cells" ADD CONSTRAINT "training_coverage_cells_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_coverage_state" ADD CONSTRAINT "training_coverage_state_plan_period_id_plan_periods_id_fk" FOREIGN KEY ("plan_period_id") REFERENCES "public"."plan_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_provider_events" ADD CONSTRAINT "training_provider_events_provider_id_training_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."training_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_providers" ADD CONSTRAINT "training_providers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_providers" ADD CONSTRAINT "training_providers_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_student_id_school_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."school_students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_host_employer_id_organisations_id_fk" FOREIGN KEY ("host_employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_assessments" ADD CONSTRAINT "school_assessments_student_id_school_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."school_students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_classes" ADD CONSTRAINT "school_classes_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_classes" ADD CONSTRAINT "school_classes_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_students" ADD CONSTRAINT "school_students_class_id_school_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."school_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_trainees_key" ON "project_trainees" USING btree ("project_id","id_number");--> statement-breakpoint
CREATE INDEX "training_provider_events_provider_idx" ON "training_provider_events" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "training_providers_jurisdiction_idx" ON "training_providers" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE INDEX "internship_placements_student_idx" ON "internship_placements" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "school_assessments_student_idx" ON "school_assessments" USING btree ("student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "school_classes_key" ON "school_classes" USING btree ("school_id","cohort","name");--> statement-breakpoint
CREATE UNIQUE INDEX "school_students_key" ON "school_students" USING btree ("class_id","id_number");