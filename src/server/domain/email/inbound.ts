import type { Clock } from '../../../core/clock';
import { claimedRequestId, verifyReplyAddress } from '../../../core/email/reply-token';
import type { Executor, Tx } from '../../db/connection';
import { findContactByEmail } from '../../db/repositories/contacts';
import {
  addressesOf,
  finishInbound,
  insertInbound,
  lockInbound,
  requestById,
  requestOfEmailMessage,
} from '../../db/repositories/inbound';
import { upsertJob } from '../../db/repositories/jobs';
import { findOrganization, ownerOfInboundAddress } from '../../db/repositories/organizations';
import {
  markAddressBounced,
  requestOfSentMessage,
  sentMessageIds,
} from '../../db/repositories/outbox';
import { findRequest, insertMessage, type RequestRow } from '../../db/repositories/requests';
import { findUsersByEmail, listUsers } from '../../db/repositories/users';
import { parseMessage, type ParsedEmail } from '../../email/parse-message';
import type { MailDeps } from '../../email/settings';
import { systemActor, type Actor } from '../actor';
import { createPerson } from '../contacts/create-contact';
import { attachFile } from '../requests/attachments';
import { createRequest } from '../requests/create-request';
import { databaseFileStore } from '../../storage/file-store';
import { addRequesterMessage, addStaffMessage } from '../requests/messages';
import { cleanSubject, subjectReference } from './subjects';
import { emailAssignee } from './notify';
import { guessLanguage } from '../../../core/text/guess-language';

/** The job that turns a stored incoming email into requests and messages. */
export const processInboundJob = 'email.inbound';

/**
 * Stores an incoming email exactly as it arrived and queues its processing, in one transaction:
 * the SMTP listener answers 250 (the webhook 202) only after this commits.
 */
export async function receiveEmail(
  db: Executor,
  input: {
    source: 'smtp' | 'webhook';
    envelopeFrom: string | null;
    envelopeTo: string[];
    raw: Buffer;
    orgId?: string;
  },
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const row = await insertInbound(tx, {
      source: input.source,
      envelopeFrom: input.envelopeFrom,
      envelopeTo: input.envelopeTo.map((a) => a.toLowerCase()),
      raw: input.raw,
      size: input.raw.length,
      orgId: input.orgId ?? null,
      receivedAt: now,
    });
    await upsertJob(tx, {
      orgId: input.orgId ?? null,
      name: processInboundJob,
      key: `inbound:${row.id}`,
      payload: { inboundId: row.id },
      runAt: now,
    });
    return { id: row.id };
  });
}

/** Where the recipients of an email point: a request by its signed reply address, or an organization. */
export type Destination = {
  orgId: string;
  requestId?: string;
  verifiedToken: boolean;
  /** The staff member a staff reply address was made for (never set by a requester's address). */
  staffUserId?: string | null;
};

/**
 * Whether Tend accepts mail for an address: a reply address whose signature verifies, or an
 * organization's inbound address. The SMTP listener asks this before it takes any data.
 */
export async function destinationOf(
  db: Executor,
  deps: Pick<MailDeps, 'secret' | 'domain'>,
  address: string,
): Promise<Destination | undefined> {
  const lower = address.toLowerCase();
  const at = lower.lastIndexOf('@');
  const [local, domain] = [lower.slice(0, at), lower.slice(at + 1)];
  const plus = local.indexOf('+');
  if (plus > 0) {
    // A reply address: `reply+<token>@TEND_EMAIL_DOMAIN`, or the organization's own inbound
    // address with the token after a plus (`help+<token>@foodbank.org`).
    const claimed = claimedRequestId(lower);
    const request = claimed ? await requestById(db, claimed) : undefined;
    if (!request) return undefined;
    // The address may be a staff member's (made for them, in mail to them): try the
    // organization's active staff too; the requester's address vouches for nobody.
    const staff = (await listUsers(db, request.orgId)).filter((u) => u.active).map((u) => u.id);
    const check = verifyReplyAddress(deps.secret, lower, staff);
    if (!check.ok || check.requestId !== request.id) return undefined;
    const base = `${local.slice(0, plus)}@${domain}`;
    const ours =
      domain === deps.domain.toLowerCase() ||
      (await ownerOfInboundAddress(db, base)) === request.orgId;
    return ours
      ? {
          orgId: request.orgId,
          requestId: request.id,
          verifiedToken: true,
          staffUserId: check.staffUserId,
        }
      : undefined;
  }
  const orgId = await ownerOfInboundAddress(db, lower);
  return orgId ? { orgId, verifiedToken: false } : undefined;
}

