import type { Clock } from '../../../core/clock';
import type { CreateContactInput } from '../../../shared/schemas/contacts';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { insertChannels, insertContact } from '../../db/repositories/contacts';
import { findOrganization } from '../../db/repositories/organizations';
import { invalid } from '../../errors';
import { presentContact, type ContactView } from '../../presenters/contact';
import type { Actor } from '../actor';
import { channelRows, contactSearchText, displayName } from './normalize';
import { checkContactReferences } from './references';

/**
 * Creates a contact with its emails, phones and addresses, in the caller's transaction, and
 * records it in the audit log.
 */
export async function createContact(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  input: CreateContactInput,
): Promise<ContactView> {
  if (input.kind === 'person' && input.organizationType) {
    throw invalid('organizationType', 'only for organizations');
  }
  // The organization's country is needed only to read national phone numbers.
  const org = input.phones?.length ? await findOrganization(tx, actor.orgId) : undefined;
  const name = displayName(input.kind, input);
  const channels = channelRows(input, org?.defaultCountry ?? null);
  const refs = await checkContactReferences(tx, actor.orgId, input);
  const now = clock.now();
  const row = await insertContact(tx, {
    orgId: actor.orgId,
    kind: input.kind,
    organizationType: input.kind === 'organization' ? (input.organizationType ?? 'other') : null,
    givenName: input.givenName ?? null,
    familyName: input.familyName ?? null,
    name,
    roles: input.roles ?? [],
    preferredLanguage: input.preferredLanguage ?? null,
    timeZone: input.timeZone ?? null,
    preferredChannel: input.preferredChannel ?? null,
    tags: input.tags ?? [],
    ownerUserId: input.ownerUserId ?? null,
    householdId: input.householdId ?? null,
    searchText: contactSearchText({ ...input, name }),
    createdAt: now,
    updatedAt: now,
  });
  const stored = await insertChannels(tx, actor.orgId, row.id, channels);
  const view = presentContact({ ...row, ...stored, ...refs });
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'contact',
    entityId: row.id,
    after: view,
  });
  return view;
}

/**
 * Creates a person known only by the name they typed or sent (the public forms, an email): the
 * first word is the given name, the rest the family name.
 * @example createPerson(tx, clock, actor, 'Rūta Petraitė', { roles: ['donor'] }) // givenName "Rūta"
 */
export function createPerson(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  typed: string,
  details: Omit<CreateContactInput, 'kind' | 'name' | 'givenName' | 'familyName'>,
): Promise<ContactView> {
  const name = typed.trim();
  const [givenName = name, ...rest] = name.split(/\s+/);
  return createContact(tx, clock, actor, {
    kind: 'person',
    name,
    givenName,
    familyName: rest.join(' ') || null,
    ...details,
  });
}
