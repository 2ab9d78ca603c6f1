import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { impactLimits } from '../../../shared/schemas/impact';
import { languageName } from '../../format';
import { ErrorNote, PageHeader } from '../settings/ui';
import {
  api,
  ApiError,
  donorLanguages,
  keys,
  send,
  useFormKey,
  usePrograms,
  type ImpactUpdate,
  type List,
} from './api';
import { FiguresEditor, type FigureDraft } from './FiguresEditor';
import { figureValue } from './impact';
import { ImpactUpdateView } from './ImpactUpdateView';
import { fieldProblem } from './problems';
import { Section } from './Section';

type Translation = { title: string; story: string; figureLabels: string[] };

/** The first and last day of last month: what an update usually reports on. */
function lastMonth(): [string, string] {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)];
}

/** Posts a new impact update of a program, or edits one. */
export function ImpactUpdateEdit() {
  const { t } = useTranslation('stewardship');
  const { id, updateId } = useParams();
  const updates = useQuery({
    queryKey: keys.updates(id!),
    queryFn: () => api<List<ImpactUpdate>>(`/programs/${id}/impact-updates?limit=100`),
    enabled: updateId !== undefined,
  });
  if (!updateId) return <UpdateForm programId={id!} />;
  const saved = updates.data?.data.find((u) => u.id === updateId);
  if (saved) return <UpdateForm key={saved.etag} programId={id!} saved={saved} />;
  if (updates.error) return <ErrorNote error={updates.error} />;
  return <Text>{updates.isPending ? t('loading') : t('impact.notFound')}</Text>;
}

