CREATE TABLE "analytics_cells" (
	"source" text NOT NULL,
	"grain" text NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"d1" text DEFAULT '' NOT NULL,
	"d2" text DEFAULT '' NOT NULL,
	"cases_all" integer DEFAULT 0 NOT NULL,
	"cases_det" integer DEFAULT 0 NOT NULL,
	"cases_prod" integer DEFAULT 0 NOT NULL,
	"persons_all" integer DEFAULT 0 NOT NULL,
	"persons_det" integer DEFAULT 0 NOT NULL,
	"persons_prod" integer DEFAULT 0 NOT NULL,
	"deaths_all" integer DEFAULT 0 NOT NULL,
	"deaths_det" integer DEFAULT 0 NOT NULL,
	"deaths_prod" integer DEFAULT 0 NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"event_deaths" integer DEFAULT 0 NOT NULL,
	"event_serious" integer DEFAULT 0 NOT NULL,
	"pneumoconiosis" integer DEFAULT 0 NOT NULL,
	"insured" bigint DEFAULT 0 NOT NULL,
	"paying" bigint DEFAULT 0 NOT NULL,
	"employers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_cells_source_grain_year_jurisdiction_id_d1_d2_pk" PRIMARY KEY("source","grain","year","jurisdiction_id","d1","d2")
);
--> statement-breakpoint
CREATE TABLE "indicator_definitions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicator_definitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"numerator" text NOT NULL,
	"denominator" text,
	"factor" numeric(14, 4) NOT NULL,
	"unit_zh" text DEFAULT '' NOT NULL,
	"unit_en" text DEFAULT '' NOT NULL,
	"decimals" smallint DEFAULT 2 NOT NULL,
	"direction" text DEFAULT 'lower' NOT NULL,
	"sort_order" smallint DEFAULT 100 NOT NULL,
	"is_built_in" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_definitions_code_unique" UNIQUE("code"),
	CONSTRAINT "indicator_definitions_factor_check" CHECK ("indicator_definitions"."factor" > 0),
	CONSTRAINT "indicator_definitions_direction_check" CHECK ("indicator_definitions"."direction" in ('lower','higher'))
);
--> statement-breakpoint
CREATE INDEX "analytics_cells_slice_idx" ON "analytics_cells" USING btree ("jurisdiction_id","year");