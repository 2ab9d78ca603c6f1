import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { impactLimits } from '../../../shared/schemas/impact';
import { Icon } from '../settings/ui';
import { figureValue } from './impact';

/** A figure as typed: its value still text until it is saved. */
export type FigureDraft = { label: string; value: string; unit: string };

/** The figures of an update as rows of label, value and unit; rows added and removed. */
export function FiguresEditor(props: {
  figures: FigureDraft[];
  onChange: (figures: FigureDraft[]) => void;
  problem?: (path: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation('stewardship');
  const { figures } = props;
  const set = (i: number, patch: Partial<FigureDraft>) =>
    props.onChange(figures.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <Stack gap="xs">
      {figures.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('impact.noFigures')}
        </Text>
      )}
      {figures.map((f, i) => {
        const n = i + 1;
        const bad = f.value.trim() !== '' && figureValue(f.value, i18n.language) === null;
        return (
          <Group key={i} gap="xs" align="flex-start" wrap="wrap" data-figure-row={n}>
            <TextInput
              label={t('impact.figureValue', { n })}
              value={f.value}
              inputMode="decimal"
              w={120}
              required
              error={bad ? t('impact.notNumber') : props.problem?.(`figures.${i}.value`)}
              onChange={(e) => set(i, { value: e.currentTarget.value })}
            />
            <TextInput
              label={t('impact.figureUnit', { n })}
              value={f.unit}
              maxLength={impactLimits.unitMax}
              w={120}
              onChange={(e) => set(i, { unit: e.currentTarget.value })}
            />
            <TextInput
              label={t('impact.figureLabel', { n })}
              value={f.label}
              maxLength={impactLimits.labelMax}
              required
              style={{ flex: 1, minWidth: 180 }}
              error={props.problem?.(`figures.${i}.label`)}
              onChange={(e) => set(i, { label: e.currentTarget.value })}
            />
            <ActionIcon
              variant="default"
              size="lg"
              mt={25}
              aria-label={t('impact.removeFigure', { n })}
              onClick={() => props.onChange(figures.filter((_, j) => j !== i))}
            >
              <Icon name="trash" />
            </ActionIcon>
          </Group>
        );
      })}
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        leftSection={<Icon name="plus" size={14} />}
        onClick={() => props.onChange([...figures, { label: '', value: '', unit: '' }])}
      >
        {t('impact.addFigure')}
      </Button>
    </Stack>
  );
}
