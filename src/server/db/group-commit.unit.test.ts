import { describe, expect, it } from 'vitest';
import { inGroups, type Outcome } from './group-commit';

/** A run whose groups finish when the test says so, recording each group it was given. */
function gatedRun() {
  const groups: number[][] = [];
  const gates: (() => void)[] = [];
  const run = (items: number[]): Promise<Outcome<number>[]> => {
    groups.push(items);
    return new Promise((resolve) =>
      gates.push(() =>
        resolve(items.map((i) => (i < 0 ? { error: new Error(`bad ${i}`) } : { value: i * 10 }))),
      ),
    );
  };
  const open = async () => {
    gates.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { groups, run, open };
}

describe('inGroups', () => {
  it('writes a call at once when idle, and gathers the calls that arrive meanwhile', async () => {
    const g = gatedRun();
    const call = inGroups((i: number) => (i % 2 === 0 ? 'even' : 'odd'), g.run, { parallel: 1 });
    const first = call(2);
    expect(g.groups).toEqual([[2]]);
    const later = [call(4), call(6), call(8), call(-2), call(1)];
    const settling = Promise.allSettled(later);
    // Another key is not held up by the first one's group.
    expect(g.groups).toEqual([[2], [1]]);
    await g.open();
    expect(await first).toBe(20);
    expect(g.groups).toEqual([[2], [1], [4, 6, 8, -2]]);
    await g.open();
    await g.open();
    const settled = await settling;
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : String(s.reason)))).toEqual([
      40,
      60,
      80,
      'Error: bad -2',
      10,
    ]);
  });

  it('starts a second group only once enough calls wait', async () => {
    const g = gatedRun();
    const call = inGroups(() => 'org', g.run, { parallel: 2, least: 3 });
    const calls = [call(1), call(2), call(3)];
    expect(g.groups).toEqual([[1]]); // two waiting: fewer than three
    calls.push(call(4));
    expect(g.groups).toEqual([[1], [2, 3, 4]]);
    calls.push(call(5));
    expect(g.groups).toHaveLength(2); // two groups at a time at most
    for (let i = 0; i < 3; i++) await g.open();
    expect(g.groups).toEqual([[1], [2, 3, 4], [5]]);
    expect(await Promise.all(calls)).toEqual([10, 20, 30, 40, 50]);
  });

  it('fails every call of a group whose run throws, and goes on with the next group', async () => {
    let fail = true;
    const call = inGroups(
      () => 'org',
      (items: number[]) => {
        if (fail) {
          fail = false;
          return Promise.reject(new Error('database gone'));
        }
        return Promise.resolve(items.map((i) => ({ value: i })));
      },
    );
    const failed = call(1);
    const next = call(2);
    await expect(failed).rejects.toThrow('database gone');
    expect(await next).toBe(2);
  });
});
