/**
 * `tend promise due|elapsed`: business-time arithmetic on a calendar file, for checking
 * service-promise settings from a shell. Thin adapter: parse the arguments, call the core, print.
 * Every bad argument or calendar throws a UsageError naming the field (main: one line, exit 2).
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  CalendarNeverOpensError,
  MAX_BUSINESS_MINUTES,
  due,
  elapsed,
  formatInstant,
  parseInstant,
  safeParseCalendar,
  type Calendar,
} from '../../core/business-time';
import { result, UsageError } from '../io';

const CALENDAR_HELP = `
Calendar file (JSON):
  {"timezone": "Europe/Vilnius",
   "hours": {"mon": [["09:00","17:00"]], "tue": [["09:00","12:00"],["13:00","17:00"]]},
   "holidays": ["2026-12-24"]}

  timezone  an IANA time zone name
  hours     mon..sun: [start, end] pairs of local HH:MM; end may be 24:00; a missing day is
            closed; intervals may touch but not overlap; 24/7 is every day [["00:00","24:00"]]
  holidays  optional local dates (YYYY-MM-DD) closed all day

Instants are ISO 8601 with Z or an offset, e.g. 2026-03-27T17:30:00+02:00.
A due time that uses up the last minute at the end of an interval is the next interval's start.`;

function instantOption(name: string, value: string): Date {
  const instant = parseInstant(value);
  if (!instant) {
    throw new UsageError(
      `${name}: must be an ISO 8601 instant with Z or an offset, e.g. 2026-03-27T17:30:00+02:00`,
    );
  }
  return instant;
}

function minutesOption(value: string): number {
  const minutes = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(minutes <= MAX_BUSINESS_MINUTES)) {
    throw new UsageError(`--minutes: must be a whole number from 0 to ${MAX_BUSINESS_MINUTES}`);
  }
  return minutes;
}

async function loadCalendar(file: string): Promise<Calendar> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable');
    throw new UsageError(`--calendar: cannot read ${JSON.stringify(file)} (${reason})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : 'parse error';
    throw new UsageError(`--calendar: ${JSON.stringify(file)} is not valid JSON (${detail})`);
  }
  const parsed = safeParseCalendar(json);
  if (!parsed.success) {
    const first = parsed.issues[0];
    throw new UsageError(
      first ? `calendar ${first.path || '(root)'}: ${first.message}` : 'calendar: invalid',
    );
  }
  return parsed.calendar;
}

// A calendar that never opens is unusable input, like a schema error: exit 2, one line.
function neverOpensIsUsage<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof CalendarNeverOpensError) throw new UsageError(err.message);
    throw err;
  }
}

/** Options both subcommands share; usage errors stay one line (no help after them). */
function subcommand(parent: Command, name: string): Command {
  return parent
    .command(name)
    .showHelpAfterError(false)
    .requiredOption('--calendar <file>', 'calendar JSON file (format below)')
    .requiredOption('--from <instant>', 'start instant, ISO 8601 with Z or an offset')
    .addHelpText('after', CALENDAR_HELP);
}

/** Registers `tend promise due` and `tend promise elapsed` on the program. */
export function registerPromiseCommands(program: Command): void {
  const promise = program
    .command('promise')
    .description('Check service-promise settings: due times and elapsed business time');

  subcommand(promise, 'due')
    .description(
      'Print when N business minutes after --from have elapsed (UTC, YYYY-MM-DDTHH:MM:SSZ)',
    )
    .requiredOption(
      '--minutes <n>',
      `business minutes, a whole number from 0 to ${MAX_BUSINESS_MINUTES}`,
    )
    .action(async (options: { calendar: string; from: string; minutes: string }) => {
      const from = instantOption('--from', options.from);
      const minutes = minutesOption(options.minutes);
      const calendar = await loadCalendar(options.calendar);
      result(formatInstant(neverOpensIsUsage(() => due(calendar, from, minutes))));
    });

  subcommand(promise, 'elapsed')
    .description('Print the whole business minutes between --from and --to (0 if --to is earlier)')
    .requiredOption('--to <instant>', 'end instant, ISO 8601 with Z or an offset')
    .action(async (options: { calendar: string; from: string; to: string }) => {
      const from = instantOption('--from', options.from);
      const to = instantOption('--to', options.to);
      result(String(elapsed(await loadCalendar(options.calendar), from, to)));
    });
}
