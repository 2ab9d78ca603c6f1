import type { SQL } from 'drizzle-orm';
import { newId } from '../../../core/ids';
import { replyAddress } from '../../../core/email/reply-token';
import type { Executor } from '../../db/connection';
import { jobsNotice, upsertJobsQuery, type JobPlan } from '../../db/repositories/jobs';
import { findOrganization, inboundAddresses } from '../../db/repositories/organizations';
import { findUser } from '../../db/repositories/users';
import {
  insertOutboxQuery,
  claimForSending,
  findOutboxRow,
  markAddressBounced,
  setMessageEmailId,
  updateOutboxRow,
} from '../../db/repositories/outbox';
import { writeTogether, type Notice } from '../../db/write-together';
import { renderEmail, type TemplateData, type TemplateName } from '../../email/templates';
import type { MailDeps } from '../../email/settings';

/** The job that delivers one queued email. */
export const deliverEmailJob = 'email.deliver';

/** How long a send may take before a claim without an outcome counts as cut off by a crash. */
export const sendingLeaseMs = 10 * 60_000;

/** Attempts before an email that keeps failing for a temporary reason is given up. */
export const maxDeliveryAttempts = 8;

/**
 * An email to queue. The payload is what its template needs, less what delivery fills in (the
 * organization's name and time zone, links); dates travel as ISO strings.
 */
export type EmailPlan = {
  orgId: string;
  recipient: string;
  template: TemplateName;
  language: string | null;
  payload: Record<string, unknown>;
  requestId?: string;
  /** The message this email carries (a staff reply), which learns the Message-ID on delivery. */
  messageRowId?: string;
  /** Message-IDs it answers, oldest first; the last is its In-Reply-To. */
  references?: string[];
};

/**
 * The writes that queue emails in the caller's change (for writeTogether): one outbox row each,
 * and a delivery job keyed by it, so the email exists exactly when the change commits.
 */
export function emailWrites(emails: readonly EmailPlan[], now: Date, onlyIf?: SQL) {
  if (emails.length === 0) return { parts: [], notices: [] as Notice[] };
  const rows = emails.map((e) => ({
    id: newId(),
    orgId: e.orgId,
    kind: 'email' as const,
    recipient: e.recipient,
    template: e.template,
    language: e.language ?? 'en',
    payload: { ...e.payload, ...(e.messageRowId ? { messageRowId: e.messageRowId } : {}) },
    requestId: e.requestId ?? null,
    references: e.references ?? [],
    createdAt: now,
  }));
  const jobs: JobPlan[] = rows.map((r) => ({
    orgId: r.orgId,
    name: deliverEmailJob,
    key: `email:${r.id}`,
    payload: { outboxId: r.id },
    runAt: now,
  }));
  return {
    parts: [insertOutboxQuery(rows, onlyIf), upsertJobsQuery(jobs, onlyIf)],
    notices: [jobsNotice([now])],
  };
}

/** Queues emails now, in the caller's transaction. */
export async function queueEmails(
  tx: Executor,
  emails: readonly EmailPlan[],
  now: Date,
): Promise<void> {
  const w = emailWrites(emails, now);
  await writeTogether(tx, w.parts, w.notices);
}

/** What a template needs beyond the queued payload, from the organization and the settings. */
async function templateData(
  tx: Executor,
  template: TemplateName,
  payload: Record<string, unknown>,
  org: { id: string; slug: string; name: string; timeZone: string },
  deps: MailDeps,
): Promise<TemplateData[TemplateName]> {
  const common = {
    ...payload,
    organizationName: org.name,
    timeZone: org.timeZone,
    // The requester may follow the request on the portal (they sign in there by email link).
    ...(typeof payload.requestId === 'string'
      ? { portalLink: `${deps.publicUrl}/p/${org.slug}/requests/${payload.requestId}` }
      : {}),
  };
  switch (template) {
    case 'request_received':
      return {
        ...common,
        promisedBy: payload.promisedBy ? new Date(payload.promisedBy as string) : null,
      } as TemplateData['request_received'];
    case 'staff_reply': {
      const agent =
        typeof payload.agentUserId === 'string'
          ? await findUser(tx, org.id, payload.agentUserId)
          : undefined;
      return {
        ...common,
        agentName: agent?.name ?? org.name,
      } as unknown as TemplateData['staff_reply'];
    }
    case 'requester_wrote':
      return {
        ...common,
        link: `${deps.publicUrl}/app/requests/${typeof payload.requestId === 'string' ? payload.requestId : ''}`,
      } as unknown as TemplateData['requester_wrote'];
    case 'team_line_alert':
      return {
        ...common,
        link: `${deps.publicUrl}/`,
      } as unknown as TemplateData['team_line_alert'];
    default:
      return common as unknown as TemplateData[TemplateName];
  }
}

