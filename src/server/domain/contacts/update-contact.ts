import type { Clock } from '../../../core/clock';
import type { UpdateContactInput } from '../../../shared/schemas/contacts';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  findContact,
  replaceChannels,
  updateContactRow,
  withDetails,
} from '../../db/repositories/contacts';
import { findOrganization } from '../../db/repositories/organizations';
import { invalid, notFound } from '../../errors';
import { presentContact, type ContactView } from '../../presenters/contact';
import type { Actor } from '../actor';
import { checkVersion } from '../versioning';
import { channelRows, contactSearchText, displayName } from './normalize';
import { checkContactReferences } from './references';

/**
 * Changes a contact. Lists given replace the stored ones. With `expectedVersion` (from If-Match)
 * a concurrent change is refused with 412 instead of being overwritten.
 */
export async function updateContact(
  db: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
  input: UpdateContactInput,
  expectedVersion?: number,
): Promise<ContactView> {
  return db.transaction(async (tx) => {
    const current = await findContact(tx, actor.orgId, id);
    if (!current) throw notFound('contact');
    checkVersion('contact', current.version, expectedVersion);
    if (current.kind === 'person' && input.organizationType) {
      throw invalid('organizationType', 'only for organizations');
    }
    const [before] = await withDetails(tx, actor.orgId, [current]);
    const org = await findOrganization(tx, actor.orgId);
    const channels = channelRows(input, org?.defaultCountry ?? null);
    await checkContactReferences(tx, actor.orgId, input);
    const givenName = input.givenName === undefined ? current.givenName : input.givenName;
    const familyName = input.familyName === undefined ? current.familyName : input.familyName;
    const namesChanged = input.givenName !== undefined || input.familyName !== undefined;
    const name =
      input.name ??
      (namesChanged && current.kind === 'person'
        ? displayName('person', { givenName, familyName })
        : current.name);
    const { emails: _e, phones: _p, addresses: _a, ...fields } = input;
    const row = await updateContactRow(tx, actor.orgId, id, {
      ...fields,
      name,
      searchText: contactSearchText({ name, givenName, familyName }),
      updatedAt: clock.now(),
    });
    await replaceChannels(tx, actor.orgId, id, channels);
    const [after] = await withDetails(tx, actor.orgId, [row!]);
    const view = presentContact(after!);
    await appendAudit(tx, actor, {
      action: 'update',
      entityType: 'contact',
      entityId: id,
      before: presentContact(before!),
      after: view,
    });
    return view;
  });
}
