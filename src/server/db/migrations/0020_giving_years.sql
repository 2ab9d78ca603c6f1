CREATE TABLE "giving_years" (
	"org_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"currency" text NOT NULL,
	"total" bigint NOT NULL,
	"gifts" integer NOT NULL,
	"last_received_on" date NOT NULL,
	CONSTRAINT "giving_years_pkey" PRIMARY KEY("org_id","contact_id","year","currency")
);
--> statement-breakpoint
ALTER TABLE "giving_years" ADD CONSTRAINT "giving_years_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "giving_years_year_idx" ON "giving_years" USING btree ("org_id","year","contact_id");--> statement-breakpoint
-- Kept by triggers in the writing transaction: a gift adds its amount to its donor's year, an
-- adjustment (refund, correction) adds its delta to the year of the gift it adjusts. Pledges and
-- bequest intentions are promises, not money received, and are not counted (nor their write-offs).
CREATE OR REPLACE FUNCTION tend_add_giving(
  p_org uuid, p_contact uuid, p_on date, p_currency text, p_delta bigint, p_gifts integer
) RETURNS void LANGUAGE sql AS $$
  INSERT INTO giving_years (org_id, contact_id, year, currency, total, gifts, last_received_on)
  VALUES (p_org, p_contact, extract(year from p_on)::int, p_currency, p_delta, p_gifts, p_on)
  ON CONFLICT (org_id, contact_id, year, currency) DO UPDATE
    SET total = giving_years.total + excluded.total,
        gifts = giving_years.gifts + excluded.gifts,
        last_received_on = CASE WHEN excluded.gifts > 0
                                THEN greatest(giving_years.last_received_on, excluded.last_received_on)
                                ELSE giving_years.last_received_on END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tend_gift_giving() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  adjusted bigint;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.amount IS NOT NULL AND OLD.kind NOT IN ('pledge', 'bequest_intention') THEN
      SELECT coalesce(sum(delta), 0) INTO adjusted FROM gift_adjustments
       WHERE org_id = OLD.org_id AND gift_id = OLD.id;
      PERFORM tend_add_giving(OLD.org_id, OLD.contact_id, OLD.received_on, OLD.currency,
                              -(OLD.amount + adjusted), -1);
    END IF;
  END IF;
  IF NEW.amount IS NOT NULL AND NEW.kind NOT IN ('pledge', 'bequest_intention') THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT coalesce(sum(delta), 0) INTO adjusted FROM gift_adjustments
       WHERE org_id = NEW.org_id AND gift_id = NEW.id;
    ELSE
      adjusted := 0;
    END IF;
    PERFORM tend_add_giving(NEW.org_id, NEW.contact_id, NEW.received_on, NEW.currency,
                            NEW.amount + adjusted, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER gifts_giving_years
  AFTER INSERT OR UPDATE OF contact_id, kind, amount, currency, received_on ON gifts
  FOR EACH ROW EXECUTE FUNCTION tend_gift_giving();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tend_adjustment_giving() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  g record;
BEGIN
  SELECT contact_id, received_on, currency, kind, amount INTO g FROM gifts
   WHERE org_id = NEW.org_id AND id = NEW.gift_id;
  IF g.amount IS NOT NULL AND g.kind NOT IN ('pledge', 'bequest_intention') THEN
    PERFORM tend_add_giving(NEW.org_id, g.contact_id, g.received_on, g.currency, NEW.delta, 0);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER gift_adjustments_giving_years
  AFTER INSERT ON gift_adjustments
  FOR EACH ROW EXECUTE FUNCTION tend_adjustment_giving();
--> statement-breakpoint
INSERT INTO giving_years (org_id, contact_id, year, currency, total, gifts, last_received_on)
SELECT g.org_id, g.contact_id, extract(year from g.received_on)::int, g.currency,
       sum(g.amount + coalesce(a.delta, 0)), count(*), max(g.received_on)
  FROM gifts g
  LEFT JOIN (SELECT org_id, gift_id, sum(delta) AS delta FROM gift_adjustments
              GROUP BY org_id, gift_id) a ON a.org_id = g.org_id AND a.gift_id = g.id
 WHERE g.amount IS NOT NULL AND g.kind NOT IN ('pledge', 'bequest_intention')
 GROUP BY g.org_id, g.contact_id, extract(year from g.received_on)::int, g.currency;
