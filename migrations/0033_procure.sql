CREATE TABLE "payment_standards" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_standards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"unit_price_fen" bigint NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_standards_price_check" CHECK ("payment_standards"."unit_price_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "procurement_bids" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "procurement_bids_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"procurement_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"submitted_on" date NOT NULL,
	"score" numeric(5, 2),
	"rank" smallint,
	CONSTRAINT "procurement_bids_amount_check" CHECK ("procurement_bids"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "procurement_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "procurement_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"procurement_id" integer NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_user_id" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procurement_documents_kind_check" CHECK ("procurement_documents"."kind" in ('notice','bid','evaluation','award','contract','other'))
);
--> statement-breakpoint
CREATE TABLE "procurements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "procurements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"method" text NOT NULL,
	"status" text DEFAULT 'noticed' NOT NULL,
	"notice_no" text NOT NULL,
	"notice_on" date NOT NULL,
	"bid_deadline" date NOT NULL,
	"notice_text" text NOT NULL,
	"evaluation_note" text,
	"awarded_bid_id" integer,
	"awarded_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procurements_method_check" CHECK ("procurements"."method" in ('open_tender','invited_tender','competitive_consultation','competitive_negotiation','single_source','inquiry','framework')),
	CONSTRAINT "procurements_status_check" CHECK ("procurements"."status" in ('noticed','evaluated','awarded','failed')),
	CONSTRAINT "procurements_dates_check" CHECK ("procurements"."bid_deadline" >= "procurements"."notice_on")
);
--> statement-breakpoint
ALTER TABLE "payment_standards" ADD CONSTRAINT "payment_standards_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_bids" ADD CONSTRAINT "procurement_bids_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_bids" ADD CONSTRAINT "procurement_bids_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_documents" ADD CONSTRAINT "procurement_documents_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurements" ADD CONSTRAINT "procurements_project_id_prevention_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."prevention_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_standards_key" ON "payment_standards" USING btree ("jurisdiction_id","year","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "procurement_bids_once_key" ON "procurement_bids" USING btree ("procurement_id","organisation_id");--> statement-breakpoint
CREATE INDEX "procurement_documents_procurement_idx" ON "procurement_documents" USING btree ("procurement_id");--> statement-breakpoint
CREATE INDEX "procurements_project_idx" ON "procurements" USING btree ("project_id");