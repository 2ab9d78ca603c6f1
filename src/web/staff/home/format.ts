/**
 * A span of minutes as people read it in the interface language: "45 min", "3 hr 33 min",
 * "2 days 4 hr" (Intl units, so plurals and abbreviations follow the language).
 */
export function formatMinutes(minutes: number, language: string): string {
  const unit = (n: number, u: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: u, unitDisplay: 'short' }).format(n);
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return unit(m, 'minute');
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  if (days > 0) return hours ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  const rest = m % 60;
  return rest ? `${unit(hours, 'hour')} ${unit(rest, 'minute')}` : unit(hours, 'hour');
}

/** A share (0…1) as a whole percentage in the interface language ("83 %", "83%"). */
export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/** Midnight today on this device's clock, as the instant the day's ledger starts from. */
export function startOfToday(now = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}