async function destinationOfAll(
  db: Executor,
  deps: MailDeps,
  addresses: string[],
  orgHint: string | null,
): Promise<Destination | undefined> {
  const found: Destination[] = [];
  for (const a of new Set(addresses.map((x) => x.toLowerCase())))
    if (found.length < 50) {
      const d = await destinationOf(db, deps, a);
      if (d) found.push(d);
    }
  const usable = found.filter((d) => !orgHint || d.orgId === orgHint);
  return (
    usable.find((d) => d.requestId) ??
    usable[0] ??
    (orgHint ? { orgId: orgHint, verifiedToken: false } : undefined)
  );
}

/** The request an email continues: signed reply address, then thread headers, then subject. */
async function threadOf(
  tx: Executor,
  orgId: string,
  email: ParsedEmail,
  dest: Destination,
  sender: string | null,
): Promise<RequestRow | undefined> {
  if (dest.requestId) return findRequest(tx, orgId, dest.requestId);
  const ids = [email.inReplyTo, ...email.references].filter((x): x is string => !!x);
  const byHeader =
    (await requestOfEmailMessage(tx, orgId, ids)) ??
    (await requestOfSentMessage(tx, [orgId], ids))?.requestId;
  if (byHeader) return findRequest(tx, orgId, byHeader);
  const number = subjectReference(email.subject);
  if (number === undefined || !sender) return undefined;
  const request = await findRequest(tx, orgId, number);
  // The last resort needs the requester's own address: a reference alone proves nothing.
  if (request && (await addressesOf(tx, orgId, request.requesterId)).includes(sender))
    return request;
  return undefined;
}

/**
 * Processes a stored incoming email: parses it (a crash here re-parses from the original), finds
 * the organization and the request it continues, and adds it as what the sender is allowed to be:
 * the requester's reply; a staff member's public reply only when the signed reply address
 * verifies and the sender is that organization's staff; anyone else's words as an internal note
 * marked for review. Automatic mail (auto-replies, bounces) never reopens, never counts as a
 * reply and is never answered; a hard bounce marks the address.
 */
export async function processInbound(
  tx: Tx,
  clock: Clock,
  deps: MailDeps,
  inboundId: string,
): Promise<void> {
  const row = await lockInbound(tx, inboundId);
  if (!row || row.state !== 'received') return;
  const now = clock.now();
  const finish = (state: 'processed' | 'rejected', outcome: object, orgId: string | null = null) =>
    finishInbound(tx, row.id, { state, outcome, orgId, error: null, processedAt: now });
  const email = await parseMessage(row.raw);
  const dest = await destinationOfAll(
    tx,
    deps,
    [
      ...row.envelopeTo,
      ...email.to.map((a) => a.address),
      ...email.cc.map((a) => a.address),
    ].filter((a): a is string => !!a),
    row.orgId,
  );
  if (!dest)
    return finish('rejected', { reason: 'no organization receives mail at these addresses' });
  const orgId = dest.orgId;
  const org = await findOrganization(tx, orgId);
  if (!org) return finish('rejected', { reason: 'organization gone' });
  const sender = email.from?.address?.toLowerCase() ?? null;
  if (email.bounce) {
    // Only a bounce of mail we really sent counts: it must quote one of our Message-IDs, or
    // anyone could silence a contact by mailing a fake report.
    const recipient = email.bounce.recipient;
    const ours = recipient ? await sentMessageIds(tx, orgId, recipient) : [];
    const raw = row.raw.toString('latin1');
    const genuine = ours.some((id) => raw.includes(id));
    const marked =
      email.bounce.hard && recipient && genuine
        ? await markAddressBounced(tx, orgId, recipient, now)
        : 0;
    return finish(
      'processed',
      { bounce: email.bounce, quotesOurMail: genuine, addressesMarked: marked },
      orgId,
    );
  }
  const body = (email.visibleText || email.text || '(no text)').slice(0, 50_000);
  // An empty return path (MAIL FROM:<>) marks machine mail too, whatever its headers say.
  if (row.source === 'smtp' && !row.envelopeFrom && !email.autoSubmitted)
    Object.assign(email, { autoSubmitted: true, autoReason: 'auto-submitted' });
  const request = await threadOf(tx, orgId, email, dest, sender);
  if (!request) {
    // Tend never answers automatic mail, and an auto-reply to nothing opens nothing.
    if (email.autoSubmitted) return finish('processed', { ignored: email.autoReason }, orgId);
    if (!sender) return finish('rejected', { reason: 'no sender address' }, orgId);
    return finish('processed', await openFromEmail(tx, clock, org, email, sender, body), orgId);
  }
  const outcome = await continueThread(tx, clock, request, email, dest, sender, body);
  return finish('processed', outcome, orgId);
}

