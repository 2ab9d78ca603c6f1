import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClockItem } from '../api';
import { dateTime, dueColor, duration, relative, useNow } from '../due';

/**
 * The request's promise clocks: each with its due time counting down (amber, then red before it
 * breaks), paused with the time it has left, or how it ended.
 */
export function Promises({ clocks: all }: { clocks: ClockItem[] }) {
  const { t } = useTranslation();
  // A target's latest clock is the promise in force (a reopened request starts a new one).
  const byStart = [...all].sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? ''));
  const clocks = [...new Map(byStart.map((c) => [c.target, c])).values()];
  return (
    <section aria-labelledby="promises">
      <Title order={2} size="h5" id="promises" mb="xs">
        {t('request.promises')}
      </Title>
      {clocks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('request.noPromises')}
        </Text>
      ) : (
        <Stack gap="xs">
          {clocks.map((c) => (
            <Clock key={c.id} clock={c} />
          ))}
        </Stack>
      )}
    </section>
  );
}

function Clock({ clock: c }: { clock: ClockItem }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const lang = i18n.language;
  let badge: { color: string; text: string; variant?: string };
  let detail: string | null = null;
  if (c.state === 'running' && c.dueAt) {
    const left = new Date(c.dueAt).getTime() - now;
    const color = dueColor(left, false);
    badge = {
      color,
      variant: color === 'gray' ? 'light' : 'filled',
      text:
        left < 0
          ? t('due.overdue', { time: duration(left, lang) })
          : t('clock.running', { when: relative(new Date(c.dueAt), now, lang) }),
    };
    detail = t('clock.dueAt', { at: dateTime(c.dueAt, lang) });
  } else if (c.state === 'paused') {
    badge = { color: 'gray', text: t('clock.paused') };
    if (c.minutes !== undefined && c.usedMinutes !== undefined)
      detail = t('clock.left', {
        time: duration(Math.max(1, c.minutes - c.usedMinutes) * 60_000, lang),
      });
  } else if (c.state === 'fulfilled') {
    badge =
      c.kept === false
        ? { color: 'red', text: t('clock.late') }
        : { color: 'green', text: t('clock.fulfilled') };
    if (c.fulfilledAt) detail = dateTime(c.fulfilledAt, lang);
  } else if (c.state === 'breached') {
    badge = { color: 'red.9', variant: 'filled', text: t('clock.breached') };
    if (c.breachedAt) detail = t('clock.brokenAt', { at: dateTime(c.breachedAt, lang) });
  } else {
    badge = { color: 'gray', text: t(`clock.${c.state as 'cancelled'}`) };
  }
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      gap="xs"
      data-testid={`clock-${c.target}`}
      data-state={c.state}
    >
      <div>
        <Text size="sm" fw={600}>
          {t(`clock.${c.target as 'resolution'}`)}
        </Text>
        {detail && (
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        )}
      </div>
      <Badge color={badge.color} variant={badge.variant ?? 'light'} style={{ flexShrink: 0 }}>
        {badge.text}
      </Badge>
    </Group>
  );
}
