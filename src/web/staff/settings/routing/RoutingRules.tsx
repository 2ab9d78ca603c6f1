import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, keys, send, usePermissions, useTeams, type List, type Rule } from '../api';
import { ErrorNote, Icon, PageHeader, ReadOnlyNote, SavedNote, move } from '../ui';
import { RuleCard } from './RuleCard';
import { clean, matchesAll, type DraftRule } from './rules';
import { newKey } from '../../../ids';

const toDraft = (rules: Rule[]): DraftRule[] =>
  rules.map((r) => ({ key: r.id, teamId: r.teamId, conditions: r.conditions }));

/** The ordered routing rules: add, edit, delete and reorder, then save the list at once. */
export function RoutingRules() {
  const { t } = useTranslation('settings');
  const { can } = usePermissions();
  const readOnly = !can('desk.manage');
  const client = useQueryClient();
  const teams = useTeams();
  const stored = useQuery({
    queryKey: keys.rules,
    queryFn: () => api<List<Rule>>('/routing-rules'),
  });
  const [rules, setRules] = useState<DraftRule[] | undefined>();
  const [editing, setEditing] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  useEffect(() => {
    if (stored.data && rules === undefined) setRules(toDraft(stored.data.data));
  }, [stored.data, rules]);
  const change = (next: DraftRule[]) => {
    setRules(next);
    setJustSaved(false);
  };
  const body = {
    rules: (rules ?? []).map((r) => ({ teamId: r.teamId, conditions: clean(r.conditions) })),
  };
  const dirty =
    !!stored.data &&
    JSON.stringify(body.rules) !==
      JSON.stringify(
        stored.data.data.map((r) => ({ teamId: r.teamId, conditions: clean(r.conditions) })),
      );
  const save = useMutation({
    mutationFn: () => send<List<Rule>>('/routing-rules', { method: 'PUT', body }),
    onSuccess: (saved) => {
      client.setQueryData(keys.rules, saved);
      setRules(toDraft(saved.data));
      setEditing(null);
      setJustSaved(true);
    },
  });
  const firstCatchAll = (rules ?? []).findIndex(matchesAll);
  const teamList = teams.data?.data ?? [];
  return (
    <>
      <PageHeader
        title={t('routing.title')}
        description={t('routing.description')}
        actions={
          !readOnly && (
            <Button
              leftSection={<Icon name="plus" size={16} />}
              disabled={teamList.length === 0 || !rules}
              onClick={() => {
                const key = `new-${newKey()}`;
                // A new rule goes above a final catch-all, where it can still match.
                const at = firstCatchAll === -1 ? (rules ?? []).length : firstCatchAll;
                const next = [...(rules ?? [])];
                next.splice(at, 0, { key, teamId: teamList[0]!.id, conditions: {} });
                change(next);
                setEditing(key);
              }}
            >
              {t('routing.add')}
            </Button>
          )
        }
      />
      {readOnly && <ReadOnlyNote />}
      <ErrorNote error={stored.error ?? teams.error} />
      {!readOnly && teams.data && teamList.length === 0 && (
        <Alert color="yellow">{t('routing.needTeam')}</Alert>
      )}
      {rules?.length === 0 && <Text>{t('routing.empty')}</Text>}
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rules?.map((rule, index) => (
          <RuleCard
            key={rule.key}
            rule={rule}
            index={index}
            count={rules.length}
            teams={teamList}
            readOnly={readOnly}
            editing={editing === rule.key}
            shadowed={firstCatchAll !== -1 && index > firstCatchAll}
            onEdit={(on) => setEditing(on ? rule.key : null)}
            onChange={(r) => change(rules.map((x) => (x.key === rule.key ? r : x)))}
            onDelete={() => change(rules.filter((x) => x.key !== rule.key))}
            onMove={(from, to) => change(move(rules, from, to))}
          />
        ))}
      </Stack>
      {!readOnly && rules && (
        <Group mt="lg">
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
            {t('routing.saveAll')}
          </Button>
          {dirty && (
            <>
              <Button
                variant="default"
                onClick={() => {
                  setRules(toDraft(stored.data?.data ?? []));
                  setEditing(null);
                }}
              >
                {t('common.discard')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('common.unsaved')}
              </Text>
            </>
          )}
          <SavedNote show={justSaved && !dirty} />
        </Group>
      )}
      <ErrorNote error={save.error} />
    </>
  );
}
