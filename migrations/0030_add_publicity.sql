CREATE TABLE "advanced_examples" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "advanced_examples_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"organisation_id" integer,
	"project_id" integer,
	"year" integer NOT NULL,
	"story" text NOT NULL,
	"figures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'nominated' NOT NULL,
	"review_note" text,
	"nominated_by" text NOT NULL,
	"nominated_at" timestamp with time zone NOT NULL,
	"reviewed_by" text,
	"published_on" date,
	CONSTRAINT "advanced_examples_kind_check" CHECK ("advanced_examples"."subject_kind" in ('employer','project','person')),
	CONSTRAINT "advanced_examples_category_check" CHECK ("advanced_examples"."category" in ('advanced','demonstration')),
	CONSTRAINT "advanced_examples_status_check" CHECK ("advanced_examples"."status" in ('nominated','published','rejected'))
);
--> statement-breakpoint
CREATE TABLE "publicity_campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "publicity_campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"year" integer NOT NULL,
	"plan_period_id" integer NOT NULL,
	"title" text NOT NULL,
	"industries" jsonb NOT NULL,
	"topics" jsonb NOT NULL,
	"organisers" jsonb NOT NULL,
	"channels" jsonb NOT NULL,
	"occasion" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"events" integer,
	"views" integer,
	"participants" integer,
	"enterprises_reached" integer,
	"reach_source" text,
	"summary" text,
	"material_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone,
	"accepted_by" text,
	"accepted_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publicity_campaigns_status_check" CHECK ("publicity_campaigns"."status" in ('planned','recorded','accepted')),
	CONSTRAINT "publicity_campaigns_dates_check" CHECK ("publicity_campaigns"."ends_on" >= "publicity_campaigns"."starts_on"),
	CONSTRAINT "publicity_campaigns_reach_check" CHECK (coalesce("publicity_campaigns"."events",0) >= 0 and coalesce("publicity_campaigns"."views",0) >= 0 and coalesce("publicity_campaigns"."participants",0) >= 0 and coalesce("publicity_campaigns"."enterprises_reached",0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "publicity_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "publicity_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_type" text NOT NULL,
	"owner_id" integer NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"public_sha256" text,
	"public_size_bytes" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publicity_files_owner_check" CHECK ("publicity_files"."owner_type" in ('campaign','base','example')),
	CONSTRAINT "publicity_files_kind_check" CHECK ("publicity_files"."kind" in ('material','photo'))
);
--> statement-breakpoint
CREATE TABLE "warning_base_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warning_base_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"base_id" integer NOT NULL,
	"kind" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"site_visit" text NOT NULL,
	"expert_opinions" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"reviewed_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warning_base_reviews_kind_check" CHECK ("warning_base_reviews"."kind" in ('application','periodic')),
	CONSTRAINT "warning_base_reviews_outcome_check" CHECK ("warning_base_reviews"."outcome" in ('designate','reject','keep','withdraw'))
);
--> statement-breakpoint
CREATE TABLE "warning_base_visits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warning_base_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"base_id" integer NOT NULL,
	"visited_on" date NOT NULL,
	"groups" integer NOT NULL,
	"visitors" integer NOT NULL,
	"enterprises" integer NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warning_base_visits_counts_check" CHECK ("warning_base_visits"."groups" >= 0 and "warning_base_visits"."visitors" >= 0 and "warning_base_visits"."enterprises" >= 0)
);
--> statement-breakpoint
CREATE TABLE "warning_bases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warning_bases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"employer_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"cases" text NOT NULL,
	"exhibits" text NOT NULL,
	"capacity" integer NOT NULL,
	"opening_times" text NOT NULL,
	"booking" text NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"is_provincial" boolean DEFAULT false NOT NULL,
	"applied_by" text NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"designated_on" date,
	"filed_on" date,
	"provincial_on" date,
	"next_review_due" date,
	"withdrawn_on" date,
	"withdrawn_reason" text,
	CONSTRAINT "warning_bases_status_check" CHECK ("warning_bases"."status" in ('applied','designated','rejected','withdrawn')),
	CONSTRAINT "warning_bases_capacity_check" CHECK ("warning_bases"."capacity" > 0)
);
--> statement-breakpoint
ALTER TABLE "advanced_examples" ADD CONSTRAINT "advanced_examples_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advanced_examples" ADD CONSTRAINT "advanced_examples_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_campaigns" ADD CONSTRAINT "publicity_campaigns_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_campaigns" ADD CONSTRAINT "publicity_campaigns_plan_period_id_plan_periods_id_fk" FOREIGN KEY ("plan_period_id") REFERENCES "public"."plan_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_base_reviews" ADD CONSTRAINT "warning_base_reviews_base_id_warning_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."warning_bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_base_visits" ADD CONSTRAINT "warning_base_visits_base_id_warning_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."warning_bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_bases" ADD CONSTRAINT "warning_bases_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_bases" ADD CONSTRAINT "warning_bases_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advanced_examples_jurisdiction_idx" ON "advanced_examples" USING btree ("jurisdiction_id");--> statement-breakpoint
CREATE INDEX "publicity_campaigns_jurisdiction_year_idx" ON "publicity_campaigns" USING btree ("jurisdiction_id","year");--> statement-breakpoint
CREATE INDEX "publicity_files_owner_idx" ON "publicity_files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "warning_base_reviews_base_idx" ON "warning_base_reviews" USING btree ("base_id");--> statement-breakpoint
CREATE INDEX "warning_base_visits_base_idx" ON "warning_base_visits" USING btree ("base_id");--> statement-breakpoint
CREATE INDEX "warning_bases_jurisdiction_idx" ON "warning_bases" USING btree ("jurisdiction_id");--> statement-breakpoint
CREATE INDEX "warning_bases_employer_idx" ON "warning_bases" USING btree ("employer_id");