function UpdateForm({ programId, saved }: { programId: string; saved?: ImpactUpdate }) {
  const { t, i18n } = useTranslation('stewardship');
  const client = useQueryClient();
  const navigate = useNavigate();
  const programs = usePrograms();
  const program = programs.data?.data.find((p) => p.id === programId);
  const [from, to] = lastMonth();
  const [language, setLanguage] = useState(saved?.language ?? i18n.language);
  const [periodFrom, setPeriodFrom] = useState(saved?.periodFrom ?? from);
  const [periodTo, setPeriodTo] = useState(saved?.periodTo ?? to);
  const [title, setTitle] = useState(saved?.title ?? '');
  const [story, setStory] = useState(saved?.story ?? '');
  const [figures, setFigures] = useState<FigureDraft[]>(
    saved?.figures.map((f) => ({ label: f.label, value: String(f.value), unit: f.unit ?? '' })) ??
      [],
  );
  const [translations, setTranslations] = useState<Record<string, Translation>>(() =>
    Object.fromEntries(
      Object.entries(saved?.translations ?? {}).map(([l, tr]) => [
        l,
        { title: tr.title, story: tr.story, figureLabels: tr.figureLabels ?? [] },
      ]),
    ),
  );
  const [tab, setTab] = useState(language);
  const others = donorLanguages.filter((l) => l !== language);
  const translate = (l: string, patch: Partial<Translation>) =>
    setTranslations((all) => ({
      ...all,
      [l]: { title: '', story: '', figureLabels: [], ...all[l], ...patch },
    }));
  const parsed = figures.map((f) => ({
    label: f.label.trim(),
    value: figureValue(f.value, i18n.language),
    ...(f.unit.trim() ? { unit: f.unit.trim() } : {}),
  }));
  const body = {
    language,
    periodFrom,
    periodTo,
    title: title.trim(),
    story: story.trim(),
    figures: parsed.map((f) => ({ ...f, value: f.value ?? 0 })),
    // Only the languages with a title; figure labels left empty read as the original's.
    translations: Object.fromEntries(
      others
        .filter((l) => translations[l]?.title.trim())
        .map((l) => {
          const tr = translations[l]!;
          const labels = figures.map((_, i) => tr.figureLabels[i]?.trim() ?? '');
          return [
            l,
            {
              title: tr.title.trim(),
              story: tr.story.trim(),
              ...(labels.some(Boolean) ? { figureLabels: labels } : {}),
            },
          ];
        }),
    ),
  };
  const key = useFormKey();
  const save = useMutation({
    mutationFn: () =>
      saved
        ? api<ImpactUpdate>(`/impact-updates/${saved.id}`, {
            method: 'PATCH',
            body,
            headers: { 'if-match': saved.etag },
          })
        : send<ImpactUpdate>(`/programs/${programId}/impact-updates`, {
            method: 'POST',
            key,
            body,
          }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.updates(programId) });
      await navigate(`/programs/${programId}`);
    },
  });
  const problem = (path: string) => fieldProblem(save.error, path);
  const ok =
    body.title &&
    body.story &&
    periodFrom &&
    periodTo &&
    periodTo >= periodFrom &&
    parsed.every((f) => f.label && f.value !== null);
  return (
    <Stack maw={900}>
      <Anchor component={Link} to={`/programs/${programId}`} size="sm">
        {t('impact.back', { program: program?.name ?? '' })}
      </Anchor>
      <PageHeader
        title={saved ? t('impact.edit') : t('impact.new')}
        description={t('impact.description')}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) save.mutate();
        }}
      >
        <Stack gap="lg">
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label={t('impact.language')}
                value={language}
                data={donorLanguages.map((l) => ({
                  value: l,
                  label: languageName(l, i18n.language),
                }))}
                onChange={(e) => {
                  setLanguage(e.currentTarget.value);
                  setTab(e.currentTarget.value);
                }}
              />
              <TextInput
                type="date"
                label={t('impact.periodFrom')}
                required
                value={periodFrom}
                error={problem('periodFrom')}
                onChange={(e) => setPeriodFrom(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t('impact.periodTo')}
                required
                value={periodTo}
                error={
                  periodTo && periodFrom && periodTo < periodFrom
                    ? t('impact.periodOrder')
                    : problem('periodTo')
                }
                onChange={(e) => setPeriodTo(e.currentTarget.value)}
              />
            </SimpleGrid>
          </Card>
          <Section id="figures-title" title={t('impact.figures')} help={t('impact.figuresHelp')}>
            <FiguresEditor figures={figures} onChange={setFigures} problem={problem} />
          </Section>
          <Section id="texts-title" title={t('impact.texts')} help={t('impact.textsHelp')}>
            <Tabs value={tab} onChange={(v) => v && setTab(v)}>
              <Tabs.List>
                {[language, ...others].map((l) => (
                  <Tabs.Tab key={l} value={l}>
                    {languageName(l, i18n.language)}
                    {l === language ? ` · ${t('impact.original')}` : ''}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value={language} pt="sm">
                <Stack gap="sm" lang={language}>
                  <TextInput
                    label={t('impact.titleLabel')}
                    required
                    maxLength={impactLimits.titleMax}
                    value={title}
                    error={problem('title')}
                    onChange={(e) => setTitle(e.currentTarget.value)}
                  />
                  <Textarea
                    label={t('impact.story')}
                    required
                    autosize
                    minRows={5}
                    maxLength={impactLimits.storyMax}
                    value={story}
                    error={problem('story')}
                    onChange={(e) => setStory(e.currentTarget.value)}
                  />
                </Stack>
              </Tabs.Panel>
              {others.map((l) => {
                const tr = translations[l];
                const name = languageName(l, i18n.language, false);
                return (
                  <Tabs.Panel key={l} value={l} pt="sm">
                    <Stack gap="sm" lang={l}>
                      <TextInput
                        label={t('impact.titleIn', { language: name })}
                        maxLength={impactLimits.titleMax}
                        value={tr?.title ?? ''}
                        error={problem(`translations.${l}.title`)}
                        onChange={(e) => translate(l, { title: e.currentTarget.value })}
                      />
                      <Textarea
                        label={t('impact.storyIn', { language: name })}
                        autosize
                        minRows={5}
                        maxLength={impactLimits.storyMax}
                        value={tr?.story ?? ''}
                        error={problem(`translations.${l}.story`)}
                        onChange={(e) => translate(l, { story: e.currentTarget.value })}
                      />
                      {figures.map((f, i) => (
                        <TextInput
                          key={i}
                          label={t('impact.figureLabelIn', {
                            n: i + 1,
                            language: name,
                            original: f.label,
                          })}
                          maxLength={impactLimits.labelMax}
                          value={tr?.figureLabels[i] ?? ''}
                          onChange={(e) => {
                            const labels = [...(tr?.figureLabels ?? [])];
                            labels[i] = e.currentTarget.value;
                            translate(l, { figureLabels: labels });
                          }}
                        />
                      ))}
                      {!tr?.title.trim() && (
                        <Text size="sm" c="dimmed">
                          {t('impact.untranslated', { language: name })}
                        </Text>
                      )}
                    </Stack>
                  </Tabs.Panel>
                );
              })}
            </Tabs>
          </Section>
          <ErrorNote error={save.error} />
          {save.error instanceof ApiError && save.error.code === 'precondition_failed' && (
            <Button
              variant="default"
              w="fit-content"
              onClick={() => void client.resetQueries({ queryKey: keys.updates(programId) })}
            >
              {t('reload')}
            </Button>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!ok}>
              {saved ? t('save') : t('impact.post')}
            </Button>
            <Button variant="default" component={Link} to={`/programs/${programId}`}>
              {t('cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
      <section aria-labelledby="preview-title">
        <Title order={2} size="h5" id="preview-title" mb="xs">
          {t('impact.preview', { language: languageName(tab, i18n.language, false) })}
        </Title>
        <ImpactUpdateView
          update={{ ...body, figures: body.figures, title: body.title || '…', story: body.story }}
          language={tab}
        />
      </section>
    </Stack>
  );
}
