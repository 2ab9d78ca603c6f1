import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys, send, useDesk, usePermissions, type CustomField, type DeskSettings } from '../api';
import { ErrorNote, Icon, MoveButtons, move, PageHeader, ReadOnlyNote, SavedNote } from '../ui';

const fieldTypes = ['text', 'number', 'boolean', 'date', 'choice'] as const;
const keyShape = /^[a-z][a-z0-9_]{0,39}$/;

/** A field's key made from its label: lower case, letters, digits and _ (the API's rule). */
export function keyFrom(label: string): string {
  const key = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return /^[a-z]/.test(key) ? key : `field_${key}`.slice(0, 40).replace(/_+$/, '');
}

/** The desk's own lists: request categories, the reopen window, and custom fields of requests. */
export function DeskPage() {
  const { t } = useTranslation('settings');
  const desk = useDesk();
  return (
    <>
      <PageHeader title={t('desk.title')} description={t('desk.description')} />
      <ErrorNote error={desk.error} />
      {desk.data ? (
        <DeskForm settings={desk.data} />
      ) : (
        !desk.error && <Text>{t('common.loading')}</Text>
      )}
    </>
  );
}

function DeskForm({ settings }: { settings: DeskSettings }) {
  const { t } = useTranslation('settings');
  const { can } = usePermissions();
  const readOnly = !can('desk.manage');
  const client = useQueryClient();
  const start = {
    categories: settings.categories,
    reopenDays: settings.reopenDays,
    customFields: settings.customFields,
  };
  const [draft, setDraft] = useState(start);
  const [justSaved, setJustSaved] = useState(false);
  const change = (patch: Partial<typeof draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setJustSaved(false);
  };
  const setField = (i: number, patch: Partial<CustomField>) =>
    change({ customFields: draft.customFields.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  const keysSeen = draft.customFields.map((f) => f.key);
  const fieldProblem = (f: CustomField, i: number): string | undefined => {
    if (!f.label.trim()) return t('desk.problems.label');
    if (!keyShape.test(f.key)) return t('desk.problems.key');
    if (keysSeen.indexOf(f.key) !== i) return t('desk.problems.duplicate');
    if (f.type === 'choice' && !(f.choices ?? []).length) return t('desk.problems.choices');
    return undefined;
  };
  const problems = draft.customFields.map(fieldProblem);
  const dirty = JSON.stringify(draft) !== JSON.stringify(start);
  const save = useMutation({
    mutationFn: () =>
      send<DeskSettings>('/desk-settings', {
        method: 'PATCH',
        body: {
          categories: draft.categories,
          reopenDays: draft.reopenDays,
          customFields: draft.customFields.map((f) => ({
            key: f.key,
            label: f.label.trim(),
            type: f.type,
            ...(f.type === 'choice' ? { choices: f.choices ?? [] } : {}),
            requiredToSolve: f.requiredToSolve,
          })),
        },
      }),
    onSuccess: async (saved) => {
      client.setQueryData(keys.desk, saved);
      await client.invalidateQueries({ queryKey: ['desk-settings'] });
      setDraft({
        categories: saved.categories,
        reopenDays: saved.reopenDays,
        customFields: saved.customFields,
      });
      setJustSaved(true);
    },
  });
  return (
    <>
      {readOnly && <ReadOnlyNote />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (problems.every((p) => !p)) save.mutate();
        }}
      >
        <Stack gap="md" maw={860}>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <TagsInput
                label={t('desk.categories')}
                description={t('desk.categoriesHelp')}
                readOnly={readOnly}
                value={draft.categories}
                onChange={(categories) => change({ categories })}
                maxTags={200}
                clearable={!readOnly}
              />
              <NumberInput
                label={t('desk.reopenDays')}
                description={t('desk.reopenDaysHelp')}
                readOnly={readOnly}
                min={0}
                max={365}
                allowDecimal={false}
                w={{ base: '100%', sm: 380 }}
                value={draft.reopenDays}
                onChange={(v) => change({ reopenDays: typeof v === 'number' ? v : 0 })}
              />
            </Stack>
          </Card>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('desk.fields')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('desk.fieldsHelp')}
              </Text>
              {draft.customFields.length === 0 && <Text>{t('desk.noFields')}</Text>}
              {draft.customFields.map((f, i) => (
                <Card
                  key={i}
                  withBorder
                  padding="sm"
                  component="fieldset"
                  aria-label={f.label || t('desk.newField')}
                >
                  <Stack gap="xs">
                    <Group align="flex-end" wrap="wrap" gap="sm">
                      <TextInput
                        label={t('desk.label')}
                        required
                        maxLength={100}
                        readOnly={readOnly}
                        value={f.label}
                        onChange={(e) => {
                          const label = e.currentTarget.value;
                          // A new field's key follows its label until someone edits the key.
                          const saved = settings.customFields.some((s) => s.key === f.key);
                          if (saved) return setField(i, { label });
                          const others = keysSeen.filter((_, j) => j !== i);
                          let key = keyFrom(label);
                          for (let n = 2; others.includes(key); n++) key = `${keyFrom(label)}_${n}`;
                          setField(i, { label, key });
                        }}
                        style={{ flex: 2, minWidth: 200 }}
                      />
                      <TextInput
                        label={t('desk.key')}
                        description={t('desk.keyHelp')}
                        readOnly={readOnly}
                        value={f.key}
                        onChange={(e) => setField(i, { key: e.currentTarget.value })}
                        style={{ flex: 1, minWidth: 160 }}
                      />
                      <NativeSelect
                        label={t('desk.type')}
                        disabled={readOnly}
                        value={f.type}
                        data={fieldTypes.map((ty) => ({ value: ty, label: t(`desk.types.${ty}`) }))}
                        onChange={(e) =>
                          setField(i, { type: e.currentTarget.value as CustomField['type'] })
                        }
                      />
                    </Group>
                    {f.type === 'choice' && (
                      <TagsInput
                        label={t('desk.choices')}
                        description={t('desk.choicesHelp')}
                        readOnly={readOnly}
                        value={f.choices ?? []}
                        onChange={(choices) => setField(i, { choices })}
                      />
                    )}
                    <Group justify="space-between">
                      <Checkbox
                        label={t('desk.requiredToSolve')}
                        disabled={readOnly}
                        checked={f.requiredToSolve}
                        onChange={(e) => setField(i, { requiredToSolve: e.currentTarget.checked })}
                      />
                      {!readOnly && (
                        <Group gap={4}>
                          <MoveButtons
                            name={f.label}
                            index={i}
                            count={draft.customFields.length}
                            onMove={(from, to) =>
                              change({ customFields: move(draft.customFields, from, to) })
                            }
                          />
                          <ActionIcon
                            variant="default"
                            aria-label={t('desk.remove', { name: f.label })}
                            onClick={() =>
                              change({ customFields: draft.customFields.filter((_, j) => j !== i) })
                            }
                          >
                            <Icon name="trash" />
                          </ActionIcon>
                        </Group>
                      )}
                    </Group>
                    {problems[i] && (
                      <Text size="sm" c="red.9" role="alert">
                        {problems[i]}
                      </Text>
                    )}
                  </Stack>
                </Card>
              ))}
              {!readOnly && (
                <Button
                  variant="default"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() =>
                    change({
                      customFields: [
                        ...draft.customFields,
                        { key: '', label: '', type: 'text', requiredToSolve: false },
                      ],
                    })
                  }
                >
                  {t('desk.addField')}
                </Button>
              )}
            </Stack>
          </Card>
          <ErrorNote error={save.error} />
          {!readOnly && (
            <Group>
              <Button
                type="submit"
                loading={save.isPending}
                disabled={!dirty || problems.some(Boolean)}
              >
                {t('common.save')}
              </Button>
              <SavedNote show={justSaved} />
            </Group>
          )}
        </Stack>
      </form>
    </>
  );
}
