CREATE TABLE "training_exam_attempts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_exam_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"course_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"holder_id" integer NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"attempt_no" smallint NOT NULL,
	"question_ids" jsonb NOT NULL,
	"pass_mark" smallint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"submitted_at" timestamp with time zone,
	"answers" jsonb,
	"score" smallint,
	"is_passed" boolean,
	"completion_id" integer,
	CONSTRAINT "training_exam_attempts_status_check" CHECK ("training_exam_attempts"."status" in ('open','submitted','expired'))
);
--> statement-breakpoint
CREATE TABLE "training_questions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_questions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"course_id" integer NOT NULL,
	"kind" text NOT NULL,
	"stem" text NOT NULL,
	"options" jsonb NOT NULL,
	"answer" jsonb NOT NULL,
	"points" smallint DEFAULT 1 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"source_file" text,
	"source_line" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_questions_kind_check" CHECK ("training_questions"."kind" in ('single','multiple','true_false')),
	CONSTRAINT "training_questions_points_check" CHECK ("training_questions"."points" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "training_session_attendees" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_session_attendees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"session_id" integer NOT NULL,
	"holder_id" integer NOT NULL,
	"signed_in_at" timestamp with time zone,
	"signed_in_by" text,
	"added_by" text NOT NULL,
	CONSTRAINT "training_session_attendees_by_check" CHECK ("training_session_attendees"."signed_in_by" is null or "training_session_attendees"."signed_in_by" in ('organiser','code'))
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"course_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"sign_in_code" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_hours_check" CHECK ("training_sessions"."hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_learners" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"holder_id" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_segment_progress" (
	"user_id" integer NOT NULL,
	"segment_id" integer NOT NULL,
	"watched_seconds" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_segment_progress_user_id_segment_id_pk" PRIMARY KEY("user_id","segment_id")
);
--> statement-breakpoint
CREATE TABLE "training_segments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_segments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"course_id" integer NOT NULL,
	"seq" smallint NOT NULL,
	"title" text NOT NULL,
	"duration_seconds" integer NOT NULL,
	"video_file_id" integer,
	"created_by" text NOT NULL,
	CONSTRAINT "training_segments_duration_check" CHECK ("training_segments"."duration_seconds" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_study_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_study_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"course_id" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_heartbeat_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"credited_seconds" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "training_study_sessions_reason_check" CHECK ("training_study_sessions"."end_reason" is null or "training_study_sessions"."end_reason" in ('ended','superseded','idle'))
);
--> statement-breakpoint
CREATE TABLE "training_video_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_video_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"course_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_exam_attempts" ADD CONSTRAINT "training_exam_attempts_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_exam_attempts" ADD CONSTRAINT "training_exam_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_exam_attempts" ADD CONSTRAINT "training_exam_attempts_holder_id_key_post_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."key_post_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_questions" ADD CONSTRAINT "training_questions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_attendees" ADD CONSTRAINT "training_session_attendees_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_attendees" ADD CONSTRAINT "training_session_attendees_holder_id_key_post_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."key_post_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_learners" ADD CONSTRAINT "training_learners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_learners" ADD CONSTRAINT "training_learners_holder_id_key_post_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."key_post_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_segment_progress" ADD CONSTRAINT "training_segment_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_segment_progress" ADD CONSTRAINT "training_segment_progress_segment_id_training_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."training_segments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_segments" ADD CONSTRAINT "training_segments_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_segments" ADD CONSTRAINT "training_segments_video_file_id_training_video_files_id_fk" FOREIGN KEY ("video_file_id") REFERENCES "public"."training_video_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_study_sessions" ADD CONSTRAINT "training_study_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_study_sessions" ADD CONSTRAINT "training_study_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_video_files" ADD CONSTRAINT "training_video_files_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_exam_attempts_no_key" ON "training_exam_attempts" USING btree ("user_id","course_id","attempt_no");--> statement-breakpoint
CREATE INDEX "training_exam_attempts_course_idx" ON "training_exam_attempts" USING btree ("course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_questions_stem_key" ON "training_questions" USING btree ("course_id","stem");--> statement-breakpoint
CREATE UNIQUE INDEX "training_session_attendees_key" ON "training_session_attendees" USING btree ("session_id","holder_id");--> statement-breakpoint
CREATE INDEX "training_sessions_course_idx" ON "training_sessions" USING btree ("course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_learners_holder_key" ON "training_learners" USING btree ("holder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_segments_seq_key" ON "training_segments" USING btree ("course_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "training_study_sessions_active_key" ON "training_study_sessions" USING btree ("user_id") WHERE "training_study_sessions"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "training_study_sessions_course_idx" ON "training_study_sessions" USING btree ("course_id","user_id");