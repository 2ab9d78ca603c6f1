-- The giving summary's largest gift: a donor's money received in one currency, largest first.
CREATE INDEX "gifts_giving_idx" ON "gifts" USING btree ("org_id","contact_id","currency","amount" DESC NULLS LAST,"received_on","id") WHERE amount is not null and kind not in ('pledge', 'bequest_intention');
