-- Round robin takes a ticket from a sequence per team instead of moving a pointer on the team's
-- row: the pointer was a row every new request of the team updated and held locked until its
-- commit, so concurrent requests queued one disk flush at a time.
CREATE OR REPLACE FUNCTION tend_team_rotation(team uuid) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT 'team_rotation_' || replace(team::text, '-', '') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tend_next_team_ticket(team uuid) RETURNS bigint
LANGUAGE sql AS $$ SELECT nextval(tend_team_rotation(team)::regclass) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tend_create_team_rotation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I MINVALUE 0 START 0', tend_team_rotation(NEW.id));
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER teams_rotation_sequence
  AFTER INSERT ON teams
  FOR EACH ROW EXECUTE FUNCTION tend_create_team_rotation();
--> statement-breakpoint
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT id FROM teams LOOP
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I MINVALUE 0 START 0', tend_team_rotation(t.id));
  END LOOP;
END;
$$;
--> statement-breakpoint
ALTER TABLE "teams" DROP COLUMN "last_assigned_user_id";
