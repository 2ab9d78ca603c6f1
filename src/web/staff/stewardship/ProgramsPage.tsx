import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNote, PageHeader } from '../settings/ui';
import { usePermissions, useFunds, usePrograms, type Fund, type Program } from './api';
import { FundBadge } from './FundBadge';
import { FundModal, ProgramModal } from './ProgramForms';
import { TimeToThank } from './TimeToThank';

type Editing =
  | { kind: 'program'; saved?: Program }
  | { kind: 'fund'; saved?: Fund; programId?: string | null }
  | null;

/** The programs with their funds, the funds of no program, and time to thank. */
export function ProgramsPage() {
  const { t } = useTranslation('stewardship');
  const { can } = usePermissions();
  const manage = can('funds.manage');
  const programs = usePrograms();
  const funds = useFunds();
  const [editing, setEditing] = useState<Editing>(null);
  const list = programs.data?.data ?? [];
  const allFunds = funds.data?.data ?? [];
  const loose = allFunds.filter((f) => !f.programId || !list.some((p) => p.id === f.programId));
  return (
    <Stack maw={1100}>
      <PageHeader
        title={t('programs.title')}
        description={t('programs.description')}
        actions={
          manage && (
            <>
              <Button onClick={() => setEditing({ kind: 'program' })}>{t('programs.new')}</Button>
              <Button variant="default" onClick={() => setEditing({ kind: 'fund' })}>
                {t('funds.new')}
              </Button>
            </>
          )
        }
      />
      <ErrorNote error={programs.error ?? funds.error} />
      {programs.isPending && <Text>{t('loading')}</Text>}
      {programs.isSuccess && list.length === 0 && <Text>{t('programs.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {list.map((p) => (
          <Card key={p.id} withBorder component="article" data-program={p.name}>
            <Title order={2} size="h4">
              <Anchor component={Link} to={`/programs/${p.id}`}>
                {p.name}
              </Anchor>
            </Title>
            {p.description && (
              <Text size="sm" c="dimmed" mt={4}>
                {p.description}
              </Text>
            )}
            <FundList
              funds={allFunds.filter((f) => f.programId === p.id)}
              onEdit={manage ? (f) => setEditing({ kind: 'fund', saved: f }) : undefined}
            />
            {manage && (
              <Group mt="sm" gap="xs">
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setEditing({ kind: 'fund', programId: p.id })}
                  aria-label={t('funds.newFor', { program: p.name })}
                >
                  {t('funds.add')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => setEditing({ kind: 'program', saved: p })}
                  aria-label={t('programs.editNamed', { name: p.name })}
                >
                  {t('edit')}
                </Button>
              </Group>
            )}
          </Card>
        ))}
      </SimpleGrid>
      {loose.length > 0 && (
        <Card withBorder component="section" aria-labelledby="loose-funds">
          <Title order={2} size="h5" id="loose-funds">
            {t('funds.loose')}
          </Title>
          <FundList
            funds={loose}
            onEdit={manage ? (f) => setEditing({ kind: 'fund', saved: f }) : undefined}
          />
        </Card>
      )}
      <TimeToThank />
      {editing?.kind === 'program' && (
        <ProgramModal saved={editing.saved} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'fund' && (
        <FundModal
          saved={editing.saved}
          programId={editing.programId}
          programs={list}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

/** Funds as a list: name, restricted or not, what it is for. */
export function FundList(props: { funds: Fund[]; onEdit?: (fund: Fund) => void }) {
  const { t } = useTranslation('stewardship');
  if (props.funds.length === 0)
    return (
      <Text size="sm" mt="sm" c="dimmed">
        {t('funds.none')}
      </Text>
    );
  return (
    <Stack component="ul" gap={6} mt="sm" p={0} style={{ listStyle: 'none' }}>
      {props.funds.map((f) => (
        <li key={f.id} data-fund={f.name}>
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <div style={{ minWidth: 0 }}>
              <Text fw={500}>{f.name}</Text>
              {f.description && (
                <Text size="xs" c="dimmed">
                  {f.description}
                </Text>
              )}
            </div>
            <Group gap={4} wrap="nowrap">
              <FundBadge restricted={f.restricted} />
              {props.onEdit && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => props.onEdit?.(f)}
                  aria-label={t('funds.editNamed', { name: f.name })}
                >
                  {t('edit')}
                </Button>
              )}
            </Group>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
