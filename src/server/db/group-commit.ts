/** What became of one item of a group: a value, or its own error. */
export type Outcome<O> = { value: O } | { error: unknown };

type Waiting<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

/**
 * Group commit in the application: calls that arrive while a group of the same key is being
 * written wait and are written together as the next group — one read, one statement and one
 * commit for all of them — instead of each paying its own round trips. An idle server writes a
 * call at once, alone, so grouping adds no wait; under load the groups grow by themselves to what
 * arrived during one write (at most `max`). `run` answers every item with its own outcome, so
 * one item's bad input fails only that item.
 * @example const open = inGroups((i) => i.actor.orgId, (items) => createRequests(db, clock, items))
 */
export function inGroups<I, O>(
  keyOf: (item: I) => string,
  run: (items: I[]) => Promise<Outcome<O>[]>,
  max = 50,
): (item: I) => Promise<O> {
  const queues = new Map<string, Waiting<I, O>[]>();
  const drain = async (key: string, queue: Waiting<I, O>[]) => {
    while (queue.length > 0) {
      const group = queue.splice(0, max);
      try {
        const outcomes = await run(group.map((w) => w.item));
        group.forEach((w, i) => {
          const outcome = outcomes[i]!;
          if ('error' in outcome) w.reject(outcome.error);
          else w.resolve(outcome.value);
        });
      } catch (error) {
        for (const w of group) w.reject(error);
      }
    }
    queues.delete(key);
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      const key = keyOf(item);
      const queue = queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      const started: Waiting<I, O>[] = [{ item, resolve, reject }];
      queues.set(key, started);
      void drain(key, started);
    });
}
