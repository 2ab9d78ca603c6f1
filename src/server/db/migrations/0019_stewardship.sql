CREATE TABLE "contact_levels" (
	"org_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contact_levels_pkey" PRIMARY KEY("org_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT tend_uuidv7() NOT NULL,
	"org_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"kind" text NOT NULL,
	"payment_method" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"fund_id" uuid,
	"status" text NOT NULL,
	"reference" text NOT NULL,
	"gift_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_org_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "donations_reference_key" UNIQUE("org_id","reference"),
	CONSTRAINT "donations_amount_positive" CHECK ("donations"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "donor_levels" (
	"id" uuid PRIMARY KEY DEFAULT tend_uuidv7() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"min_amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"window" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donor_levels_org_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "donor_levels_slug_key" UNIQUE("org_id","slug"),
	CONSTRAINT "donor_levels_min_positive" CHECK ("donor_levels"."min_amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "gift_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"major_gift_amount" bigint,
	"receipt" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"payment" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_updates" (
	"id" uuid PRIMARY KEY DEFAULT tend_uuidv7() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"story" text NOT NULL,
	"figures" jsonb NOT NULL,
	"translations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "impact_updates_org_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "impact_updates_period" CHECK ("impact_updates"."period_to" >= "impact_updates"."period_from")
);
--> statement-breakpoint
CREATE TABLE "receipt_counters" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "receipt_counters_pkey" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"id" uuid PRIMARY KEY DEFAULT tend_uuidv7() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"gift_id" uuid,
	"replaces_receipt_id" uuid,
	"language" text NOT NULL,
	"content" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"created_by_user_id" uuid,
	CONSTRAINT "receipts_org_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "receipts_number_key" UNIQUE("org_id","year","number"),
	CONSTRAINT "receipts_number_positive" CHECK ("receipts"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "thanks_templates" (
	"id" uuid PRIMARY KEY DEFAULT tend_uuidv7() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"language" text NOT NULL,
	"method" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "thanks_templates_org_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "thanks_templates_name_language_key" UNIQUE("org_id","name","language")
);
--> statement-breakpoint
ALTER TABLE "promise_policies" ADD COLUMN "thanks" jsonb;--> statement-breakpoint
ALTER TABLE "gifts" ADD COLUMN "thanks_method" text;--> statement-breakpoint
ALTER TABLE "gifts" ADD COLUMN "thanks_user_id" uuid;--> statement-breakpoint
ALTER TABLE "contact_levels" ADD CONSTRAINT "contact_levels_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_levels" ADD CONSTRAINT "contact_levels_level_fk" FOREIGN KEY ("org_id","level_id") REFERENCES "public"."donor_levels"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_fund_fk" FOREIGN KEY ("org_id","fund_id") REFERENCES "public"."funds"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_gift_fk" FOREIGN KEY ("org_id","gift_id") REFERENCES "public"."gifts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donor_levels" ADD CONSTRAINT "donor_levels_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_settings" ADD CONSTRAINT "gift_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_updates" ADD CONSTRAINT "impact_updates_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_updates" ADD CONSTRAINT "impact_updates_created_by_fk" FOREIGN KEY ("org_id","created_by_user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_counters" ADD CONSTRAINT "receipt_counters_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_gift_fk" FOREIGN KEY ("org_id","gift_id") REFERENCES "public"."gifts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_replaces_fk" FOREIGN KEY ("org_id","replaces_receipt_id") REFERENCES "public"."receipts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thanks_templates" ADD CONSTRAINT "thanks_templates_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_levels_level_idx" ON "contact_levels" USING btree ("org_id","level_id");--> statement-breakpoint
CREATE INDEX "donations_contact_idx" ON "donations" USING btree ("org_id","contact_id","created_at");--> statement-breakpoint
CREATE INDEX "donations_status_idx" ON "donations" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "impact_updates_program_idx" ON "impact_updates" USING btree ("org_id","program_id","period_to");--> statement-breakpoint
CREATE INDEX "receipts_contact_idx" ON "receipts" USING btree ("org_id","contact_id","issued_at");--> statement-breakpoint
CREATE INDEX "receipts_gift_idx" ON "receipts" USING btree ("org_id","gift_id");--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_thanks_user_fk" FOREIGN KEY ("org_id","thanks_user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;