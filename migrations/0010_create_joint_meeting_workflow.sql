CREATE TABLE "action_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "action_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_items_status_check" CHECK ("action_items"."status" in ('open','in_progress','closed'))
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"follow_up_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "follow_ups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"target_type" text NOT NULL,
	"target_id" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"user_id" integer,
	"username" text NOT NULL,
	"organisation_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_target_check" CHECK ("follow_ups"."target_type" in ('action_item','rectification')),
	CONSTRAINT "follow_ups_kind_check" CHECK ("follow_ups"."kind" in ('progress','close','escalate'))
);
--> statement-breakpoint
CREATE TABLE "implementation_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "implementation_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"content" jsonb NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"composed_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"review_comment" text,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "implementation_reports_status_check" CHECK ("implementation_reports"."status" in ('draft','submitted','returned','accepted'))
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_agenda_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"sort_order" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"report" jsonb,
	"frozen_at" timestamp with time zone,
	CONSTRAINT "meeting_agenda_items_kind_check" CHECK ("meeting_agenda_items"."kind" in ('injury_report','disease_report','accident_report','topic'))
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"meeting_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"role" text NOT NULL,
	"attendance" text DEFAULT 'invited' NOT NULL,
	"attendee_name" text,
	CONSTRAINT "meeting_participants_meeting_id_organisation_id_pk" PRIMARY KEY("meeting_id","organisation_id"),
	CONSTRAINT "meeting_participants_role_check" CHECK ("meeting_participants"."role" in ('member','guest')),
	CONSTRAINT "meeting_participants_attendance_check" CHECK ("meeting_participants"."attendance" in ('invited','present','absent'))
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"report_year" smallint NOT NULL,
	"planned_on" date NOT NULL,
	"location" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"held_on" date,
	"minutes" text,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_kind_check" CHECK ("meetings"."kind" in ('regular','extraordinary')),
	CONSTRAINT "meetings_status_check" CHECK ("meetings"."status" in ('draft','scheduled','held','minutes_approved')),
	CONSTRAINT "meetings_held_check" CHECK ("meetings"."status" in ('draft','scheduled') or "meetings"."held_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "member_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"template" text NOT NULL,
	"content" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"review_comment" text,
	"reviewed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_reports_status_check" CHECK ("member_reports"."status" in ('draft','submitted','returned','accepted'))
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rectifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_id" integer NOT NULL,
	"employer_id" integer NOT NULL,
	"meeting_id" integer,
	"finding_kind" text NOT NULL,
	"finding" text NOT NULL,
	"factor_name" text,
	"measured_value" text,
	"limit_value" text,
	"suggestion" text NOT NULL,
	"deadline" date NOT NULL,
	"responsible_organisation_id" integer NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectifications_kind_check" CHECK ("rectifications"."finding_kind" in ('hazard','over_limit_factor')),
	CONSTRAINT "rectifications_status_check" CHECK ("rectifications"."status" in ('issued','rectifying','closed'))
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_type" text NOT NULL,
	"report_id" integer NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"username" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"link" text,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_follow_up_id_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_reports" ADD CONSTRAINT "implementation_reports_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reports" ADD CONSTRAINT "member_reports_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reports" ADD CONSTRAINT "member_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_meeting_idx" ON "action_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "action_items_org_idx" ON "action_items" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "action_items_jurisdiction_idx" ON "action_items" USING btree ("jurisdiction_id","deadline");--> statement-breakpoint
CREATE INDEX "attachments_follow_up_idx" ON "attachments" USING btree ("follow_up_id");--> statement-breakpoint
CREATE INDEX "follow_ups_target_idx" ON "follow_ups" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "implementation_reports_key" ON "implementation_reports" USING btree ("jurisdiction_id","year");--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_meeting_idx" ON "meeting_agenda_items" USING btree ("meeting_id","sort_order");--> statement-breakpoint
CREATE INDEX "meetings_jurisdiction_idx" ON "meetings" USING btree ("jurisdiction_id","planned_on");--> statement-breakpoint
CREATE UNIQUE INDEX "member_reports_key" ON "member_reports" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE INDEX "member_reports_jurisdiction_idx" ON "member_reports" USING btree ("jurisdiction_id","year");--> statement-breakpoint
CREATE INDEX "rectifications_jurisdiction_idx" ON "rectifications" USING btree ("jurisdiction_id","deadline");--> statement-breakpoint
CREATE INDEX "rectifications_employer_idx" ON "rectifications" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "report_events" USING btree ("report_type","report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");