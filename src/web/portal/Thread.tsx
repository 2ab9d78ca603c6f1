import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { api, ApiError, type MyRequestThread } from './api';
import { statusColor } from './MyRequests';
import { usePortalMe } from './session';

/** One of my requests: what I asked, what was promised, the conversation, and a reply box. */
export function Thread() {
  const { t, i18n } = useTranslation();
  const id = useParams().id!;
  const me = usePortalMe();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const thread = useQuery({
    queryKey: ['portal', 'requests', id],
    queryFn: () => api<MyRequestThread>(`/portal/requests/${id}`),
    enabled: !!me.data,
  });
  const reply = useMutation({
    mutationFn: () =>
      api<{ requestId: string; followUp: boolean }>(`/portal/requests/${id}/messages`, {
        method: 'POST',
        body: { body },
      }),
    onSuccess: async () => {
      setBody('');
      await client.invalidateQueries({ queryKey: ['portal', 'requests'] });
    },
  });
  if (me.isPending) return <Loader />;
  if (!me.data) return <Navigate to={`/sign-in?next=/requests/${id}`} replace />;
  if (thread.error instanceof ApiError && thread.error.status === 404)
    return <Text>{t('errors.notFound')}</Text>;
  if (thread.error instanceof ApiError && thread.error.status === 401)
    return <Navigate to={`/sign-in?next=/requests/${id}`} replace />;
  if (thread.isError)
    return (
      <Alert color="red" role="alert">
        {t('errors.failed', { message: thread.error.message })}
      </Alert>
    );
  if (!thread.data) return <Loader />;
  const r = thread.data;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) reply.mutate();
  };
  const promise = r.firstResponse;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/requests">
        {t('requests.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2">
          {r.reference} · {r.subject}
        </Title>
        <Badge variant="light" size="lg" color={statusColor[r.status] ?? 'gray'}>
          {t(`status.${r.status}`)}
        </Badge>
      </Group>
      {promise?.dueAt && promise.state !== 'cancelled' && (
        <Text>
          {promise.kept === true
            ? t('thread.promiseKept')
            : promise.kept === false
              ? t('thread.promiseBroken')
              : t('thread.promised', { due: date.format(new Date(promise.dueAt)) })}
        </Text>
      )}
      {r.description && (
        <Card withBorder>
          <Text size="sm" fw={600}>
            {t('thread.description')}
          </Text>
          <Text className="message-body">{r.description}</Text>
        </Card>
      )}
      <Title order={2} size="h4">
        {t('thread.conversation')}
      </Title>
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {r.messages.map((m) => (
          <li key={m.id}>
            <Paper
              withBorder
              p="sm"
              bg={m.author === 'you' ? 'gray.0' : 'blue.0'}
              ml={m.author === 'you' ? 'xl' : 0}
              mr={m.author === 'you' ? 0 : 'xl'}
            >
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={700}>
                  {m.author === 'you'
                    ? t('thread.you')
                    : m.staffName
                      ? t('thread.staff', { name: m.staffName })
                      : t('thread.staffUnnamed')}
                </Text>
                <Text size="sm" c="dimmed">
                  {date.format(new Date(m.createdAt))}
                </Text>
              </Group>
              <Text className="message-body">{m.body}</Text>
            </Paper>
          </li>
        ))}
      </Stack>
      {reply.data?.followUp && (
        <Alert color="blue" role="status">
          {t('thread.followUp')}{' '}
          <Anchor component={Link} to={`/requests/${reply.data.requestId}`}>
            {t('thread.openFollowUp')}
          </Anchor>
        </Alert>
      )}
      {reply.isSuccess && !reply.data.followUp && (
        <Alert color="green" role="status">
          {t('thread.sent')}
        </Alert>
      )}
      {reply.isError && (
        <Alert color="red" role="alert">
          {t('form.failed', { message: reply.error.message })}
        </Alert>
      )}
      <Card withBorder component="form" onSubmit={submit}>
        <Stack gap="sm">
          <Textarea
            label={t('thread.reply')}
            required
            minRows={4}
            autosize
            maxLength={20_000}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <Button type="submit" loading={reply.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('thread.send')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
