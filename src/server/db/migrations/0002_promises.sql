CREATE TABLE "calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendars_org_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "promise_clock_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"clock_id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "promise_clocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"target" text NOT NULL,
	"policy_id" uuid,
	"minutes" integer NOT NULL,
	"calendar_id" uuid,
	"warn_before_minutes" integer DEFAULT 0 NOT NULL,
	"pause_statuses" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" text NOT NULL,
	"due_at" timestamp with time zone,
	"started_at" timestamp with time zone NOT NULL,
	"fulfilled_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"kept" boolean,
	"used_minutes" integer DEFAULT 0 NOT NULL,
	"overrun_minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promise_clocks_org_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "promise_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"conditions" jsonb NOT NULL,
	"targets" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promise_policies_org_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid,
	"name" text NOT NULL,
	"key" text,
	"payload" jsonb NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobs_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_clock_events" ADD CONSTRAINT "promise_clock_events_clock_fk" FOREIGN KEY ("org_id","clock_id") REFERENCES "public"."promise_clocks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_clocks" ADD CONSTRAINT "promise_clocks_org_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_policies" ADD CONSTRAINT "promise_policies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "promise_clock_events_clock_idx" ON "promise_clock_events" USING btree ("clock_id","id");--> statement-breakpoint
CREATE INDEX "promise_clocks_subject_idx" ON "promise_clocks" USING btree ("org_id","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "promise_clocks_due_idx" ON "promise_clocks" USING btree ("org_id","state","due_at");--> statement-breakpoint
CREATE INDEX "promise_clocks_ledger_idx" ON "promise_clocks" USING btree ("org_id","subject_type","started_at");--> statement-breakpoint
CREATE INDEX "promise_policies_order_idx" ON "promise_policies" USING btree ("org_id","subject_type","position");--> statement-breakpoint
CREATE INDEX "jobs_run_at_idx" ON "jobs" USING btree ("run_at");