-- Request numbers come from one sequence per organization: taking a number locks nothing, so
-- concurrent creates never queue behind each other. Numbers are unique and increasing; a create
-- that fails after taking one leaves a gap (as in every helpdesk), which is harmless for a reference.
CREATE OR REPLACE FUNCTION tend_request_sequence(org uuid) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT 'request_number_' || replace(org::text, '-', '') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tend_next_request_number(org uuid) RETURNS integer
LANGUAGE sql AS $$ SELECT nextval(tend_request_sequence(org)::regclass)::integer $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tend_create_request_sequence() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I START 1001', tend_request_sequence(NEW.id));
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_request_sequence
  AFTER INSERT ON organizations
  FOR EACH ROW EXECUTE FUNCTION tend_create_request_sequence();
--> statement-breakpoint
DO $$
DECLARE
  o record;
BEGIN
  FOR o IN
    SELECT org.id, greatest(coalesce(d.next_number, 1001), coalesce(max(r.number) + 1, 1001)) AS next
    FROM organizations org
    LEFT JOIN desk_settings d ON d.org_id = org.id
    LEFT JOIN requests r ON r.org_id = org.id
    GROUP BY org.id, d.next_number
  LOOP
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I START %s', tend_request_sequence(o.id), o.next);
  END LOOP;
END;
$$;
