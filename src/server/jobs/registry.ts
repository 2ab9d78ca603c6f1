import { z } from 'zod';
import { checkClock, checkClockPayload } from '../domain/promises/check-clock';
import { promiseJob } from '../domain/promises/clocks';
import { analyzeJob, runAnalyze } from '../domain/maintenance/analyze';
import { deliverEmail, deliverEmailJob } from '../domain/email/outbox';
import { processInbound, processInboundJob } from '../domain/email/inbound';
import type { MailDeps } from '../email/settings';
import { portalSignInJob, portalSignInPayload, runPortalSignIn } from '../domain/portal/portal';
import { levelsDailyJob, levelsDailyPayload, runDailyPlacement } from '../domain/levels/daily';
import { defineJob, type JobRegistry } from './worker';

/** Every background job Tend runs, by name: thin adapters over domain functions. */
export function jobRegistry(deps: { mail: MailDeps }): JobRegistry {
  return {
    [promiseJob]: defineJob({
      payload: checkClockPayload,
      handle: (tx, payload, { clock }) => checkClock(tx, clock, payload),
    }),
    [analyzeJob]: defineJob({
      payload: z.object({}),
      ownCommits: true, // VACUUM cannot run inside a transaction
      handle: (db, _payload, { clock }) => runAnalyze(db, clock),
    }),
    [deliverEmailJob]: defineJob({
      payload: z.object({ outboxId: z.uuid() }),
      ownCommits: true, // it records "sending" before the mail server is asked, and after
      handle: (db, { outboxId }, { clock, job }) =>
        deliverEmail(db, deps.mail, outboxId, job.attempts, clock.now()),
    }),
    [portalSignInJob]: defineJob({
      payload: portalSignInPayload,
      handle: (tx, payload, { clock }) => runPortalSignIn(tx, clock, payload, deps.mail.publicUrl),
    }),
    [processInboundJob]: defineJob({
      payload: z.object({ inboundId: z.uuid() }),
      handle: (tx, { inboundId }, { clock }) => processInbound(tx, clock, deps.mail, inboundId),
    }),
    [levelsDailyJob]: defineJob({
      payload: levelsDailyPayload,
      handle: (tx, payload, { clock }) => runDailyPlacement(tx, clock, payload),
    }),
  };
}
