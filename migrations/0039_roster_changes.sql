CREATE TABLE "roster_change_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "roster_change_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"request_id" integer NOT NULL,
	"action" text NOT NULL,
	"proposal" jsonb NOT NULL,
	"comment" text,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_change_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "roster_change_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"roster_member_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"status" text NOT NULL,
	"person_name" text NOT NULL,
	"title" text NOT NULL,
	"phone" text NOT NULL,
	"reason" text NOT NULL,
	"effective_date" date NOT NULL,
	"proposed_by_user_id" integer NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_by_user_id" integer,
	"decided_at" timestamp with time zone,
	"return_reason" text,
	"result_member_id" integer,
	CONSTRAINT "roster_change_requests_status_check" CHECK ("roster_change_requests"."status" in ('proposed','returned','confirmed'))
);
--> statement-breakpoint
ALTER TABLE "roster_members" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "roster_change_events" ADD CONSTRAINT "roster_change_events_request_id_roster_change_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."roster_change_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_change_requests" ADD CONSTRAINT "roster_change_requests_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_change_requests" ADD CONSTRAINT "roster_change_requests_roster_member_id_roster_members_id_fk" FOREIGN KEY ("roster_member_id") REFERENCES "public"."roster_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_change_requests" ADD CONSTRAINT "roster_change_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_change_requests" ADD CONSTRAINT "roster_change_requests_result_member_id_roster_members_id_fk" FOREIGN KEY ("result_member_id") REFERENCES "public"."roster_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roster_change_events_request_idx" ON "roster_change_events" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "roster_change_requests_jurisdiction_idx" ON "roster_change_requests" USING btree ("jurisdiction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roster_change_requests_open_idx" ON "roster_change_requests" USING btree ("roster_member_id") WHERE "roster_change_requests"."status" in ('proposed','returned');