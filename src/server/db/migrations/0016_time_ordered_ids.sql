-- Ids are time-ordered UUIDs (version 7): 48 bits of Unix milliseconds, then random bits. A
-- random UUID sends every insert to a random page of each index on it; after a checkpoint the
-- first change to a page writes the whole page to the WAL, so a busy desk wrote kilobytes of WAL
-- per request. PostgreSQL 18 has uuidv7(); this function does the same on 15 and later.
CREATE OR REPLACE FUNCTION tend_uuidv7() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
        from 1 for 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;
--> statement-breakpoint
ALTER TABLE "org_inbound_addresses" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "contact_addresses" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "contact_emails" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "contact_phones" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "households" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "interactions" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "calendars" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "promise_clocks" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "promise_policies" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "alerts" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "canned_replies" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "request_messages" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "requests" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "routing_rules" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "team_line_episodes" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "teams" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "files" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "request_attachments" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();--> statement-breakpoint
ALTER TABLE "inbound_emails" ALTER COLUMN "id" SET DEFAULT tend_uuidv7();