CREATE TABLE "crosscheck_hit_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crosscheck_hit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"hit_id" integer NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"batch_id" integer,
	"user_id" integer,
	"username" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crosscheck_hits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crosscheck_hits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"rule_code" text NOT NULL,
	"subject_key" text NOT NULL,
	"employer_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"owner_organisation_id" integer,
	"owner_department" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"evidence" jsonb NOT NULL,
	"detected_on" date NOT NULL,
	"deadline" date NOT NULL,
	"explanation" text,
	"detected_by_batch_id" integer,
	"resolved_by_batch_id" integer,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crosscheck_hits_status_check" CHECK ("crosscheck_hits"."status" in ('open','confirmed','explained','closed','resolved')),
	CONSTRAINT "crosscheck_hits_closed_check" CHECK ("crosscheck_hits"."status" <> 'closed' or "crosscheck_hits"."explanation" is not null)
);
--> statement-breakpoint
CREATE TABLE "crosscheck_queue" (
	"batch_id" integer PRIMARY KEY NOT NULL,
	"domain" text NOT NULL,
	"employer_ids" jsonb NOT NULL,
	"is_area" boolean DEFAULT false NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crosscheck_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crosscheck_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"owner_department" text NOT NULL,
	"params" jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crosscheck_hit_events" ADD CONSTRAINT "crosscheck_hit_events_hit_id_crosscheck_hits_id_fk" FOREIGN KEY ("hit_id") REFERENCES "public"."crosscheck_hits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crosscheck_hits" ADD CONSTRAINT "crosscheck_hits_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crosscheck_hits" ADD CONSTRAINT "crosscheck_hits_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crosscheck_hits" ADD CONSTRAINT "crosscheck_hits_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crosscheck_hit_events_hit_idx" ON "crosscheck_hit_events" USING btree ("hit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crosscheck_hits_subject_key" ON "crosscheck_hits" USING btree ("rule_code","subject_key") WHERE status <> 'resolved';--> statement-breakpoint
CREATE INDEX "crosscheck_hits_employer_idx" ON "crosscheck_hits" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "crosscheck_hits_status_idx" ON "crosscheck_hits" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "crosscheck_hits_owner_idx" ON "crosscheck_hits" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crosscheck_rules_code_key" ON "crosscheck_rules" USING btree ("code");