import type { TFunction } from 'i18next';

/**
 * "within 8 working hours", "within 2 days": a promise's span in words. Business-hours promises
 * count working hours; round-the-clock ones days when whole, else hours, else minutes.
 */
export function within(t: TFunction, minutes: number, businessHours: boolean): string {
  if (businessHours)
    return minutes % 60 === 0
      ? t('within.businessHours', { count: minutes / 60 })
      : t('within.minutes', { count: minutes });
  if (minutes % 1440 === 0) return t('within.days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return t('within.hours', { count: minutes / 60 });
  return t('within.minutes', { count: minutes });
}
