import type { z } from 'zod';
import type { organizationChanges } from '../../../shared/schemas/organization';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  ownerOfInboundAddress,
  replaceInboundAddresses,
  updateOrganizationRow,
} from '../../db/repositories/organizations';
import { AppError } from '../../errors';
import type { Actor } from '../actor';
import { getOrganization } from './get-organization';

/**
 * Changes the organization's settings (admins): its name, defaults and the addresses at which it
 * receives mail — an address another organization owns is a 409, and nothing changes.
 */
export async function updateOrganization(
  db: Executor,
  actor: Actor,
  input: z.infer<typeof organizationChanges>,
) {
  return db.transaction(async (tx) => {
    const before = await getOrganization(tx, actor);
    const { inboundAddresses, ...fields } = input;
    await updateOrganizationRow(tx, actor.orgId, {
      ...fields,
      ...(fields.defaultCountry ? { defaultCountry: fields.defaultCountry.toUpperCase() } : {}),
    });
    if (inboundAddresses) {
      const wanted = [...new Set(inboundAddresses.map((a) => a.toLowerCase()))];
      for (const address of wanted) {
        const owner = await ownerOfInboundAddress(tx, address);
        if (owner && owner !== actor.orgId)
          throw new AppError('conflict', `${address} belongs to another organization`, [
            { path: 'inboundAddresses', message: `${address} is taken` },
          ]);
      }
      await replaceInboundAddresses(tx, actor.orgId, wanted);
    }
    const after = await getOrganization(tx, actor);
    await appendAudit(tx, actor, {
      action: 'update',
      entityType: 'organization',
      entityId: actor.orgId,
      before,
      after,
    });
    return after;
  });
}
