import { checkClock, checkClockPayload } from '../domain/promises/check-clock';
import { promiseJob } from '../domain/promises/clocks';
import { defineJob, type JobRegistry } from './worker';

/** Every background job Tend runs, by name: thin adapters over domain functions. */
export const jobRegistry: JobRegistry = {
  [promiseJob]: defineJob({
    payload: checkClockPayload,
    handle: (tx, payload, { clock }) => checkClock(tx, clock, payload),
  }),
};