async function openFromEmail(
  tx: Tx,
  clock: Clock,
  org: { id: string; defaultLanguage: string },
  email: ParsedEmail,
  sender: string,
  body: string,
) {
  const actor = systemActor(org.id);
  const name = email.from?.name?.trim() || sender.split('@')[0]!;
  const written = guessLanguage(`${email.subject}\n${body}`);
  const contact =
    (await findContactByEmail(tx, org.id, sender)) ??
    (await createPerson(tx, clock, actor, name, {
      roles: ['client'],
      emails: [{ address: sender }],
      // A newcomer is answered in the language they wrote in, when it is clear.
      preferredLanguage: written ?? null,
    }));
  const request = await createRequest(
    tx,
    clock,
    actor,
    {
      subject: cleanSubject(email.subject) || '(no subject)',
      description: body,
      requesterId: contact.id,
      language: contact.preferredLanguage ?? written ?? null,
      priority: 'normal',
      channel: 'email',
      tags: [],
      customFields: {},
    },
    { acknowledge: { references: email.messageId ? [email.messageId] : [] } },
  );
  await insertMessage(tx, {
    orgId: org.id,
    requestId: request.id,
    visibility: 'public',
    author: 'requester',
    authorContactId: contact.id,
    channel: 'email',
    body,
    emailMessageId: email.messageId,
    fromAddress: sender,
    createdAt: clock.now(),
  });
  const files = await keepAttachments(tx, actor, request.id, email);
  await emailAssignee(tx, (await findRequest(tx, org.id, request.id))!, clock.now(), body);
  return { opened: request.id, reference: request.reference, contactId: contact.id, files };
}

async function continueThread(
  tx: Tx,
  clock: Clock,
  request: RequestRow,
  email: ParsedEmail,
  dest: Destination,
  sender: string | null,
  body: string,
) {
  const orgId = request.orgId;
  const isRequester =
    !!sender && (await addressesOf(tx, orgId, request.requesterId)).includes(sender);
  // Staff only through the address made for that very staff member, from their own address.
  const staff =
    dest.staffUserId && sender
      ? (await findUsersByEmail(tx, sender, orgId)).find(
          (u) => u.active && u.id === dest.staffUserId,
        )
      : undefined;
  const note = (why: string, automatic: boolean, needsReview: boolean) =>
    insertMessage(tx, {
      orgId,
      requestId: request.id,
      visibility: 'internal',
      author: 'system',
      channel: 'email',
      body: `${why}\n\n${body}`,
      automatic,
      needsReview,
      emailMessageId: email.messageId,
      fromAddress: sender,
      createdAt: clock.now(),
    });
  if (email.autoSubmitted) {
    const m = await note(`Automatic reply from ${sender ?? 'unknown sender'}:`, true, false);
    return { request: request.id, note: m.id, automatic: email.autoReason };
  }
  if (staff) {
    const actor: Actor = { orgId, type: 'user', userId: staff.id, tokenId: null, role: staff.role };
    const { message } = await addStaffMessage(tx, clock, actor, request.id, {
      body,
      visibility: 'public',
      channel: 'email',
    });
    const files = await keepAttachments(tx, actor, request.id, email);
    return { request: request.id, staffReply: message.id, by: staff.id, files };
  }
  if (isRequester) {
    const actor = systemActor(orgId);
    const {
      message,
      request: into,
      followUp,
    } = await addRequesterMessage(tx, clock, actor, request.id, {
      body,
      channel: 'email',
      emailMessageId: email.messageId,
      fromAddress: sender,
    });
    const files = await keepAttachments(tx, actor, into.id, email);
    return { request: into.id, message: message.id, followUp, files };
  }
  // Neither the requester nor (provably) staff: never their reply, never staff's; a person looks.
  const m = await note(
    `From ${sender ?? 'an unknown sender'} (not the requester) — please review:`,
    false,
    true,
  );
  return { request: request.id, note: m.id, needsReview: true };
}

/** Attachments kept from one email at most. */
export const maxEmailAttachments = 20;

/**
 * Keeps an email's attachments on the request, each checked like an upload (size, type judged
 * from the bytes); one that is refused is named in the outcome and the rest are kept. Only mail
 * from the requester or staff brings files: a stranger's note keeps none.
 */
async function keepAttachments(tx: Tx, actor: Actor, requestId: string, email: ParsedEmail) {
  const kept: string[] = [];
  const refused: { name: string; reason: string }[] = [];
  for (const [i, a] of email.attachments.entries()) {
    if (a.contentType === 'message/delivery-status') continue;
    const name = a.filename ?? `attachment-${i + 1}`;
    if (i >= maxEmailAttachments) {
      refused.push({ name, reason: `more than ${maxEmailAttachments} files` });
      continue;
    }
    try {
      // A savepoint: a refused file must not undo the message.
      const file = await tx.transaction((inner) =>
        attachFile(inner, databaseFileStore, actor, requestId, { name, bytes: a.content }),
      );
      kept.push(file.id);
    } catch (err) {
      refused.push({ name, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return { kept, refused };
}
