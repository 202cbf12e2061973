CREATE TABLE "bulletins" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bulletins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"accident_ids" jsonb NOT NULL,
	"injury_ids" jsonb NOT NULL,
	"facts" jsonb NOT NULL,
	"drafted_by_user_id" integer NOT NULL,
	"drafted_by" text NOT NULL,
	"drafted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by_user_id" integer,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"published_by" text,
	"published_at" timestamp with time zone,
	CONSTRAINT "bulletins_status_check" CHECK ("bulletins"."status" in ('draft','approved','published'))
);
--> statement-breakpoint
CREATE TABLE "key_enterprise_adoption_items" (
	"adoption_id" integer NOT NULL,
	"employer_id" integer NOT NULL,
	"rank" integer NOT NULL,
	"cases" integer NOT NULL,
	"exposure" integer NOT NULL,
	"raw_rate" numeric(12, 4),
	"credibility" numeric(6, 4),
	"industry_rate" numeric(12, 4),
	"shrunk_rate" numeric(12, 4),
	CONSTRAINT "key_enterprise_adoption_items_adoption_id_employer_id_pk" PRIMARY KEY("adoption_id","employer_id")
);
--> statement-breakpoint
CREATE TABLE "key_enterprise_adoptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "key_enterprise_adoptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"method" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"reason" text NOT NULL,
	"adopted_by_user_id" integer,
	"adopted_by" text NOT NULL,
	"adopted_by_name" text NOT NULL,
	"adopted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_by_id" integer,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_enterprise_adoption_items" ADD CONSTRAINT "key_enterprise_adoption_items_adoption_id_key_enterprise_adoptions_id_fk" FOREIGN KEY ("adoption_id") REFERENCES "public"."key_enterprise_adoptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_enterprise_adoption_items" ADD CONSTRAINT "key_enterprise_adoption_items_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_enterprise_adoptions" ADD CONSTRAINT "key_enterprise_adoptions_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulletins_jurisdiction_idx" ON "bulletins" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE INDEX "key_enterprise_adoption_items_employer_idx" ON "key_enterprise_adoption_items" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "key_enterprise_adoptions_year_idx" ON "key_enterprise_adoptions" USING btree ("jurisdiction_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "key_enterprise_adoptions_current_key" ON "key_enterprise_adoptions" USING btree ("jurisdiction_id","year") WHERE "key_enterprise_adoptions"."superseded_at" is null;