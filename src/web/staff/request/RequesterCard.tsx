import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Contact, type Page, type QueueItem } from '../api';
import { DueBadge } from '../due';
import { languageName } from '../../format';

/**
 * Who asked: name (a link to their record), roles, preferred language, how to reach them, and
 * their other recent requests.
 */
export function RequesterCard({
  requesterId,
  requestId,
}: {
  requesterId: string;
  requestId: string;
}) {
  const { t, i18n } = useTranslation();
  const contact = useQuery({
    queryKey: ['contacts', requesterId, 'card'],
    queryFn: () => api<Contact>(`/contacts/${requesterId}`),
  });
  const others = useQuery({
    queryKey: ['requests', 'of', requesterId],
    queryFn: () => api<Page<QueueItem>>(`/requests?view=all&requesterId=${requesterId}&limit=6`),
  });
  const c = contact.data;
  const otherRequests = (others.data?.data ?? []).filter((r) => r.id !== requestId).slice(0, 5);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="requester">
      <Title order={2} size="h5" id="requester" mb="xs">
        {t('requester.title')}
      </Title>
      {!c ? (
        <Text size="sm">{contact.isError ? contact.error.message : t('queue.loading')}</Text>
      ) : (
        <Stack gap={6}>
          <Anchor component={Link} to={`/contacts/${c.id}`} fw={700}>
            {c.name}
          </Anchor>
          {c.roles.length > 0 && (
            <Group gap={4} aria-label={t('requester.roles')}>
              {c.roles.map((r) => (
                <Badge key={r} variant="light" color="blue" size="sm">
                  {t(`requester.role.${r}`)}
                </Badge>
              ))}
            </Group>
          )}
          <Text size="sm">
            {t('requester.language')}:{' '}
            {c.preferredLanguage
              ? languageName(c.preferredLanguage, i18n.language, false)
              : t('requester.noLanguage')}
          </Text>
          {c.emails.map((e) => (
            <Text size="sm" key={e.address}>
              <Anchor href={`mailto:${e.address}`}>{e.address}</Anchor>
              {e.bounced && ` · ${t('requester.bounced')}`}
            </Text>
          ))}
          {c.phones.map((p) => (
            <Text size="sm" key={p.number}>
              <Anchor href={`tel:${p.number}`}>{p.number}</Anchor>
            </Text>
          ))}
          {c.emails.length + c.phones.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('requester.noReach')}
            </Text>
          )}
          {otherRequests.length > 0 && (
            <>
              <Title order={3} size="h6" mt="xs">
                {t('requester.otherRequests')}
              </Title>
              {otherRequests.map((r) => (
                <Group key={r.id} justify="space-between" wrap="nowrap" gap="xs">
                  <Anchor component={Link} to={`/requests/${r.id}`} size="sm" truncate>
                    {r.reference} · {r.subject}
                  </Anchor>
                  {r.nextDueAt || r.breached ? (
                    <DueBadge dueAt={r.nextDueAt} breached={r.breached} />
                  ) : (
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {t(`status.${r.status}`)}
                    </Text>
                  )}
                </Group>
              ))}
            </>
          )}
        </Stack>
      )}
    </Paper>
  );
}
