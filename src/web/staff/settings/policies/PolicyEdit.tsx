import {
  Anchor,
  Button,
  Card,
  Group,
  MultiSelect,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { contactRoles } from '../../../../shared/contacts';
import { requestChannels, requestPriorities } from '../../../../shared/requests';
import {
  api,
  ApiError,
  keys,
  send,
  useDesk,
  usePermissions,
  type Policy,
  type PolicyConditions,
  type PolicyTarget,
  type SubjectType,
  useFormKey,
} from '../api';
import { ErrorNote, PageHeader, ReadOnlyNote, SavedNote } from '../ui';
import {
  PolicyThanksFields,
  useGiftSegments,
  type PolicyThanks,
} from '../../stewardship/settings/PolicyThanks';
import { PolicyPreview } from './PolicyPreview';
import { TargetsEditor } from './TargetsEditor';

type Draft = {
  name: string;
  description: string;
  active: boolean;
  conditions: PolicyConditions;
  targets: PolicyTarget[];
  thanks: PolicyThanks | null;
};

/** One promise policy (or a new one): conditions, targets, and when they would fall due. */
export function PolicyEdit() {
  const { t } = useTranslation('settings');
  const id = useParams().id!;
  const [params] = useSearchParams();
  const [generation, setGeneration] = useState(0);
  const policy = useQuery({
    queryKey: [...keys.policies, 'one', id],
    queryFn: () => api<Policy>(`/promise-policies/${id}`),
    enabled: id !== 'new',
  });
  if (id === 'new') {
    const s = params.get('subject');
    const subject: SubjectType = s === 'gift' || s === 'volunteer_application' ? s : 'request';
    return <PolicyForm key={subject} subject={subject} />;
  }
  if (policy.data)
    return (
      <PolicyForm
        key={`${id}-${generation}`}
        subject={policy.data.subjectType}
        saved={policy.data}
        onReload={async () => {
          await policy.refetch();
          setGeneration((g) => g + 1);
        }}
      />
    );
  if (policy.error) return <ErrorNote error={policy.error} />;
  return <Text>{t('common.loading')}</Text>;
}

function PolicyForm(props: {
  subject: SubjectType;
  saved?: Policy;
  onReload?: () => Promise<void>;
}) {
  const { t } = useTranslation('settings');
  const { subject, saved } = props;
  const { can } = usePermissions();
  const readOnly = !can('promises.manage');
  const client = useQueryClient();
  const navigate = useNavigate();
  const desk = useDesk();
  const [draft, setDraft] = useState<Draft>(() => ({
    name: saved?.name ?? '',
    description: saved?.description ?? '',
    active: saved?.active ?? true,
    conditions: saved?.conditions ?? {},
    targets: saved?.targets ?? [],
    thanks: (saved as { thanks?: PolicyThanks | null } | undefined)?.thanks ?? null,
  }));
  const segments = useGiftSegments(subject === 'gift');
  const [justSaved, setJustSaved] = useState(false);
  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setJustSaved(false);
  };
  const setCondition = (field: keyof PolicyConditions, values: string[]) =>
    change({ conditions: { ...draft.conditions, [field]: values } });
  const conditions = Object.fromEntries(
    Object.entries(draft.conditions).filter(([, v]) => (v?.length ?? 0) > 0),
  );
  const body = {
    name: draft.name.trim(),
    description: draft.description.trim() || null,
    active: draft.active,
    conditions,
    targets: draft.targets,
    ...(subject === 'gift' ? { thanks: draft.thanks } : {}),
  };
  const dirty =
    !saved ||
    JSON.stringify(body) !==
      JSON.stringify({
        name: saved.name,
        description: saved.description,
        active: saved.active,
        conditions: Object.fromEntries(
          Object.entries(saved.conditions).filter(([, v]) => (v?.length ?? 0) > 0),
        ),
        targets: saved.targets,
        ...(subject === 'gift'
          ? { thanks: (saved as { thanks?: PolicyThanks | null }).thanks ?? null }
          : {}),
      });
  const key = useFormKey();
  const save = useMutation({
    mutationFn: () =>
      saved
        ? send<Policy>(`/promise-policies/${saved.id}`, {
            method: 'PATCH',
            version: saved.version,
            body,
          })
        : send<Policy>('/promise-policies', {
            method: 'POST',
            key,
            body: { subjectType: subject, ...body },
          }),
    onSuccess: async (policy) => {
      client.setQueryData([...keys.policies, 'one', policy.id], policy);
      await client.invalidateQueries({ queryKey: keys.policies });
      setJustSaved(true);
      if (!saved) await navigate(`/settings/policies/${policy.id}`, { replace: true });
    },
  });
  const ok = body.name && draft.targets.length > 0;
  const multi = (field: keyof PolicyConditions, data: { value: string; label: string }[]) => (
    <MultiSelect
      label={t(`policies.${field}`)}
      data={data}
      value={draft.conditions[field] ?? []}
      onChange={(v) => setCondition(field, v)}
      placeholder={t('common.anything')}
      readOnly={readOnly}
      searchable
    />
  );
  const withSaved = (field: keyof PolicyConditions, known: readonly string[]) => [
    ...new Set([...known, ...(draft.conditions[field] ?? [])]),
  ];
  return (
    <>
      <Anchor component={Link} to={`/settings/policies?subject=${subject}`} size="sm">
        {t('policies.back')}
      </Anchor>
      <PageHeader
        title={saved ? saved.name : t('policies.new')}
        description={t(`policies.subjects.${subject}`)}
      />
      {readOnly && <ReadOnlyNote />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) save.mutate();
        }}
      >
        <Stack gap="lg" maw={900}>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <TextInput
                label={t('common.name')}
                required
                maxLength={100}
                readOnly={readOnly}
                value={draft.name}
                onChange={(e) => change({ name: e.currentTarget.value })}
              />
              <Textarea
                label={t('policies.descriptionLabel')}
                autosize
                minRows={2}
                maxLength={1000}
                readOnly={readOnly}
                value={draft.description}
                onChange={(e) => change({ description: e.currentTarget.value })}
              />
              <Switch
                label={t('policies.active')}
                checked={draft.active}
                disabled={readOnly}
                onChange={(e) => change({ active: e.currentTarget.checked })}
              />
            </Stack>
          </Card>
          <Card withBorder padding="md" component="section" aria-labelledby="conditions-title">
            <Title order={2} size="h5" id="conditions-title">
              {t('policies.conditions')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('policies.conditionsHelp')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {multi(
                'roles',
                withSaved('roles', contactRoles).map((r) => ({
                  value: r,
                  label: t(`policies.contactRoles.${r}`),
                })),
              )}
              <TagsInput
                label={t('policies.segments')}
                description={t('routing.tiersHelp')}
                data={subject === 'gift' ? segments : undefined}
                value={draft.conditions.segments ?? []}
                onChange={(v) => setCondition('segments', v)}
                placeholder={t('common.anything')}
                readOnly={readOnly}
              />
              {subject === 'request' && (
                <>
                  {multi(
                    'categories',
                    withSaved('categories', desk.data?.categories ?? []).map((c) => ({
                      value: c,
                      label: c,
                    })),
                  )}
                  {multi(
                    'channels',
                    withSaved('channels', requestChannels).map((c) => ({
                      value: c,
                      label: t(`routing.channel.${c}`),
                    })),
                  )}
                  {multi(
                    'priorities',
                    withSaved('priorities', requestPriorities).map((p) => ({
                      value: p,
                      label: t(`priority.${p}`, { ns: 'translation' }),
                    })),
                  )}
                </>
              )}
            </SimpleGrid>
          </Card>
          <Card withBorder padding="md" component="section" aria-labelledby="targets-title">
            <Title order={2} size="h5" id="targets-title" mb="sm">
              {t('policies.targets')}
            </Title>
            <TargetsEditor
              subject={subject}
              targets={draft.targets}
              readOnly={readOnly}
              onChange={(targets) => change({ targets })}
            />
          </Card>
          {subject === 'gift' && (
            <PolicyThanksFields
              value={draft.thanks}
              readOnly={readOnly}
              onChange={(thanks) => change({ thanks })}
            />
          )}
          {!readOnly && (
            <Group>
              <Button type="submit" loading={save.isPending} disabled={!ok || !dirty}>
                {saved ? t('common.save') : t('policies.create')}
              </Button>
              {draft.targets.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('policies.oneTarget')}
                </Text>
              )}
              {dirty && saved && (
                <Text size="sm" c="dimmed">
                  {t('common.unsaved')}
                </Text>
              )}
              <SavedNote show={justSaved && !dirty} />
            </Group>
          )}
          <ErrorNote error={save.error} />
          {save.error instanceof ApiError && save.error.code === 'precondition_failed' && (
            <Button variant="default" onClick={() => void props.onReload?.()} w="fit-content">
              {t('common.reload')}
            </Button>
          )}
          {saved && <PolicyPreview policy={saved} />}
        </Stack>
      </form>
    </>
  );
}
