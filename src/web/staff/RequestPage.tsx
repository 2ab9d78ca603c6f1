import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type ClockItem, type Message, type RequestItem } from './api';
import { relative, useNow } from './due';

/** One request: its promises, its conversation, and the reply box. */
export function RequestPage() {
  const { t, i18n } = useTranslation();
  const id = useParams().id!;
  const client = useQueryClient();
  const now = useNow();
  const request = useQuery({
    queryKey: ['requests', id],
    queryFn: () => api<RequestItem>(`/requests/${id}`),
  });
  const messages = useQuery({
    queryKey: ['requests', id, 'messages'],
    queryFn: () => api<{ data: Message[] }>(`/requests/${id}/messages`),
  });
  const clocks = useQuery({
    queryKey: ['requests', id, 'clocks'],
    queryFn: () =>
      api<{ data: ClockItem[] }>(`/promises/clocks?subjectType=request&subjectId=${id}`),
  });
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public');
  const [body, setBody] = useState('');
  const send = useMutation({
    mutationFn: () =>
      api(`/requests/${id}/messages`, { method: 'POST', body: { body, visibility } }),
    onSuccess: async () => {
      setBody('');
      await client.invalidateQueries({ queryKey: ['requests'] });
    },
  });
  if (!request.data) return <Text>{t('queue.loading')}</Text>;
  const r = request.data;
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/queue/open">
        {t('request.back')}
      </Anchor>
      <Title order={1} size="h3">
        {r.reference} · {r.subject}
      </Title>
      <Group>
        <Badge variant="light">{t(`status.${r.status}`)}</Badge>
        <Badge variant="outline">{t(`priority.${r.priority}`)}</Badge>
      </Group>
      <section aria-labelledby="promises">
        <Title order={2} size="h5" id="promises">
          {t('request.promises')}
        </Title>
        <Group mt="xs">
          {clocks.data?.data.map((c) => (
            <Badge
              key={c.id}
              data-testid={`clock-${c.target}`}
              color={c.state === 'fulfilled' ? 'green' : c.state === 'breached' ? 'red' : 'gray'}
              variant="light"
              size="lg"
            >
              {t(`clock.${c.target}`)}:{' '}
              {c.state === 'running' && c.dueAt
                ? t('clock.running', { when: relative(new Date(c.dueAt), now, i18n.language) })
                : t(`clock.${c.state}`)}
            </Badge>
          ))}
        </Group>
      </section>
      <section aria-labelledby="conversation">
        <Title order={2} size="h5" id="conversation">
          {t('request.conversation')} (
          {t('request.messages', { count: messages.data?.data.length ?? 0 })})
        </Title>
        <Stack mt="xs">
          {messages.data?.data.map((m) => (
            <Card
              key={m.id}
              withBorder
              bg={m.visibility === 'internal' ? 'yellow.0' : undefined}
              data-visibility={m.visibility}
            >
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={600}>
                  {m.visibility === 'internal'
                    ? t('request.internalNote')
                    : t('request.publicReply')}
                  {m.fromAddress ? ` · ${t('request.from', { address: m.fromAddress })}` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {new Date(m.createdAt).toLocaleString(i18n.language)}
                </Text>
              </Group>
              {m.needsReview && <Badge color="orange">{t('request.needsReview')}</Badge>}
              <Text style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Text>
            </Card>
          ))}
        </Stack>
      </section>
      <section aria-labelledby="reply">
        <Title order={2} size="h5" id="reply">
          {visibility === 'public' ? t('request.reply') : t('request.note')}
        </Title>
        <SegmentedControl
          mt="xs"
          value={visibility}
          onChange={(v) => setVisibility(v as 'public' | 'internal')}
          data={[
            { value: 'public', label: t('request.publicReply') },
            { value: 'internal', label: t('request.internalNote') },
          ]}
        />
        <Textarea
          mt="xs"
          aria-label={visibility === 'public' ? t('request.reply') : t('request.note')}
          autosize
          minRows={4}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        {send.isError && <Alert color="red">{send.error.message}</Alert>}
        <Button
          mt="xs"
          disabled={!body.trim()}
          loading={send.isPending}
          onClick={() => send.mutate()}
        >
          {t('request.send')}
        </Button>
      </section>
    </Stack>
  );
}
