import { Badge } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../format';

export { localeOf };

/** The value and unit a time span reads best in: 59.6 minutes is "1 hour", not "60 minutes". */
function rounded(ms: number): [number, Intl.RelativeTimeFormatUnit] {
  const minutes = Math.round(ms / 60_000);
  if (Math.abs(minutes) < 60) return [minutes, 'minute'];
  const hours = Math.round(ms / 3_600_000);
  if (Math.abs(hours) < 24) return [hours, 'hour'];
  return [Math.round(ms / 86_400_000), 'day'];
}

/** "in 3 hours" / "2 days ago" in the current language. */
export function relative(at: Date, now: number, language: string): string {
  const [value, unit] = rounded(at.getTime() - now);
  return new Intl.RelativeTimeFormat(localeOf(language), { numeric: 'auto' }).format(value, unit);
}

/** A length of time in its best unit, short ("5 min", "3 hr"): no grammatical case to get wrong. */
export function duration(ms: number, language: string): string {
  const [value, unit] = rounded(Math.abs(ms));
  return new Intl.NumberFormat(localeOf(language), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
  }).format(Math.max(1, value));
}

/** A date and time as the language writes it: "24 November at 13:16" (with the year when not this one). */
export function dateTime(at: string | Date, language: string): string {
  const d = new Date(at);
  return d.toLocaleString(localeOf(language), {
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(d.getFullYear() === new Date().getFullYear() ? {} : { year: 'numeric' }),
  });
}

// One clock for the whole console: every badge re-renders on the same tick (500 rows, one timer).
const tickMs = 15_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, tickMs);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The time now, refreshed every 15 seconds so due badges count down. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/** Within this much of the due time the badge turns amber, then red. */
export const dueWarnings = { amber: 60 * 60_000, red: 15 * 60_000 };

/** The badge's colour: grey, amber in the last hour, red in the last 15 minutes and after. */
export function dueColor(left: number, breached: boolean): 'gray' | 'yellow.5' | 'red.9' {
  if (breached || left < dueWarnings.red) return 'red.9';
  return left < dueWarnings.amber ? 'yellow.5' : 'gray';
}

/** Words with a capital first letter ("mañana" → "Mañana"), as a badge's sentence starts. */
const sentence = (words: string, language: string) =>
  words.charAt(0).toLocaleUpperCase(localeOf(language)) + words.slice(1);

/**
 * A due badge that counts down: grey while there is time, amber in the last hour, red in the
 * last 15 minutes and once overdue or broken. The words say it too ("broken · tomorrow" when one
 * promise is already broken and the next is due), so colour is never the only sign.
 */
export function DueBadge({ dueAt, breached }: { dueAt: string | null; breached: boolean }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (!dueAt)
    return breached ? (
      <Badge color="red.9" tt="none">
        {sentence(t('clock.breached'), i18n.language)}
      </Badge>
    ) : (
      <>{t('due.none')}</>
    );
  const due = new Date(dueAt);
  const left = due.getTime() - now;
  // Shades with at least 4.5:1 against their text (amber takes dark text: autoContrast).
  const color = dueColor(left, breached);
  const words =
    left < 0
      ? t('due.overdue', { time: duration(left, i18n.language) })
      : breached
        ? t('due.broken', { when: relative(due, now, i18n.language) })
        : relative(due, now, i18n.language);
  return (
    <Badge
      color={color}
      variant={color === 'gray' ? 'light' : 'filled'}
      title={dateTime(due, i18n.language)}
      data-due={color === 'gray' ? 'later' : color === 'yellow.5' ? 'soon' : 'now'}
      tt="none"
    >
      {sentence(words, i18n.language)}
    </Badge>
  );
}
