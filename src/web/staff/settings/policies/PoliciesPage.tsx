import { Anchor, Badge, Button, Card, Group, Stack, Switch, Tabs, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  api,
  keys,
  send,
  useCalendars,
  usePermissions,
  type List,
  type Policy,
  type SubjectType,
} from '../api';
import { formatDuration } from '../format';
import { ConfirmButton, ErrorNote, MoveButtons, PageHeader, ReadOnlyNote, move } from '../ui';
import { conditionSummary } from './summary';

const subjects: SubjectType[] = ['request', 'gift', 'volunteer_application'];

/** Promise policies by subject, in the order they are tried: reorder, switch on and off, open. */
export function PoliciesPage() {
  const { t } = useTranslation('settings');
  const { can } = usePermissions();
  const manage = can('promises.manage');
  const [params, setParams] = useSearchParams();
  const subject = (subjects as string[]).includes(params.get('subject') ?? '')
    ? (params.get('subject') as SubjectType)
    : 'request';
  return (
    <>
      <PageHeader
        title={t('policies.title')}
        description={t('policies.description')}
        actions={
          manage && (
            <Button component={Link} to={`/settings/policies/new?subject=${subject}`}>
              {t('policies.new')}
            </Button>
          )
        }
      />
      {!manage && <ReadOnlyNote />}
      <Tabs value={subject} onChange={(v) => v && setParams({ subject: v }, { replace: true })}>
        <Tabs.List mb="md">
          {subjects.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {t(`policies.subjects.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {subjects.map((s) => (
          <Tabs.Panel key={s} value={s}>
            {s === subject && <PolicyList subject={s} manage={manage} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

function PolicyList({ subject, manage }: { subject: SubjectType; manage: boolean }) {
  const { t, i18n } = useTranslation('settings');
  const client = useQueryClient();
  const key = [...keys.policies, subject];
  const calendars = useCalendars();
  const list = useQuery({
    queryKey: key,
    queryFn: () => api<List<Policy>>(`/promise-policies?subjectType=${subject}`),
  });
  const policies = list.data?.data ?? [];
  const refresh = () => client.invalidateQueries({ queryKey: keys.policies });
  const reorder = useMutation({
    mutationFn: (ids: string[]) =>
      send<List<Policy>>('/promise-policies/order', {
        method: 'PUT',
        body: { subjectType: subject, ids },
      }),
    onMutate: (ids) => {
      // Move at once; the answer (or a refetch after an error) settles it.
      client.setQueryData<List<Policy>>(
        key,
        (old) => old && { ...old, data: ids.map((id) => old.data.find((p) => p.id === id)!) },
      );
    },
    onSuccess: (saved) => client.setQueryData(key, saved),
    onError: refresh,
  });
  const toggle = useMutation({
    mutationFn: (p: Policy) =>
      send<Policy>(`/promise-policies/${p.id}`, {
        method: 'PATCH',
        version: p.version,
        body: { active: !p.active },
      }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => send(`/promise-policies/${id}`, { method: 'DELETE' }),
    onSettled: refresh,
  });
  const calendarName = (id: string | null) =>
    calendars.data?.data.find((c) => c.id === id)?.name ?? t('common.roundTheClock');
  return (
    <>
      <ErrorNote error={list.error ?? reorder.error ?? toggle.error ?? remove.error} />
      {list.data && policies.length === 0 && <Text>{t('policies.empty')}</Text>}
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {policies.map((p, index) => (
          <Card
            component="li"
            key={p.id}
            withBorder
            padding="md"
            aria-label={p.name}
            data-policy={p.name}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Group align="flex-start" wrap="nowrap" gap="md">
                <Badge variant="light" color="gray" size="lg" circle aria-hidden="true">
                  {index + 1}
                </Badge>
                <Stack gap={4}>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/settings/policies/${p.id}`} fw={600}>
                      {p.name}
                    </Anchor>
                    {!p.active && (
                      <Badge variant="light" color="gray">
                        {t('policies.inactive')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">
                    <Text span c="dimmed">
                      {t('policies.conditions')}:{' '}
                    </Text>
                    {conditionSummary(p.conditions, t, i18n.language) || t('policies.everyone')}
                  </Text>
                  <Group gap={6}>
                    {p.targets.map((target) => (
                      <Badge
                        key={target.target}
                        variant="light"
                        color="blue"
                        tt="none"
                        title={calendarName(target.calendarId)}
                      >
                        {t('policies.targetSummary', {
                          target: t(`clock.${target.target}`, { ns: 'translation' }),
                          duration: formatDuration(target.minutes, i18n.language),
                        })}
                      </Badge>
                    ))}
                  </Group>
                </Stack>
              </Group>
              <Group gap="sm" wrap="nowrap">
                <Switch
                  label={t('policies.active')}
                  aria-label={t('policies.activeOf', { name: p.name })}
                  checked={p.active}
                  disabled={!manage || toggle.isPending}
                  onChange={() => toggle.mutate(p)}
                />
                {manage && (
                  <>
                    <MoveButtons
                      name={p.name}
                      index={index}
                      count={policies.length}
                      disabled={reorder.isPending}
                      onMove={(from, to) =>
                        reorder.mutate(move(policies, from, to).map((x) => x.id))
                      }
                    />
                    <ConfirmButton
                      label={t('common.delete')}
                      aria-label={t('common.deleteNamed', { name: p.name })}
                      title={t('policies.deleteTitle', { name: p.name })}
                      message={t('policies.deleteMessage')}
                      confirm={t('common.delete')}
                      onConfirm={() => remove.mutate(p.id)}
                    />
                  </>
                )}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </>
  );
}
