import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '../api';
import { useStaff } from '../desk';
import { dateTime } from '../due';

/**
 * The conversation, oldest first. An internal note is unmistakable: a tinted card with a dashed
 * edge and the words "Internal note" (text, not an icon, so screen readers say it too).
 */
export function Conversation({
  messages,
  requesterName,
}: {
  messages: Message[];
  requesterName: string | undefined;
}) {
  const { t } = useTranslation();
  const staff = useStaff();
  const nameOf = (m: Message) =>
    m.author === 'requester'
      ? (requesterName ?? t('request.requester'))
      : m.author === 'system'
        ? t('request.system')
        : (staff.find((s) => s.id === m.authorUserId)?.name ?? t('request.staff'));
  return (
    <section aria-labelledby="conversation">
      <Title order={2} size="h5" id="conversation" mb="xs">
        {t('request.conversation')} ({t('request.messages', { count: messages.length })})
      </Title>
      <Stack gap="sm">
        {messages.map((m) => (
          <MessageCard key={m.id} message={m} name={nameOf(m)} />
        ))}
      </Stack>
    </section>
  );
}

function MessageCard({ message: m, name }: { message: Message; name: string }) {
  const { t, i18n } = useTranslation();
  const kind =
    m.visibility === 'internal'
      ? t('request.internalNote')
      : m.author === 'requester'
        ? t('request.fromRequester')
        : t('request.publicReply');
  return (
    <Paper
      component="article"
      withBorder
      p="sm"
      className="message"
      data-visibility={m.visibility}
      data-author={m.author}
      aria-label={`${kind}: ${name}`}
    >
      <Group justify="space-between" mb={6} gap="xs">
        <Text size="sm">
          <Text span fw={700} tt={m.visibility === 'internal' ? 'uppercase' : undefined}>
            {kind}
          </Text>
          {' · '}
          {name}
          {m.fromAddress ? ` · ${t('request.from', { address: m.fromAddress })}` : ''}
        </Text>
        <Text size="xs" c="dimmed" component="time" dateTime={m.createdAt}>
          {dateTime(m.createdAt, i18n.language)}
        </Text>
      </Group>
      {m.needsReview && (
        <Badge color="orange" variant="light" mb={6}>
          {t('request.needsReview')}
        </Badge>
      )}
      <Text size="sm" className="message-body">
        {m.body}
      </Text>
    </Paper>
  );
}
