/**
 * fast-check generators for business-time property tests: random calendars in zones with
 * awkward rules (half-hour DST, midnight transitions, ±12..14 h), interval edges biased to the
 * small hours where clocks change, and instants aimed at the zone's own 2026 transitions.
 * Test support only; not exported from the index.
 */
import fc from 'fast-check';
import { parseCalendar } from './calendar';
import { formatDayNumber, formatMinutes } from './local-date';
import { DAY_MS, MINUTE_MS, WEEKDAYS, type Calendar } from './types';

/** Zones with their 2026 transitions as local wall time (`YYYY-MM-DDTHH:MM`, read as UTC). */
const ZONES: Record<string, string[]> = {
  UTC: [],
  'Europe/Vilnius': ['2026-03-29T03:00', '2026-10-25T04:00'],
  'America/New_York': ['2026-03-08T02:00', '2026-11-01T02:00'],
  'Australia/Lord_Howe': ['2026-04-05T02:00', '2026-10-04T02:00'], // 30-minute shift
  'Pacific/Chatham': ['2026-04-05T03:45', '2026-09-27T02:45'], // +12:45 / +13:45
  'Asia/Kathmandu': [], // +05:45
  'America/St_Johns': ['2026-03-08T02:00', '2026-11-01T02:00'], // -03:30
  'America/Havana': ['2026-03-08T00:00', '2026-11-01T01:00'], // gap at midnight
  'America/Santiago': ['2026-04-05T00:00', '2026-09-06T00:00'], // midnight both ways
  'Pacific/Kiritimati': [], // +14
  'Etc/GMT+12': [], // -12
};

/** The zone names above. */
export const TEST_ZONES = Object.keys(ZONES);

const FIRST = Date.UTC(2025, 5, 1);
const LAST = Date.UTC(2027, 5, 1);

/** A boundary minute, often in 00:00–05:00 where clocks change, sometimes exactly 24:00. */
const boundary = fc.oneof(
  fc.integer({ min: 0, max: 1440 }),
  fc.integer({ min: 0, max: 300 }),
  fc.constant(1440),
);

/** Boundary minutes of one weekday's intervals, or `undefined` for a closed day. */
const dayHours = fc.option(fc.uniqueArray(boundary, { minLength: 2, maxLength: 6 }), {
  nil: undefined,
});

/** Turns sorted boundary minutes into `[start, end]` pairs of `HH:MM`, dropping an odd tail. */
function pairs(minutes: number[]): [string, string][] {
  const result: [string, string][] = [];
  for (let k = 0; k + 1 < minutes.length; k += 2) {
    result.push([formatMinutes(minutes[k] as number), formatMinutes(minutes[k + 1] as number)]);
  }
  return result;
}

const randomCalendar = fc
  .record({
    timezone: fc.constantFrom(...TEST_ZONES),
    grid: fc.constantFrom(1, 15, 30, 60),
    days: fc.tuple(...WEEKDAYS.map(() => dayHours)),
    holidays: fc.uniqueArray(fc.integer({ min: FIRST / DAY_MS, max: LAST / DAY_MS }), {
      maxLength: 8,
    }),
  })
  .map(({ timezone, grid, days, holidays }) => {
    const hours = Object.fromEntries(
      WEEKDAYS.flatMap((day, k) => {
        const points = days[k];
        if (points === undefined) return [];
        const scaled = points.map((p) => Math.round(p / grid) * grid);
        return [[day, pairs([...new Set(scaled)].sort((a, b) => a - b))]];
      }),
    );
    return { timezone, hours, holidays: holidays.map(formatDayNumber) };
  })
  .filter(({ hours }) => Object.values(hours).some((intervals) => intervals.length > 0))
  .map((input) => parseCalendar(input));

/** Shapes worth seeing often: round the clock, a night shift across midnight, an office day. */
const TEMPLATES: [string, string][][] = [
  [['00:00', '24:00']],
  [
    ['00:00', '06:00'],
    ['22:00', '24:00'],
  ],
  [
    ['09:00', '12:00'],
    ['13:00', '17:00'],
  ],
];

const templateCalendar = fc
  .tuple(fc.constantFrom(...TEST_ZONES), fc.constantFrom(...TEMPLATES))
  .map(([timezone, intervals]) =>
    parseCalendar({ timezone, hours: Object.fromEntries(WEEKDAYS.map((d) => [d, intervals])) }),
  );

/** A calendar: usually random (edges on a 1/15/30/60-minute grid, ≤ 8 holidays), else a template. */
export const calendarArb: fc.Arbitrary<Calendar> = fc.oneof(
  { arbitrary: randomCalendar, weight: 3 },
  { arbitrary: templateCalendar, weight: 1 },
);

/** Local ms of `zone`'s transitions, or of 2026-06-15 for a zone without any. */
function transitionsOf(zone: string): number[] {
  const list = ZONES[zone] ?? [];
  return (list.length > 0 ? list : ['2026-06-15T02:00']).map((t) => Date.parse(`${t}Z`));
}

/** A wall time (local ms) in `zone`: anywhere, or within 90 minutes of one of its transitions. */
export function wallTimeIn(zone: string): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: FIRST / MINUTE_MS, max: LAST / MINUTE_MS }).map((m) => m * MINUTE_MS),
    fc
      .tuple(fc.constantFrom(...transitionsOf(zone)), fc.integer({ min: -90, max: 90 }))
      .map(([t, minutes]) => t + minutes * MINUTE_MS),
  );
}

/** An instant, any millisecond or whole minute, often within days before a transition of `zone`. */
export function instantIn(zone: string): fc.Arbitrary<Date> {
  const nearTransition = fc
    .tuple(
      fc.constantFrom(...transitionsOf(zone)),
      fc.integer({ min: -1440, max: 120 }),
      fc.oneof(fc.constant(0), fc.integer({ min: 0, max: MINUTE_MS - 1 })),
    )
    .map(([t, minutes, ms]) => t - 14 * 3_600_000 + minutes * MINUTE_MS + ms);
  return fc
    .oneof(
      fc.integer({ min: FIRST, max: LAST }),
      fc.integer({ min: FIRST / MINUTE_MS, max: LAST / MINUTE_MS }).map((m) => m * MINUTE_MS),
      nearTransition,
    )
    .map((ms) => new Date(ms));
}

/** A calendar together with `count` instants suited to its zone. */
export function calendarWithInstants(count: number): fc.Arbitrary<[Calendar, Date[]]> {
  return calendarArb.chain((calendar) =>
    fc.tuple(
      fc.constant(calendar),
      fc.array(instantIn(calendar.timezone), { minLength: count, maxLength: count }),
    ),
  );
}
