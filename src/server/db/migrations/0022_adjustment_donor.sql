ALTER TABLE "gift_adjustments" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
-- Each adjustment carries its gift's donor, so a donor's adjusted gifts (few) are found by this
-- index instead of probing the adjustments of every gift of the donor (hundreds for a monthly
-- donor of some years): the giving summary's budget. Kept by triggers, never by the application.
UPDATE "gift_adjustments" a SET "contact_id" = g."contact_id"
  FROM "gifts" g WHERE g."org_id" = a."org_id" AND g."id" = a."gift_id";--> statement-breakpoint
CREATE INDEX "gift_adjustments_contact_idx" ON "gift_adjustments" USING btree ("org_id","contact_id","gift_id");--> statement-breakpoint
CREATE OR REPLACE FUNCTION tend_adjustment_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT contact_id INTO NEW.contact_id FROM gifts WHERE org_id = NEW.org_id AND id = NEW.gift_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER gift_adjustments_contact
  BEFORE INSERT ON gift_adjustments
  FOR EACH ROW EXECUTE FUNCTION tend_adjustment_contact();
--> statement-breakpoint
-- A gift moved to another contact takes its adjustments with it.
CREATE OR REPLACE FUNCTION tend_gift_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE gift_adjustments SET contact_id = NEW.contact_id
   WHERE org_id = NEW.org_id AND gift_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER gifts_adjustments_donor
  AFTER UPDATE OF contact_id ON gifts
  FOR EACH ROW WHEN (OLD.contact_id IS DISTINCT FROM NEW.contact_id)
  EXECUTE FUNCTION tend_gift_moved();
