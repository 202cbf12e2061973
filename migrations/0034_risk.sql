CREATE TABLE "risk_alerts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "risk_alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"employer_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"details" jsonb NOT NULL,
	"organisation_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "risk_alerts_kind_check" CHECK ("risk_alerts"."kind" in ('rate_above_industry','grade_worsened'))
);
--> statement-breakpoint
CREATE TABLE "risk_fits" (
	"year" smallint PRIMARY KEY NOT NULL,
	"k" double precision,
	"group_rates" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_recompute_queue" (
	"employer_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_recompute_queue_employer_id_year_pk" PRIMARY KEY("employer_id","year")
);
--> statement-breakpoint
CREATE TABLE "risk_scores" (
	"employer_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"score" double precision NOT NULL,
	"grade" text NOT NULL,
	"components" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "risk_scores_employer_id_year_pk" PRIMARY KEY("employer_id","year"),
	CONSTRAINT "risk_scores_grade_check" CHECK ("risk_scores"."grade" in ('green','yellow','orange','red'))
);
--> statement-breakpoint
ALTER TABLE "risk_alerts" ADD CONSTRAINT "risk_alerts_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_alerts" ADD CONSTRAINT "risk_alerts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scores" ADD CONSTRAINT "risk_scores_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_alerts_employer_idx" ON "risk_alerts" USING btree ("employer_id","year");--> statement-breakpoint
CREATE INDEX "risk_scores_year_grade_idx" ON "risk_scores" USING btree ("year","grade");