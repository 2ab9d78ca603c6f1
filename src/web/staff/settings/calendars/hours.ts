import { weekdays, type Hours, type Weekday } from '../api';
import { weekdayName } from '../format';

/** What is wrong with one interval of a day, if anything. */
export type IntervalIssue = 'format' | 'order' | 'overlap' | undefined;

const timeOfDay = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * The issues of a day's intervals, index by index — the rules of the API's calendar schema, so
 * the editor says what is wrong before anything is sent.
 */
export function intervalIssues(intervals: readonly [string, string][]): IntervalIssue[] {
  const issues: IntervalIssue[] = intervals.map(([start, end]) => {
    if (!timeOfDay.test(start) || !timeOfDay.test(end) || start === '24:00') return 'format';
    return minutesOf(end) > minutesOf(start) ? undefined : 'order';
  });
  const ok = intervals
    .map(([s, e], index) => ({ s: minutesOf(s), e: minutesOf(e), index }))
    .filter((i) => issues[i.index] === undefined)
    .sort((a, b) => a.s - b.s || a.index - b.index);
  for (let k = 1; k < ok.length; k++) {
    if (ok[k]!.s < ok[k - 1]!.e) issues[Math.max(ok[k]!.index, ok[k - 1]!.index)] = 'overlap';
  }
  return issues;
}

/** Whether the whole week is valid. */
export function hoursValid(hours: Hours): boolean {
  return weekdays.every((d) => intervalIssues(hours[d] ?? []).every((i) => i === undefined));
}

/** Hours without closed days (the API's form). */
export function compactHours(hours: Hours): Hours {
  return Object.fromEntries(
    weekdays.filter((d) => (hours[d]?.length ?? 0) > 0).map((d) => [d, hours[d]]),
  );
}

/** "Mon–Fri 09:00–12:00, 13:00–17:00; Sat 10:00–14:00" — days with the same hours run together. */
export function summarizeHours(hours: Hours, language: string, closed: string): string {
  const text = (d: Weekday) => (hours[d] ?? []).map(([s, e]) => `${s}–${e}`).join(', ');
  const runs: { from: Weekday; to: Weekday; text: string }[] = [];
  for (const d of weekdays) {
    const last = runs.at(-1);
    if (last && last.text === text(d)) last.to = d;
    else runs.push({ from: d, to: d, text: text(d) });
  }
  const open = runs.filter((r) => r.text);
  if (open.length === 0) return closed;
  const name = (d: Weekday) => weekdayName(d, language, 'short');
  return open
    .map((r) => `${r.from === r.to ? name(r.from) : `${name(r.from)}–${name(r.to)}`} ${r.text}`)
    .join('; ');
}
