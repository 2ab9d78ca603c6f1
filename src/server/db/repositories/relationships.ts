import { aliasedTable, and, eq, or } from 'drizzle-orm';
import type { Executor } from '../connection';
import { contacts, relationships } from '../schema';

/** A relationship row. */
export type RelationshipRow = typeof relationships.$inferSelect;

/** Every relationship a contact takes part in, from either side, with the other contact's name. */
export async function relationshipsOf(db: Executor, orgId: string, contactId: string) {
  const other = aliasedTable(contacts, 'other');
  return db
    .select({ rel: relationships, otherName: other.name, otherId: other.id })
    .from(relationships)
    .innerJoin(
      other,
      and(
        eq(other.orgId, relationships.orgId),
        or(
          and(eq(relationships.fromContactId, contactId), eq(other.id, relationships.toContactId)),
          and(eq(relationships.toContactId, contactId), eq(other.id, relationships.fromContactId)),
        ),
      ),
    )
    .where(
      and(
        eq(relationships.orgId, orgId),
        or(eq(relationships.fromContactId, contactId), eq(relationships.toContactId, contactId)),
      ),
    );
}

/** Inserts a relationship; undefined when the same one exists. */
export async function insertRelationship(db: Executor, values: typeof relationships.$inferInsert) {
  const [row] = await db.insert(relationships).values(values).onConflictDoNothing().returning();
  return row;
}

/** A relationship of the organization by id. */
export async function findRelationship(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(relationships)
    .where(and(eq(relationships.orgId, orgId), eq(relationships.id, id)));
  return row;
}

/** Removes a relationship. */
export async function deleteRelationship(db: Executor, orgId: string, id: string): Promise<void> {
  await db
    .delete(relationships)
    .where(and(eq(relationships.orgId, orgId), eq(relationships.id, id)));
}
