CREATE TABLE "funds" (
	"id" uuid PRIMARY KEY DEFAULT tend_uuidv7() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid,
	"name" text NOT NULL,
	"restricted" boolean NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funds_org_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "gift_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT tend_uuidv7() NOT NULL,
	"org_id" uuid NOT NULL,
	"gift_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"delta" bigint NOT NULL,
	"reason" text,
	"occurred_on" date NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gift_adjustments_delta_nonzero" CHECK ("gift_adjustments"."delta" <> 0)
);
--> statement-breakpoint
CREATE TABLE "gift_allocations" (
	"id" uuid PRIMARY KEY DEFAULT tend_uuidv7() NOT NULL,
	"org_id" uuid NOT NULL,
	"gift_id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "gift_allocations_amount_positive" CHECK ("gift_allocations"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "gift_soft_credits" (
	"id" uuid PRIMARY KEY DEFAULT tend_uuidv7() NOT NULL,
	"org_id" uuid NOT NULL,
	"gift_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"type" text NOT NULL,
	"amount" bigint,
	"notify_contact_id" uuid,
	CONSTRAINT "gift_soft_credits_amount_positive" CHECK ("gift_soft_credits"."amount" is null or "gift_soft_credits"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "gift_thanks" (
	"id" uuid PRIMARY KEY DEFAULT tend_uuidv7() NOT NULL,
	"org_id" uuid NOT NULL,
	"gift_id" uuid NOT NULL,
	"method" text NOT NULL,
	"note" text,
	"thanked_at" timestamp with time zone NOT NULL,
	"user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "gifts" (
	"id" uuid PRIMARY KEY DEFAULT tend_uuidv7() NOT NULL,
	"org_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" bigint,
	"currency" text NOT NULL,
	"received_on" date NOT NULL,
	"payment_method" text,
	"campaign" text,
	"appeal" text,
	"pledge_id" uuid,
	"details" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gifts_org_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "gifts_amount_positive" CHECK ("gifts"."amount" is null or "gifts"."amount" > 0),
	CONSTRAINT "gifts_currency_code" CHECK ("gifts"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT tend_uuidv7() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_org_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_adjustments" ADD CONSTRAINT "gift_adjustments_gift_fk" FOREIGN KEY ("org_id","gift_id") REFERENCES "public"."gifts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_allocations" ADD CONSTRAINT "gift_allocations_gift_fk" FOREIGN KEY ("org_id","gift_id") REFERENCES "public"."gifts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_allocations" ADD CONSTRAINT "gift_allocations_fund_fk" FOREIGN KEY ("org_id","fund_id") REFERENCES "public"."funds"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_soft_credits" ADD CONSTRAINT "gift_soft_credits_gift_fk" FOREIGN KEY ("org_id","gift_id") REFERENCES "public"."gifts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_soft_credits" ADD CONSTRAINT "gift_soft_credits_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_soft_credits" ADD CONSTRAINT "gift_soft_credits_notify_fk" FOREIGN KEY ("org_id","notify_contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_thanks" ADD CONSTRAINT "gift_thanks_gift_fk" FOREIGN KEY ("org_id","gift_id") REFERENCES "public"."gifts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_pledge_fk" FOREIGN KEY ("org_id","pledge_id") REFERENCES "public"."gifts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_created_by_fk" FOREIGN KEY ("org_id","created_by_user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gift_adjustments_gift_idx" ON "gift_adjustments" USING btree ("org_id","gift_id");--> statement-breakpoint
CREATE INDEX "gift_allocations_gift_idx" ON "gift_allocations" USING btree ("org_id","gift_id");--> statement-breakpoint
CREATE INDEX "gift_allocations_fund_idx" ON "gift_allocations" USING btree ("org_id","fund_id");--> statement-breakpoint
CREATE INDEX "gift_soft_credits_gift_idx" ON "gift_soft_credits" USING btree ("org_id","gift_id");--> statement-breakpoint
CREATE INDEX "gift_soft_credits_contact_idx" ON "gift_soft_credits" USING btree ("org_id","contact_id");--> statement-breakpoint
CREATE INDEX "gift_thanks_gift_idx" ON "gift_thanks" USING btree ("org_id","gift_id");--> statement-breakpoint
CREATE INDEX "gifts_contact_idx" ON "gifts" USING btree ("org_id","contact_id","received_on");--> statement-breakpoint
CREATE INDEX "gifts_list_idx" ON "gifts" USING btree ("org_id","received_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "gifts_pledge_idx" ON "gifts" USING btree ("org_id","pledge_id");