import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 hours" / "2 days ago" in the current language. */
export function relative(at: Date, now: number, language: string): string {
  const ms = at.getTime() - now;
  const [unit, size] = units.find(([, s]) => Math.abs(ms) >= s) ?? units[2]!;
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(
    Math.round(ms / size),
    unit,
  );
}

/** The time now, refreshed every 30 seconds so due badges count down. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/**
 * A due badge: grey while there is time, amber in the last hour, red once overdue or broken.
 * The words say it too, so colour is never the only sign.
 */
export function DueBadge({ dueAt, breached }: { dueAt: string | null; breached: boolean }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (!dueAt)
    return breached ? <Badge color="red.9">{t('clock.breached')}</Badge> : <>{t('due.none')}</>;
  const due = new Date(dueAt);
  const left = due.getTime() - now;
  // Shades with at least 4.5:1 against their text (amber takes dark text: autoContrast).
  const color = breached || left < 0 ? 'red.9' : left < 3_600_000 ? 'yellow.5' : 'gray';
  return (
    <Badge
      color={color}
      variant={color === 'gray' ? 'light' : 'filled'}
      title={due.toLocaleString(i18n.language)}
    >
      {relative(due, now, i18n.language)}
    </Badge>
  );
}
