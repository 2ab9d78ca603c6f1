import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type ClockItem, type Message, type Page, type RequestItem } from '../api';
import { dateTime } from '../due';
import { Conversation } from './Conversation';
import { Promises } from './Promises';
import { Properties } from './Properties';
import { ReplyBox } from './ReplyBox';
import { RequesterCard } from './RequesterCard';
import { showShortcuts } from '../shortcuts';

/**
 * One request: the conversation and the reply box beside its properties, promises and the
 * requester's card.
 */
export function RequestView() {
  const { t, i18n } = useTranslation();
  const id = useParams().id!;
  const request = useQuery({
    queryKey: ['requests', id],
    queryFn: () => api<RequestItem>(`/requests/${id}`),
  });
  const messages = useQuery({
    queryKey: ['requests', id, 'messages'],
    queryFn: () => api<Page<Message>>(`/requests/${id}/messages`),
  });
  const clocks = useQuery({
    queryKey: ['requests', id, 'clocks'],
    queryFn: () => api<Page<ClockItem>>(`/promises/clocks?subjectType=request&subjectId=${id}`),
  });
  const requester = useQuery({
    queryKey: ['contacts', request.data?.requesterId, 'card'],
    queryFn: () => api<{ name: string }>(`/contacts/${request.data!.requesterId}`),
    enabled: !!request.data,
  });
  if (request.isError)
    return (
      <Text c="red.9" role="alert">
        {request.error.message}
      </Text>
    );
  if (!request.data) return <Text>{t('queue.loading')}</Text>;
  const r = request.data;
  const thread = messages.data?.data ?? [];
  // A request opened by mail or a follow-up repeats its first message as its description.
  const showDescription = r.description?.trim() && thread[0]?.body.trim() !== r.description.trim();
  return (
    <Stack maw={1280} gap="md">
      <Group justify="space-between">
        <Anchor component={Link} to="/queue/open">
          {t('request.back')}
        </Anchor>
        <Button variant="subtle" size="compact-sm" onClick={showShortcuts}>
          {t('shortcuts.hint')}
        </Button>
      </Group>
      <div>
        <Title order={1} size="h3">
          {r.reference} · {r.subject}
        </Title>
        <Group gap="xs" mt={6}>
          <Badge variant="light">{t(`status.${r.status}`)}</Badge>
          <Badge variant="outline" color="gray">
            {t(`priority.${r.priority as 'normal'}`)}
          </Badge>
          {r.channel && (
            <Text size="sm" c="dimmed">
              {t('request.via', { channel: t(`channel.${r.channel as 'web'}`) })}
              {r.createdAt && ` · ${dateTime(r.createdAt, i18n.language)}`}
            </Text>
          )}
        </Group>
      </div>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {showDescription && (
              <Paper withBorder p="sm" component="section" aria-labelledby="description">
                <Title order={2} size="h5" id="description" mb={6}>
                  {t('request.description')}
                </Title>
                <Text size="sm" className="message-body">
                  {r.description}
                </Text>
              </Paper>
            )}
            <Conversation messages={thread} requesterName={requester.data?.name} />
            <ReplyBox request={r} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Properties request={r} />
            <Promises clocks={clocks.data?.data ?? []} />
            <RequesterCard requesterId={r.requesterId} requestId={r.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
