import { Anchor, Badge, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api';
import type { Contact } from './api';
import { ContactDetails } from './ContactDetails';
import { ContactRequests } from './ContactRequests';
import { LazyGivingPanel } from '../gifts/LazyGiving';
import { formatDate } from './format';
import { RoleBadges } from './RoleBadges';
import { Timeline } from './Timeline';

/** One contact: roles, details, owner, household and relationships, requests, the timeline. */
export function ContactPage() {
  const { t, i18n } = useTranslation('contacts');
  const id = useParams().id!;
  const contact = useQuery({
    queryKey: ['contacts', id],
    queryFn: () => api<Contact>(`/contacts/${id}`),
  });
  if (contact.isError)
    return (
      <Text c="red.9">
        {contact.error instanceof ApiError && contact.error.status === 404
          ? t('notFound')
          : contact.error.message}
      </Text>
    );
  if (!contact.data) return <Text>{t('loading')}</Text>;
  const c = contact.data;
  return (
    <Stack maw={1400}>
      <Anchor component={Link} to="/contacts" size="sm">
        ← {t('page.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {c.name}
            </Title>
            {c.kind === 'organization' && (
              <Badge variant="outline" color="gray">
                {c.organizationType ? t(`orgType.${c.organizationType}`) : t('kind.organization')}
              </Badge>
            )}
          </Group>
          <Group gap="sm">
            <RoleBadges roles={c.roles} size="md" />
            <Text size="sm" c="dimmed">
              {t('page.since', { date: formatDate(c.createdAt, i18n.language) })}
            </Text>
          </Group>
        </Stack>
        <Group>
          <Button component={Link} to={`/contacts/${c.id}/log-call`}>
            {t('page.logCall')}
          </Button>
          <Button component={Link} to={`/contacts/${c.id}/edit`} variant="default">
            {t('page.edit')}
          </Button>
        </Group>
      </Group>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ContactDetails contact={c} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <LazyGivingPanel contactId={c.id} />
            <ContactRequests contactId={c.id} />
            <Timeline contactId={c.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
