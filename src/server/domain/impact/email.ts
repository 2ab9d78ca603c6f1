import type { Clock } from '../../../core/clock';
import type { ImpactReportQuery } from '../../../shared/schemas/impact';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findOrganization } from '../../db/repositories/organizations';
import { mailableAddress } from '../../db/repositories/outbox';
import { AppError } from '../../errors';
import type { Actor } from '../actor';
import { queueEmails } from '../email/outbox';
import { appendToTimeline } from '../timeline/timeline';
import { impactReport, type ImpactReport } from './report';

/**
 * Emails a donor their impact report through the outbox, in this transaction (so it goes out
 * once the change commits, and exactly once); 422 `no_email` when they have no working address.
 * The report is built now and travels in the email's payload, so it says what it said today.
 */
export async function emailImpactReport(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  contactId: string,
  q: ImpactReportQuery,
): Promise<{ recipient: string; report: ImpactReport }> {
  const report = await impactReport(tx, clock, actor, contactId, q);
  const recipient = await mailableAddress(tx, actor.orgId, contactId);
  if (!recipient)
    throw new AppError('no_email', 'the donor has no email address that works', [
      { path: 'contactId', message: 'no working email address' },
    ]);
  const org = await findOrganization(tx, actor.orgId);
  const now = clock.now();
  await queueEmails(
    tx,
    [
      {
        orgId: actor.orgId,
        recipient,
        template: 'impact_report',
        language: report.language,
        payload: { report, organizationName: org?.name ?? '' },
      },
    ],
    now,
  );
  await appendToTimeline(tx, actor, contactId, {
    kind: 'gift',
    channel: 'email',
    direction: 'outbound',
    summary: `Impact report ${report.from} – ${report.to} emailed to ${recipient}`,
    sourceType: 'impact_report',
    occurredAt: now,
  });
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'impact_report_email',
    entityId: contactId,
    after: { recipient, from: report.from, to: report.to, language: report.language },
  });
  return { recipient, report };
}
