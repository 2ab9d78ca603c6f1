import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact } from '../../../tests/support/factories';
import { emailDesk, testMailDeps, type EmailDesk } from '../../../tests/support/mail';
import { upsertJob } from '../db/repositories/jobs';
import { contactEmails, jobs, outbox } from '../db/schema';
import { deliverEmailJob, maxDeliveryAttempts } from '../domain/email/outbox';
import { jobRegistry } from '../jobs/registry';
import { JobWorker } from '../jobs/worker';

let desk: EmailDesk;
beforeAll(async () => {
  desk = await emailDesk();
});
afterAll(() => desk.close());

const unique = () => randomUUID().slice(0, 8);
const db = () => desk.api.database.db;
const outboxTo = async (recipient: string) =>
  db().select().from(outbox).where(eq(outbox.recipient, recipient));
const jobOf = async (outboxId: string) =>
  (
    await db()
      .select()
      .from(jobs)
      .where(eq(jobs.key, `email:${outboxId}`))
  )[0];
const bouncedAt = async (address: string) =>
  (
    await db()
      .select()
      .from(contactEmails)
      .where(and(eq(contactEmails.orgId, desk.org.org.id), eq(contactEmails.address, address)))
  )[0]!.bouncedAt;

/** Moves the clock to each retry of the email's delivery job and runs it, until none is left. */
async function retryUntilDone(outboxId: string) {
  for (let i = 0; i < 2 * maxDeliveryAttempts; i++) {
    const job = await jobOf(outboxId);
    if (!job) return;
    if (job.runAt > desk.api.clock.now()) desk.api.clock.set(job.runAt);
    await desk.worker.runDue();
  }
  throw new Error('the delivery job never finished');
}

describe('delivery to a far end that refuses', () => {
  it('gives up on a permanent refusal (550) at once: failed, the address marked bouncing, never retried', async () => {
    const address = `reject-${unique()}@example.org`;
    await desk.client().sendMail({ from: address, to: desk.inbox, subject: 'Hi', text: 'Help' });
    await desk.settle();
    const [row] = await outboxTo(address);
    expect(row).toMatchObject({ deliveredAt: null, attempts: 1 });
    expect(row!.failedAt).not.toBeNull();
    expect(row!.lastError).toContain('550');
    expect(await bouncedAt(address)).not.toBeNull();
    expect(await jobOf(row!.id)).toBeUndefined();

    desk.api.clock.advance(6 * 3_600_000);
    await desk.settle();
    expect(desk.farEnd.attempts.get(address)).toBe(1);
    expect(desk.mailTo(address)).toEqual([]);
  });

  it('retries a temporary refusal (451) after the backoff and delivers it exactly once', async () => {
    const address = `later2-${unique()}@example.org`; // refused twice, then taken
    await desk.client().sendMail({ from: address, to: desk.inbox, subject: 'Hi', text: 'Help' });
    await desk.settle();
    const [row] = await outboxTo(address);
    expect(row).toMatchObject({ deliveredAt: null, failedAt: null });
    expect(desk.farEnd.attempts.get(address)).toBe(1);
    const job = await jobOf(row!.id);
    expect(job!.runAt.getTime()).toBeGreaterThan(desk.api.clock.now().getTime());
    await desk.settle(); // not due yet: nothing happens
    expect(desk.farEnd.attempts.get(address)).toBe(1);

    await retryUntilDone(row!.id);
    const [done] = await outboxTo(address);
    expect(done).toMatchObject({ failedAt: null, attempts: 3 });
    expect(done!.deliveredAt).not.toBeNull();
    expect(desk.farEnd.attempts.get(address)).toBe(3);
    expect(await bouncedAt(address)).toBeNull();

    desk.api.clock.advance(6 * 3_600_000);
    await desk.settle();
    expect(desk.mailTo(address)).toHaveLength(1);
  });

  it(`gives up after ${maxDeliveryAttempts} temporary refusals without marking the address`, async () => {
    const address = `later-${unique()}@example.org`; // refused for ever
    await desk.client().sendMail({ from: address, to: desk.inbox, subject: 'Hi', text: 'Help' });
    await desk.settle();
    const [row] = await outboxTo(address);
    await retryUntilDone(row!.id);
    const [failed] = await outboxTo(address);
    expect(failed).toMatchObject({ deliveredAt: null, attempts: maxDeliveryAttempts });
    expect(failed!.failedAt).not.toBeNull();
    expect(desk.farEnd.attempts.get(address)).toBe(maxDeliveryAttempts);
    expect(await bouncedAt(address)).toBeNull();
  });

  it('records one attempt for an email delivered at the first try', async () => {
    const address = `fine-${unique()}@example.org`;
    await desk.client().sendMail({ from: address, to: desk.inbox, subject: 'Hi', text: 'Help' });
    await desk.settle();
    const [row] = await outboxTo(address);
    expect(row).toMatchObject({ attempts: 1, failedAt: null });
    expect(desk.mailTo(address)).toHaveLength(1);
  });
});

