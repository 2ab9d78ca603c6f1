-- New gifts reach giving_years once per statement, not once per row: a statement-level trigger
-- reads the statement's new gifts (a transition table) and adds each donor's year and currency
-- in ONE upsert — a group of gifts written together (recordGifts) paid one PL/pgSQL call and one
-- upsert per gift. The rows are upserted in key order, so concurrent writers lock them in the
-- same order. The row trigger keeps the changes of a gift (UPDATE), which are rare.
CREATE OR REPLACE FUNCTION tend_gifts_inserted_giving() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO giving_years (org_id, contact_id, year, currency, total, gifts, last_received_on)
  SELECT g.org_id, g.contact_id, extract(year from g.received_on)::int, g.currency,
         sum(g.amount), count(*), max(g.received_on)
    FROM new_gifts g
   WHERE g.amount IS NOT NULL AND g.kind NOT IN ('pledge', 'bequest_intention')
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (org_id, contact_id, year, currency) DO UPDATE
    SET total = giving_years.total + excluded.total,
        gifts = giving_years.gifts + excluded.gifts,
        last_received_on = greatest(giving_years.last_received_on, excluded.last_received_on);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER gifts_giving_years ON gifts;
--> statement-breakpoint
CREATE TRIGGER gifts_giving_years
  AFTER UPDATE OF contact_id, kind, amount, currency, received_on ON gifts
  FOR EACH ROW EXECUTE FUNCTION tend_gift_giving();
--> statement-breakpoint
CREATE TRIGGER gifts_giving_years_inserted
  AFTER INSERT ON gifts REFERENCING NEW TABLE AS new_gifts
  FOR EACH STATEMENT EXECUTE FUNCTION tend_gifts_inserted_giving();
