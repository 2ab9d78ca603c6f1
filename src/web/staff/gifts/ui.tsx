import { Alert, Badge, Button, Card, Group, NativeSelect, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { giftKinds, thanksLanguages } from '../../../shared/gifts';
import { languageName, localeOf } from '../../format';
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

/** A page's title and the sentence under it that says what the page is for. */
export function PageHeading({ title, description }: { title: string; description: string }) {
  return (
    <>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed" size="sm">
        {description}
      </Text>
    </>
  );
}

/** A titled card of a form (`id` names its title for the screen reader), with a line of help. */
export function FormSection({
  id,
  title,
  help,
  children,
}: {
  id: string;
  title: string;
  help: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {help}
      </Text>
      {children}
    </Card>
  );
}

/** A form's submit button (red when it takes something back) and the Cancel that closes it. */
export function SubmitOrCancel({
  label,
  pending,
  danger,
  onCancel,
}: {
  label: string;
  pending: boolean;
  danger: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation('gifts');
  return (
    <Group>
      <Button type="submit" loading={pending} color={danger ? 'red.9' : undefined}>
        {label}
      </Button>
      <Button variant="subtle" onClick={onCancel}>
        {t('cancel')}
      </Button>
    </Group>
  );
}

/** A list's filter by kind of gift: any kind (''), or one. */
export function KindFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (kind: string) => void;
}) {
  const { t } = useTranslation('gifts');
  return (
    <NativeSelect
      label={t('list.kind')}
      value={value}
      data={[
        { value: '', label: t('list.anyKind') },
        ...giftKinds.map((k) => ({ value: k, label: t(`kind.${k}`) })),
      ]}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** The language of a thank-you or report: the donor's own (''), or one chosen here. */
export function ThanksLanguageSelect({
  label,
  value,
  onChange,
  size,
}: {
  label: string;
  value: string;
  onChange: (language: string) => void;
  size?: 'xs';
}) {
  const { t, i18n } = useTranslation('gifts');
  return (
    <NativeSelect
      size={size}
      label={label}
      value={value}
      data={[
        { value: '', label: t('thank.donorLanguage') },
        ...thanksLanguages.map((l) => ({ value: l, label: languageName(l, i18n.language) })),
      ]}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/**
 * Paging by the server's cursors, remembering those of the pages before this one so Previous goes
 * back without the server's help; `restart` goes back to the first page (when a filter changes).
 */
export function useCursors() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    cursor: cursors[cursors.length - 1] ?? null,
    atFirst: cursors.length === 1,
    back: () => setCursors((c) => c.slice(0, -1)),
    forward: (next: string | null) => setCursors((c) => [...c, next]),
    restart: () => setCursors([null]),
  };
}

/** Previous and Next under a list paged by {@link useCursors}; Next while the server has more. */
export function Pager({
  pages,
  nextCursor,
}: {
  pages: ReturnType<typeof useCursors>;
  nextCursor: string | null | undefined;
}) {
  const { t } = useTranslation('gifts');
  return (
    <Group component="nav" aria-label={t('list.paging')}>
      <Button variant="default" disabled={pages.atFirst} onClick={pages.back}>
        {t('list.previous')}
      </Button>
      <Button variant="default" disabled={!nextCursor} onClick={() => pages.forward(nextCursor!)}>
        {t('list.next')}
      </Button>
    </Group>
  );
}
