import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { requestChannels } from '../../../../shared/requests';
import { useDesk, type RuleConditions, type Team } from '../api';
import { languageName } from '../format';
import { MoveButtons } from '../ui';
import { matchesAll, type DraftRule } from './rules';

const commonLanguages = ['en', 'es', 'lt', 'uk', 'ru', 'pl', 'lv', 'de', 'fr', 'pt', 'ar', 'it'];
const fields = ['categories', 'channels', 'languages', 'tiers'] as const;

/** One routing rule: what it matches and where it sends, with its editor when open. */
export function RuleCard(props: {
  rule: DraftRule;
  index: number;
  count: number;
  teams: Team[];
  readOnly: boolean;
  editing: boolean;
  shadowed: boolean;
  onEdit: (on: boolean) => void;
  onChange: (rule: DraftRule) => void;
  onDelete: () => void;
  onMove: (from: number, to: number) => void;
}) {
  const { t, i18n } = useTranslation('settings');
  const { rule, index } = props;
  const desk = useDesk();
  const n = index + 1;
  const title = t('routing.rule', { n });
  const team = props.teams.find((x) => x.id === rule.teamId);
  const label = (field: (typeof fields)[number], value: string) =>
    field === 'channels'
      ? t(`routing.channel.${value}`)
      : field === 'languages'
        ? languageName(value, i18n.language)
        : value;
  const setField = (field: keyof RuleConditions, values: string[]) =>
    props.onChange({ ...rule, conditions: { ...rule.conditions, [field]: values } });
  const options = (known: readonly string[], field: keyof RuleConditions) =>
    [...new Set([...known, ...(rule.conditions[field] ?? [])])].map((v) => ({
      value: v,
      label: label(field, v),
    }));
  return (
    <Card component="li" withBorder padding="md" aria-label={title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group align="flex-start" wrap="nowrap" gap="md">
          <Badge variant="light" color="gray" size="lg" circle aria-hidden="true">
            {n}
          </Badge>
          <Stack gap={6}>
            <Text fw={600} className="visually-hidden">
              {title}
            </Text>
            {matchesAll(rule) ? (
              <Text>{t('routing.anyRequest')}</Text>
            ) : (
              fields
                .filter((f) => (rule.conditions[f]?.length ?? 0) > 0)
                .map((f) => (
                  <Group key={f} gap={6}>
                    <Text size="sm" c="dimmed" w={150}>
                      {t(`routing.${f}`)}
                    </Text>
                    {rule.conditions[f]!.map((v) => (
                      <Badge key={v} variant="light" color="blue" tt="none">
                        {label(f, v)}
                      </Badge>
                    ))}
                  </Group>
                ))
            )}
            <Group gap={6}>
              <Text size="sm" c="dimmed" w={150}>
                {t('routing.goesTo')}
              </Text>
              <Text fw={600}>{team?.name ?? '—'}</Text>
            </Group>
          </Stack>
        </Group>
        {!props.readOnly && (
          <Group gap="xs" wrap="nowrap">
            <MoveButtons name={title} index={index} count={props.count} onMove={props.onMove} />
            <Button
              variant="default"
              size="xs"
              aria-expanded={props.editing}
              aria-label={props.editing ? undefined : t('routing.editRule', { n })}
              onClick={() => props.onEdit(!props.editing)}
            >
              {props.editing ? t('routing.done') : t('common.edit')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              aria-label={t('routing.deleteRule', { n })}
              onClick={props.onDelete}
            >
              {t('common.delete')}
            </Button>
          </Group>
        )}
      </Group>
      {props.shadowed && (
        <Alert color="yellow" variant="light" mt="sm" p="xs">
          {t('routing.shadowed')}
        </Alert>
      )}
      {props.editing && (
        <Stack mt="md" gap="sm">
          <Text size="sm" c="dimmed">
            {t('routing.matchesAll')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('routing.categories')}
              data={options(desk.data?.categories ?? [], 'categories')}
              value={rule.conditions.categories ?? []}
              onChange={(v) => setField('categories', v)}
              placeholder={t('common.anything')}
              searchable
            />
            <MultiSelect
              label={t('routing.channels')}
              data={options(requestChannels, 'channels')}
              value={rule.conditions.channels ?? []}
              onChange={(v) => setField('channels', v)}
              placeholder={t('common.anything')}
            />
            <MultiSelect
              label={t('routing.languages')}
              data={options(commonLanguages, 'languages')}
              value={rule.conditions.languages ?? []}
              onChange={(v) => setField('languages', v)}
              placeholder={t('common.anything')}
              searchable
            />
            <TagsInput
              label={t('routing.tiers')}
              description={t('routing.tiersHelp')}
              value={rule.conditions.tiers ?? []}
              onChange={(v) => setField('tiers', v)}
              placeholder={t('common.anything')}
            />
          </SimpleGrid>
          <Select
            label={t('routing.team')}
            data={props.teams.map((x) => ({ value: x.id, label: x.name }))}
            value={rule.teamId}
            onChange={(v) => v && props.onChange({ ...rule, teamId: v })}
            allowDeselect={false}
            maw={320}
          />
        </Stack>
      )}
    </Card>
  );
}
