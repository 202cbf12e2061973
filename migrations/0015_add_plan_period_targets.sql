CREATE TABLE "plan_period_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_period_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_period_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"target_reduction_pct" numeric(5, 2) NOT NULL,
	"annual_reduction_pct" numeric(5, 2),
	"source" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_period_targets" ADD CONSTRAINT "plan_period_targets_plan_period_id_plan_periods_id_fk" FOREIGN KEY ("plan_period_id") REFERENCES "public"."plan_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_period_targets" ADD CONSTRAINT "plan_period_targets_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_period_targets_key" ON "plan_period_targets" USING btree ("plan_period_id","jurisdiction_id");