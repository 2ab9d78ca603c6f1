import { Alert, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../format';
import { formatMoney } from '../../money';
import { ApiError } from './api';

/** An amount of money in the reader's language ("€12.50", "12,50 €"). */
export function Money({ minor, currency }: { minor: number; currency: string }) {
  const { i18n } = useTranslation();
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatMoney(minor, currency, i18n.language)}
    </span>
  );
}

/** A calendar date (YYYY-MM-DD) as the reader's language writes it, read as a date, not an instant. */
export function formatDay(day: string, language: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d)).toLocaleDateString(localeOf(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The message the API gave for one field, if any. */
export function fieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.details.find((d) => d.path === path)?.message;
}

/**
 * What went wrong, in plain words: 409 (someone did it first / a clash), 412 (changed since you
 * opened it), 422 (a rule the change breaks, with the API's reason), 400 with the fields named.
 */
export function ProblemNote({ error }: { error: unknown }) {
  const { t } = useTranslation('gifts');
  if (!error) return null;
  let title = t('errors.network');
  let detail: string | null = null;
  if (error instanceof ApiError) {
    detail = error.message;
    if (error.status === 409) title = t('errors.conflict');
    else if (error.status === 412) title = t('errors.stale');
    else if (error.status === 422) title = t('errors.rule');
    else if (error.status === 400) title = t('errors.invalid');
    else if (error.status === 403) title = t('errors.forbidden');
    else if (error.status === 404) title = t('errors.notFound');
    else title = t('errors.other');
    if (error.details.length > 0)
      detail = error.details.map((d) => `${d.path}: ${d.message}`).join(' · ');
  }
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {detail && <Text size="sm">{detail}</Text>}
    </Alert>
  );
}

/** The thank-you state of a gift as a badge: thanked, waiting, or none owed. */
export function ThankedBadge({ thanked }: { thanked: boolean }) {
  const { t } = useTranslation('gifts');
  return (
    <Badge color={thanked ? 'teal.9' : 'gray.7'} tt="none">
      {thanked ? t('gift.thanked') : t('gift.notThanked')}
    </Badge>
  );
}
