import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import type { Contact, Household, Page, Relationship } from './api';
import { countryName, formatPhone, languageName } from './format';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** The left column of a contact page: how to reach them, preferences, owner, household, relations. */
export function ContactDetails({ contact: c }: { contact: Contact }) {
  const { t, i18n } = useTranslation('contacts');
  const none = t('page.none');
  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="details">
        <Title order={2} size="h4" id="details" mb="sm">
          {t('page.details')}
        </Title>
        <Stack gap="sm" component="dl" m={0}>
          <Item label={t('page.emails')}>
            {c.emails.length === 0
              ? none
              : c.emails.map((e) => (
                  <Group key={e.address} gap={6} component="span">
                    <Anchor href={`mailto:${e.address}`}>{e.address}</Anchor>
                    {e.label && (
                      <Text span size="sm" c="dimmed">
                        ({e.label})
                      </Text>
                    )}
                    {e.primary && c.emails.length > 1 && (
                      <Badge size="xs" variant="light">
                        {t('page.primary')}
                      </Badge>
                    )}
                    {e.bounced && (
                      <Badge size="xs" color="red" variant="light">
                        {t('page.bounced')}
                      </Badge>
                    )}
                  </Group>
                ))}
          </Item>
          <Item label={t('page.phones')}>
            {c.phones.length === 0
              ? none
              : c.phones.map((p) => (
                  <Group key={p.number} gap={6} component="span">
                    <Anchor href={`tel:${p.number}`}>{formatPhone(p.number)}</Anchor>
                    {p.label && (
                      <Text span size="sm" c="dimmed">
                        ({p.label})
                      </Text>
                    )}
                  </Group>
                ))}
          </Item>
          <Item label={t('page.addresses')}>
            {c.addresses.length === 0
              ? none
              : c.addresses.map((a, i) => (
                  <Text key={i} component="span" display="block" style={{ whiteSpace: 'pre-line' }}>
                    {[
                      a.line1,
                      a.line2,
                      [a.postalCode, a.city].filter(Boolean).join(' '),
                      a.region,
                      countryName(a.country, i18n.language),
                    ]
                      .filter(Boolean)
                      .join('\n')}
                  </Text>
                ))}
          </Item>
          <Item label={t('page.preferredLanguage')}>
            {c.preferredLanguage ? languageName(c.preferredLanguage, i18n.language) : none}
          </Item>
          <Item label={t('page.preferredChannel')}>
            {c.preferredChannel ? t(`preferredChannel.${c.preferredChannel}`) : none}
          </Item>
          {c.timeZone && <Item label={t('page.timeZone')}>{c.timeZone}</Item>}
          {c.tags.length > 0 && (
            <Item label={t('page.tags')}>
              <Group gap={4} component="span">
                {c.tags.map((tag) => (
                  <Badge key={tag} variant="outline" color="gray" size="sm" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
            </Item>
          )}
          <Item label={t('page.owner')}>{c.owner ? c.owner.name : t('page.noOwner')}</Item>
        </Stack>
      </Card>
      <HouseholdCard contact={c} />
      <RelationshipsCard contactId={c.id} />
    </Stack>
  );
}

function HouseholdCard({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation('contacts');
  const household = useQuery({
    queryKey: ['households', c.household?.id],
    queryFn: () => api<Household>(`/households/${c.household!.id}`),
    enabled: !!c.household,
  });
  const others = household.data?.members.filter((m) => m.id !== c.id) ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="household">
      <Title order={2} size="h4" id="household" mb="xs">
        {t('page.household')}
      </Title>
      {!c.household ? (
        <Text c="dimmed">{t('page.noHousehold')}</Text>
      ) : (
        <>
          <Text fw={600}>{c.household.name}</Text>
          <List size="sm" mt={4}>
            {others.map((m) => (
              <List.Item key={m.id}>
                <Anchor component={Link} to={`/contacts/${m.id}`}>
                  {m.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Card>
  );
}

function RelationshipsCard({ contactId }: { contactId: string }) {
  const { t } = useTranslation('contacts');
  const relations = useQuery({
    queryKey: ['contacts', contactId, 'relationships'],
    queryFn: () => api<Page<Relationship>>(`/contacts/${contactId}/relationships`),
  });
  return (
    <Card withBorder component="section" aria-labelledby="relationships">
      <Title order={2} size="h4" id="relationships" mb="xs">
        {t('page.relationships')}
      </Title>
      {relations.data?.data.length === 0 ? (
        <Text c="dimmed">{t('page.noRelationships')}</Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {relations.data?.data.map((r) => (
            <li key={r.id}>
              <Text span size="sm" c="dimmed">
                {t(`relation.${r.type}`, { defaultValue: r.type })}:{' '}
              </Text>
              <Anchor component={Link} to={`/contacts/${r.contact.id}`}>
                {r.contact.name}
              </Anchor>
              {r.note && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  · {r.note}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