/**
 * A request's reply address: the organization's first inbound address with a signed token after
 * a plus (`help+<token>@foodbank.org`, so replies reach the organization's own mailbox, which
 * forwards to Tend), or `reply+<token>@TEND_EMAIL_DOMAIN` when it has none that fits.
 */
export function replyAddressOf(
  deps: Pick<MailDeps, 'secret' | 'domain'>,
  requestId: string,
  orgAddresses: readonly string[],
  staffUserId?: string,
): string {
  const own = orgAddresses[0]?.toLowerCase();
  const [local, domain] = own
    ? [own.slice(0, own.lastIndexOf('@')), own.slice(own.lastIndexOf('@') + 1)]
    : [];
  if (local && domain && /^[a-z0-9][a-z0-9._-]{0,20}$/.test(local) && !local.includes('+'))
    return replyAddress({
      secret: deps.secret,
      requestId,
      domain,
      localPrefix: local,
      staffUserId,
    });
  return replyAddress({ secret: deps.secret, requestId, domain: deps.domain, staffUserId });
}

/**
 * Delivers one queued email AT MOST ONCE, in steps that each commit on their own:
 * 1. claim the row for sending (`sending_at`; a second worker gets nothing and stops);
 * 2. render it in the recipient's language and send it with our Message-ID and — for a
 *    request — its signed reply address and thread headers;
 * 3. record the outcome: delivered; or, on a temporary refusal (4xx, no answer), release the
 *    claim and throw, so the job retries with backoff until `maxDeliveryAttempts`; on a
 *    permanent one (5xx), give up and mark the address as bouncing.
 * A row found claimed for longer than `sendingLeaseMs` but neither delivered nor released was cut
 * off mid-send (a crash): it is marked failed, never sent again, so nobody gets an email twice; staff see it in the outbox.
 * `attempt` counts this try (the job's attempts, which claiming the job already counted).
 */
export async function deliverEmail(
  db: Executor,
  deps: MailDeps,
  outboxId: string,
  attempt: number,
  now: Date,
): Promise<void> {
  const row = await claimForSending(db, outboxId, now);
  if (!row) {
    // Claimed by someone else: still sending (its own job answers for it), or cut off long ago.
    const seen = await findOutboxRow(db, outboxId);
    const cutOff = seen?.sendingAt && now.getTime() - seen.sendingAt.getTime() > sendingLeaseMs;
    if (seen && cutOff && !seen.deliveredAt && !seen.failedAt)
      await updateOutboxRow(db, seen.id, {
        failedAt: now,
        lastError: 'interrupted while sending; not sent again, so that it never arrives twice',
      });
    return;
  }
  const org = await findOrganization(db, row.orgId);
  if (!org) return;
  const payload: Record<string, unknown> = {
    ...(row.payload as Record<string, unknown>),
    requestId: row.requestId,
  };
  const template = row.template as TemplateName;
  const email = renderEmail(
    template,
    row.language,
    await templateData(db, template, payload, org, deps),
  );
  const messageId = row.messageId ?? `<${row.id}@${deps.domain}>`;
  const references = row.references;
  let response: string;
  try {
    ({ response } = await deps.mailer.send({
      from: `"${org.name.replace(/["\\\r\n]/g, '')}" <${deps.fromAddress}>`,
      to: row.recipient,
      replyTo: row.requestId
        ? replyAddressOf(
            deps,
            row.requestId,
            await inboundAddresses(db, row.orgId),
            typeof payload.staffUserId === 'string' ? payload.staffUserId : undefined,
          )
        : undefined,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId,
      inReplyTo: references.at(-1),
      references: references.length ? references : undefined,
      automatic:
        template === 'staff_reply'
          ? false
          : template === 'request_received'
            ? 'auto-replied'
            : 'auto-generated',
    }));
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    const permanent = code !== undefined && code >= 500;
    const last = !permanent && attempt >= maxDeliveryAttempts;
    await updateOutboxRow(db, row.id, {
      attempts: attempt,
      lastError: String(err).slice(0, 2000),
      ...(permanent || last ? { failedAt: now } : { sendingAt: null }), // released: retry
    });
    if (permanent) await markAddressBounced(db, row.orgId, row.recipient, now);
    if (!permanent && !last) throw err;
    return;
  }
  await updateOutboxRow(db, row.id, {
    deliveredAt: now,
    messageId,
    smtpResponse: response.slice(0, 1000),
    attempts: attempt,
    // A sign-in link is a secret: once sent, the outbox keeps no usable copy of it.
    ...(row.template === 'portal_sign_in'
      ? { payload: { ...payload, link: String(payload.link).replace(/#.*$/, '#(sent)') } }
      : {}),
  });
  if (typeof payload.messageRowId === 'string')
    await setMessageEmailId(db, row.orgId, payload.messageRowId, messageId);
}
