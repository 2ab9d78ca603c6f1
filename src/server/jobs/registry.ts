import { checkClock, checkClockPayload } from '../domain/promises/check-clock';
import { promiseJob } from '../domain/promises/clocks';
import { z } from 'zod';
import { analyzeJob, runAnalyze } from '../domain/maintenance/analyze';
import { defineJob, type JobRegistry } from './worker';

/** Every background job Tend runs, by name: thin adapters over domain functions. */
export const jobRegistry: JobRegistry = {
  [promiseJob]: defineJob({
    payload: checkClockPayload,
    handle: (tx, payload, { clock }) => checkClock(tx, clock, payload),
  }),
  [analyzeJob]: defineJob({
    payload: z.object({}),
    handle: (tx, _payload, { clock }) => runAnalyze(tx, clock),
  }),
};