describe('two workers at once', () => {
  it('never sends again an email whose sending was cut off (a crash after asking the mail server)', async () => {
    const address = `crash-${unique()}@example.org`;
    const contact = await buildContact(db(), desk.org.org, { emails: [{ address }] });
    const res = await desk.call('POST', '/requests', {
      subject: 'From the web',
      requesterId: contact.id,
      channel: 'web',
    });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await db().select().from(outbox).where(eq(outbox.requestId, res.json().id));
    // As a worker leaves it when it dies between the server's answer and its own record.
    const claimedAt = new Date(desk.api.clock.now().getTime() - 60 * 60_000);
    await db().update(outbox).set({ sendingAt: claimedAt }).where(eq(outbox.id, row!.id));
    await desk.settle();
    expect(desk.mailTo(address)).toEqual([]);
    const [after] = await db().select().from(outbox).where(eq(outbox.id, row!.id));
    expect(after!.failedAt).not.toBeNull();
    expect(after!.deliveredAt).toBeNull();
    expect(after!.lastError).toContain('not sent again');
  });

  it('deliver each email exactly once, even when each email has two delivery jobs', async () => {
    const count = 30;
    const tag = unique();
    const addresses = Array.from({ length: count }, (_, i) => `many${i}-${tag}@example.org`);
    const requestIds: string[] = [];
    for (const address of addresses) {
      const contact = await buildContact(db(), desk.org.org, { emails: [{ address }] });
      const res = await desk.call('POST', '/requests', {
        subject: 'From the web',
        requesterId: contact.id,
        channel: 'web',
      });
      expect(res.statusCode, res.body).toBe(201);
      requestIds.push(res.json().id);
    }
    const rows = await db().select().from(outbox).where(inArray(outbox.requestId, requestIds));
    expect(rows).toHaveLength(count);
    for (const row of rows)
      await upsertJob(db(), {
        orgId: row.orgId,
        name: deliverEmailJob,
        key: `email-again:${row.id}`,
        payload: { outboxId: row.id },
        runAt: desk.api.clock.now(),
      });

    const otherMail = testMailDeps({ mailer: desk.farEnd.mailer() });
    const other = new JobWorker(
      desk.api.database,
      desk.api.clock,
      jobRegistry({ mail: otherMail }),
      undefined,
      [desk.org.org.id],
    );
    try {
      const [a, b] = await Promise.all([desk.worker.runDue(), other.runDue()]);
      expect(a + b).toBeGreaterThanOrEqual(2 * count);
      expect(a, 'both workers took a share').toBeGreaterThan(0);
      expect(b, 'both workers took a share').toBeGreaterThan(0);
    } finally {
      otherMail.mailer.close();
    }
    for (const address of addresses) expect(desk.mailTo(address), address).toHaveLength(1);
    const delivered = await db().select().from(outbox).where(inArray(outbox.requestId, requestIds));
    expect(delivered.every((r) => r.deliveredAt && !r.failedAt)).toBe(true);
    const ids = addresses.map((a) => desk.mailTo(a)[0]!.messageId);
    expect(new Set(ids).size).toBe(count);
    expect(ids.sort()).toEqual(delivered.map((r) => r.messageId).sort());
  });
});

describe('header injection through the public form', () => {
  it('sends the acknowledgement with a one-line subject, no Bcc and nothing to the injected address', async () => {
    const email = `eve-${unique()}@example.org`;
    const res = await desk.api.app.inject({
      method: 'POST',
      url: `/api/v1/public/${desk.org.org.slug}/requests`,
      payload: {
        name: 'Eve\r\nBcc: victim-name@example.org',
        email,
        subject: 'Need food\r\nBcc: victim@example.org\r\nX-Injected: yes',
        description: 'Hello\r\n\r\nBcc: victim-body@example.org',
      },
    });
    const victims = ['victim@example.org', 'victim-name@example.org', 'victim-body@example.org'];
    if (res.statusCode !== 400) {
      expect(res.statusCode, res.body).toBe(201);
      await desk.settle();
      const [ack, ...more] = desk.mailTo(email);
      expect(more).toEqual([]);
      expect(ack!.envelopeTo).toEqual([email]);
      const head = ack!.raw.toString('latin1').split('\r\n\r\n')[0]!;
      const fields = head
        .split(/\r\n(?![ \t])/)
        .map((f) => f.slice(0, f.indexOf(':')).toLowerCase());
      expect(fields).not.toContain('bcc');
      expect(fields).not.toContain('x-injected');
      expect(fields.filter((f) => f === 'subject')).toHaveLength(1);
      expect(ack!.subject).not.toMatch(/[\r\n]/);
      expect(ack!.subject).toContain('Need food Bcc: victim@example.org X-Injected: yes');
      expect(ack!.bcc).toBeUndefined();
    }
    await desk.settle();
    for (const victim of victims) expect(desk.mailTo(victim), victim).toEqual([]);
    expect(desk.farEnd.received.flatMap((m) => m.envelopeTo)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^victim/)]),
    );
  });
});
