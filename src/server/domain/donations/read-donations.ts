import { z } from 'zod';
import type { Executor } from '../../db/connection';
import {
  donationsOfContact,
  findDonation,
  listDonationRows,
  type DonationRow,
} from '../../db/repositories/donations';
import { fundsAmong } from '../../db/repositories/funds';
import { contactsAmong } from '../../db/repositories/gifts';
import { notFound } from '../../errors';
import type { Actor } from '../actor';
import { decodeCursor, encodeCursor, type Page } from '../cursor';
import type { PortalUser } from '../portal/portal';
import { presentDonation, presentMyDonation, type DonationView } from './present';

async function fundNames(db: Executor, orgId: string, rows: DonationRow[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.fundId ? [r.fundId] : [])))];
  return new Map((await fundsAmong(db, orgId, ids)).map((f) => [f.id, f.name]));
}

async function present(db: Executor, orgId: string, rows: DonationRow[]): Promise<DonationView[]> {
  const people = await contactsAmong(db, orgId, [...new Set(rows.map((r) => r.contactId))]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const funds = await fundNames(db, orgId, rows);
  return rows.map((r) =>
    presentDonation(
      r,
      { id: r.contactId, name: names.get(r.contactId) ?? '' },
      r.fundId ? (funds.get(r.fundId) ?? null) : null,
    ),
  );
}

/** Staff's view of a donation row. */
export async function readDonationRow(db: Executor, actor: Actor, row: DonationRow) {
  return (await present(db, actor.orgId, [row]))[0]!;
}

/** One donation, for staff. */
export async function readDonation(db: Executor, actor: Actor, id: string) {
  const row = await findDonation(db, actor.orgId, id);
  if (!row) throw notFound('donation');
  return readDonationRow(db, actor, row);
}

/** The organization's donations, newest first, by status. */
export async function listDonations(
  db: Executor,
  actor: Actor,
  query: { status?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<DonationView>> {
  const after = decodeCursor(query.cursor, z.object({ id: z.uuid() }));
  const rows = await listDonationRows(db, actor.orgId, query, after?.id, query.limit + 1);
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  return {
    data: await present(db, actor.orgId, page),
    nextCursor: more ? encodeCursor({ id: page.at(-1)!.id }) : null,
  };
}

/** A donor's own donations on the portal, newest first. */
export async function myDonations(db: Executor, user: PortalUser) {
  const rows = await donationsOfContact(db, user.orgId, user.contactId);
  const funds = await fundNames(db, user.orgId, rows);
  return rows.map((r) => presentMyDonation(r, r.fundId ? (funds.get(r.fundId) ?? null) : null));
}
