import {
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  NativeSelect,
  Stack,
  Text,
  Timeline as MantineTimeline,
  Title,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { interactionChannels, interactionKinds } from '../../../shared/contacts';
import { api } from '../api';
import type { Interaction, Page } from './api';
import { formatDateTime } from './format';

const pageSize = 20;

// Kinds grouped by colour so a glance tells service, giving and volunteering apart.
const kindColour: Partial<Record<Interaction['kind'], string>> = {
  request: 'blue',
  message: 'blue',
  call: 'blue',
  gift: 'orange',
  thanks: 'orange',
  shift: 'green',
  survey: 'green',
};

/** The whole timeline of a contact, newest first, filtered by kind and channel, page by page. */
export function Timeline({ contactId }: { contactId: string }) {
  const { t, i18n } = useTranslation('contacts');
  const [kinds, setKinds] = useState<string[]>([]);
  const [channel, setChannel] = useState('');
  const timeline = useInfiniteQuery({
    queryKey: ['contacts', contactId, 'timeline', kinds, channel],
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: String(pageSize) });
      if (kinds.length) q.set('kind', kinds.join(','));
      if (channel) q.set('channel', channel);
      if (pageParam) q.set('cursor', pageParam);
      return api<Page<Interaction>>(`/contacts/${contactId}/timeline?${q}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = timeline.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="timeline">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="timeline">
          {t('timeline.title')}
        </Title>
        <Text size="sm" c="dimmed" aria-live="polite">
          {timeline.data && t('timeline.entries', { count: entries.length })}
        </Text>
      </Group>
      <Stack gap="xs" mb="md">
        <Text size="sm" fw={500} id="timeline-kinds">
          {t('timeline.kinds')}
        </Text>
        <Chip.Group multiple value={kinds} onChange={setKinds}>
          <Group gap={6} role="group" aria-labelledby="timeline-kinds">
            {interactionKinds.map((k) => (
              <Chip key={k} value={k} size="xs" variant="outline">
                {t(`interactionKind.${k}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Group gap="sm" align="flex-end">
          <NativeSelect
            size="xs"
            w={200}
            label={t('timeline.channel')}
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value)}
            data={[
              { value: '', label: t('timeline.anyChannel') },
              ...interactionChannels.map((c) => ({ value: c, label: t(`channel.${c}`) })),
            ]}
          />
          <Button
            size="xs"
            variant="default"
            disabled={kinds.length === 0 && !channel}
            onClick={() => {
              setKinds([]);
              setChannel('');
            }}
          >
            {t('timeline.clear')}
          </Button>
        </Group>
      </Stack>
      {timeline.isPending ? (
        <Text>{t('loading')}</Text>
      ) : timeline.isError ? (
        <Text c="red.9">{timeline.error.message}</Text>
      ) : entries.length === 0 ? (
        <Text c="dimmed">{t('timeline.empty')}</Text>
      ) : (
        <MantineTimeline bulletSize={14} lineWidth={2} aria-label={t('timeline.title')}>
          {entries.map((e) => (
            <MantineTimeline.Item
              key={e.id}
              color={kindColour[e.kind] ?? 'gray'}
              data-testid="timeline-entry"
              data-kind={e.kind}
              data-channel={e.channel}
              title={
                <Group gap={8} wrap="wrap">
                  <Badge size="sm" variant="light" color={kindColour[e.kind] ?? 'gray'}>
                    {t(`interactionKind.${e.kind}`)}
                  </Badge>
                  <Text size="sm" c="dimmed" component="span">
                    {t(`channel.${e.channel}`)} · {t(`direction.${e.direction}`)}
                  </Text>
                  <Text size="sm" c="dimmed" component="time" dateTime={e.occurredAt} ml="auto">
                    {formatDateTime(e.occurredAt, i18n.language)}
                  </Text>
                </Group>
              }
            >
              <Text size="sm" mt={4}>
                {e.summary}
              </Text>
              {e.source?.type === 'request' && e.source.id && (
                <Anchor component={Link} to={`/requests/${e.source.id}`} size="sm">
                  {t('timeline.openRequest')}
                </Anchor>
              )}
            </MantineTimeline.Item>
          ))}
        </MantineTimeline>
      )}
      {timeline.hasNextPage && (
        <Button
          mt="md"
          variant="default"
          loading={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {t('timeline.more')}
        </Button>
      )}
    </Card>
  );
}
