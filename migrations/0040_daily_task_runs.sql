CREATE TABLE "daily_task_runs" (
	"task" text NOT NULL,
	"day" date NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"outcome" text,
	"status" text NOT NULL,
	CONSTRAINT "daily_task_runs_task_day_pk" PRIMARY KEY("task","day")
);
