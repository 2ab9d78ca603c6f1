import { Anchor, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { languageName } from '../../format';
import { ConfirmButton, ErrorNote, PageHeader } from '../settings/ui';
import {
  api,
  donorLanguages,
  keys,
  send,
  useFunds,
  usePermissions,
  usePrograms,
  type Fund,
  type ImpactUpdate,
  type List,
} from './api';
import { ImpactUpdateView } from './ImpactUpdateView';
import { FundList } from './ProgramsPage';
import { FundModal, ProgramModal } from './ProgramForms';

/** One program: its funds and its impact updates, newest first, as donors read them. */
export function ProgramPage() {
  const { t, i18n } = useTranslation('stewardship');
  const id = useParams().id!;
  const { can } = usePermissions();
  const manage = can('funds.manage');
  const write = can('impact.write');
  const programs = usePrograms();
  const funds = useFunds();
  const client = useQueryClient();
  // The dialog open: the program's, a new fund (null) or one of its funds.
  const [editing, setEditing] = useState<
    { kind: 'program' } | { kind: 'fund'; saved?: Fund } | null
  >(null);
  const [reader, setReader] = useState(i18n.language);
  const updates = useQuery({
    queryKey: keys.updates(id),
    queryFn: () => api<List<ImpactUpdate>>(`/programs/${id}/impact-updates?limit=100`),
  });
  const remove = useMutation({
    mutationFn: (u: ImpactUpdate) => send(`/impact-updates/${u.id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.updates(id) }),
  });
  const program = programs.data?.data.find((p) => p.id === id);
  if (!program)
    return programs.isPending ? (
      <Text>{t('loading')}</Text>
    ) : (
      <ErrorNote error={programs.error ?? new Error(t('programs.notFound'))} />
    );
  const newest = [...(updates.data?.data ?? [])].sort(
    (a, b) => b.periodTo.localeCompare(a.periodTo) || b.publishedAt.localeCompare(a.publishedAt),
  );
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/programs" size="sm">
        {t('programs.back')}
      </Anchor>
      <PageHeader
        title={program.name}
        description={program.description ?? undefined}
        actions={
          <>
            {manage && (
              <Button variant="default" onClick={() => setEditing({ kind: 'program' })}>
                {t('programs.edit')}
              </Button>
            )}
            {write && (
              <Button component={Link} to={`/programs/${id}/updates/new`}>
                {t('impact.new')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder component="section" aria-labelledby="funds-title">
        <Group justify="space-between">
          <Title order={2} size="h5" id="funds-title">
            {t('funds.title')}
          </Title>
          {manage && (
            <Button size="xs" variant="light" onClick={() => setEditing({ kind: 'fund' })}>
              {t('funds.add')}
            </Button>
          )}
        </Group>
        <FundList
          funds={(funds.data?.data ?? []).filter((f) => f.programId === id)}
          onEdit={manage ? (f) => setEditing({ kind: 'fund', saved: f }) : undefined}
        />
      </Card>
      <section aria-labelledby="updates-title">
        <Group justify="space-between" align="flex-end" mb="sm">
          <Title order={2} size="h4" id="updates-title">
            {t('impact.title')}
          </Title>
          <NativeSelect
            label={t('impact.readAs')}
            value={reader}
            onChange={(e) => setReader(e.currentTarget.value)}
            data={donorLanguages.map((l) => ({ value: l, label: languageName(l, i18n.language) }))}
          />
        </Group>
        <ErrorNote error={updates.error ?? remove.error} />
        {updates.isSuccess && newest.length === 0 && <Text>{t('impact.empty')}</Text>}
        <Stack>
          {newest.map((u) => (
            <div key={u.id} data-update={u.title}>
              <ImpactUpdateView update={u} language={reader} />
              {write && (
                <Group gap="xs" mt={4}>
                  <Button
                    size="xs"
                    variant="subtle"
                    component={Link}
                    to={`/programs/${id}/updates/${u.id}`}
                    aria-label={t('impact.editNamed', { title: u.title })}
                  >
                    {t('edit')}
                  </Button>
                  <ConfirmButton
                    label={t('delete')}
                    aria-label={t('impact.deleteNamed', { title: u.title })}
                    title={t('impact.deleteTitle', { title: u.title })}
                    message={t('impact.deleteMessage')}
                    confirm={t('delete')}
                    onConfirm={() => remove.mutate(u)}
                  />
                </Group>
              )}
            </div>
          ))}
        </Stack>
      </section>
      {editing?.kind === 'program' && (
        <ProgramModal saved={program} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'fund' && (
        <FundModal
          saved={editing.saved}
          programs={programs.data?.data ?? []}
          programId={id}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
