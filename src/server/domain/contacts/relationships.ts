import type { relationshipTypes } from '../../../shared/contacts';
import { relationshipInverse } from '../../../shared/contacts';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findContact } from '../../db/repositories/contacts';
import {
  deleteRelationship,
  findRelationship,
  insertRelationship,
  relationshipsOf,
} from '../../db/repositories/relationships';
import { AppError, invalid, notFound } from '../../errors';
import type { Actor } from '../actor';

type RelType = (typeof relationshipTypes)[number];

/** A relationship seen from one contact: "Ana is the *parent* of Marta". */
export type RelationshipView = {
  id: string;
  type: string;
  contact: { id: string; name: string };
  note: string | null;
  createdAt: string;
};

const symmetric = new Set<RelType>(['spouse', 'partner', 'sibling', 'friend', 'other']);

/** Relationships of a contact, each named from that contact's side. */
export async function listRelationships(
  db: Executor,
  actor: Actor,
  contactId: string,
): Promise<RelationshipView[]> {
  if (!(await findContact(db, actor.orgId, contactId))) throw notFound('contact');
  const rows = await relationshipsOf(db, actor.orgId, contactId);
  return rows.map(({ rel, otherId, otherName }) => ({
    id: rel.id,
    type: rel.fromContactId === contactId ? rel.type : relationshipInverse[rel.type],
    contact: { id: otherId, name: otherName },
    note: rel.note,
    createdAt: rel.createdAt.toISOString(),
  }));
}

/** Links two contacts of the organization; "from is the `type` of to". 409 when it exists. */
export async function addRelationship(
  db: Executor,
  actor: Actor,
  fromId: string,
  input: { type: RelType; toContactId: string; note?: string },
): Promise<RelationshipView> {
  if (fromId === input.toContactId)
    throw invalid('toContactId', 'a contact cannot be related to itself');
  return db.transaction(async (tx) => {
    const from = await findContact(tx, actor.orgId, fromId);
    if (!from) throw notFound('contact');
    const to = await findContact(tx, actor.orgId, input.toContactId);
    if (!to) throw invalid('toContactId', 'no such contact');
    // Symmetric links are stored once, from the smaller id, so A–B and B–A are the same row.
    const [a, b] =
      symmetric.has(input.type) && to.id < from.id ? [to.id, from.id] : [from.id, to.id];
    const row = await insertRelationship(tx, {
      orgId: actor.orgId,
      fromContactId: a,
      toContactId: b,
      type: input.type,
      note: input.note ?? null,
    });
    if (!row) throw new AppError('conflict', 'this relationship exists');
    await appendAudit(tx, actor, {
      action: 'create',
      entityType: 'relationship',
      entityId: row.id,
      after: row,
    });
    return {
      id: row.id,
      type: row.fromContactId === fromId ? row.type : relationshipInverse[row.type],
      contact: { id: to.id, name: to.name },
      note: row.note,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

/** Removes a relationship that involves the given contact. */
export async function removeRelationship(
  db: Executor,
  actor: Actor,
  contactId: string,
  id: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await findRelationship(tx, actor.orgId, id);
    if (!row || (row.fromContactId !== contactId && row.toContactId !== contactId))
      throw notFound('relationship');
    await deleteRelationship(tx, actor.orgId, id);
    await appendAudit(tx, actor, {
      action: 'delete',
      entityType: 'relationship',
      entityId: id,
      before: row,
    });
  });
}
