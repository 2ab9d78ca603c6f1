import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  api,
  keys,
  send,
  useOrganization,
  usePermissions,
  type CannedReply,
  type List,
  useFormKey,
} from '../api';
import { languageName } from '../format';
import { ErrorNote, Icon, PageHeader, ReadOnlyNote, SavedNote } from '../ui';

/** The variables a canned reply can use (filled in by the API when a reply is written out). */
const variables = [
  'requester.name',
  'requester.first_name',
  'request.reference',
  'request.subject',
  'agent.name',
  'organization.name',
] as const;
/** A variable's key in the catalogue (i18next reads dots as nesting). */
const key = (variable: string) => variable.replace(/\./g, '_');
const offeredLanguages = ['en', 'es', 'lt', 'uk', 'ru', 'pl', 'lv', 'de', 'fr', 'pt', 'ar', 'it'];

/** One canned reply (or a new one): its name and its text in each language. */
export function CannedEdit() {
  const { t } = useTranslation('settings');
  const id = useParams().id!;
  const list = useQuery({
    queryKey: keys.canned,
    queryFn: () => api<List<CannedReply>>('/canned-replies'),
  });
  const org = useOrganization();
  if (id === 'new' && org.data) return <CannedForm key="new" first={org.data.defaultLanguage} />;
  const reply = list.data?.data.find((c) => c.id === id);
  if (reply)
    return <CannedForm key={reply.id} saved={reply} first={org.data?.defaultLanguage ?? 'en'} />;
  if (list.error) return <ErrorNote error={list.error} />;
  return <Text>{list.isPending ? t('common.loading') : t('errors.not_found')}</Text>;
}

function CannedForm({ saved, first }: { saved?: CannedReply; first: string }) {
  const { t, i18n } = useTranslation('settings');
  const { me, can } = usePermissions();
  const readOnly = !can('desk.manage');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(saved?.name ?? '');
  const [bodies, setBodies] = useState<Record<string, string>>(
    saved?.bodies ?? { [first.split('-')[0]!]: '' },
  );
  const [tab, setTab] = useState<string>(Object.keys(bodies)[0]!);
  const [adding, setAdding] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const areas = useRef<Record<string, HTMLTextAreaElement | null>>({});
  const edit = (next: Record<string, string>) => {
    setBodies(next);
    setJustSaved(false);
  };
  const filled = Object.fromEntries(Object.entries(bodies).filter(([, b]) => b.trim()));
  const dirty =
    !saved || name.trim() !== saved.name || JSON.stringify(filled) !== JSON.stringify(saved.bodies);
  const formKey = useFormKey();
  const save = useMutation({
    mutationFn: () =>
      saved
        ? send<CannedReply>(`/canned-replies/${saved.id}`, {
            method: 'PATCH',
            body: { name: name.trim(), bodies: filled },
          })
        : send<CannedReply>('/canned-replies', {
            method: 'POST',
            key: formKey,
            body: { name: name.trim(), bodies: filled },
          }),
    onSuccess: async (reply) => {
      await client.invalidateQueries({ queryKey: keys.canned });
      setJustSaved(true);
      if (!saved) await navigate(`/settings/canned/${reply.id}`, { replace: true });
    },
  });
  const insert = (variable: string) => {
    const area = areas.current[tab];
    const text = bodies[tab] ?? '';
    const at = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? at;
    const token = `{{${variable}}}`;
    edit({ ...bodies, [tab]: text.slice(0, at) + token + text.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  const sample: Record<string, string> = {
    ...(t('canned.sample', { returnObjects: true }) as Record<string, string>),
    agent_name: me?.user.name ?? '',
  };
  const preview = (bodies[tab] ?? '').replace(
    /\{\{\s*([a-z_.]+)\s*\}\}/gi,
    (whole, v: string) => sample[key(v)] ?? whole,
  );
  const ok = name.trim() && Object.keys(filled).length > 0;
  return (
    <>
      <Anchor component={Link} to="/settings/canned" size="sm">
        {t('canned.back')}
      </Anchor>
      <PageHeader
        title={saved ? saved.name : t('canned.new')}
        description={t('canned.description')}
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
            <TextInput
              label={t('common.name')}
              required
              maxLength={100}
              readOnly={readOnly}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setJustSaved(false);
              }}
            />
          </Card>
          <Card withBorder padding="md" component="section" aria-labelledby="texts-title">
            <Title order={2} size="h5" id="texts-title" mb="sm">
              {t('canned.translations')}
            </Title>
            <Tabs value={tab} onChange={(v) => v && setTab(v)}>
              <Tabs.List>
                {Object.keys(bodies).map((l) => (
                  <Tabs.Tab key={l} value={l}>
                    {languageName(l, i18n.language)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {Object.keys(bodies).map((l) => (
                <Tabs.Panel key={l} value={l} pt="sm">
                  <Textarea
                    ref={(el) => {
                      areas.current[l] = el;
                    }}
                    label={t('canned.text', { language: languageName(l, i18n.language, false) })}
                    autosize
                    minRows={6}
                    maxLength={20_000}
                    readOnly={readOnly}
                    value={bodies[l]}
                    onChange={(e) => edit({ ...bodies, [l]: e.currentTarget.value })}
                  />
                  {!readOnly && Object.keys(bodies).length > 1 && (
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      mt="xs"
                      leftSection={<Icon name="trash" size={14} />}
                      onClick={() => {
                        const { [l]: _gone, ...rest } = bodies;
                        edit(rest);
                        setTab(Object.keys(rest)[0]!);
                      }}
                    >
                      {t('canned.removeLanguage', {
                        language: languageName(l, i18n.language, false),
                      })}
                    </Button>
                  )}
                </Tabs.Panel>
              ))}
            </Tabs>
            {!readOnly && (
              <Group mt="md" align="flex-end" gap="xs">
                <Select
                  label={t('canned.addLanguage')}
                  data={offeredLanguages
                    .filter((l) => !(l in bodies))
                    .map((l) => ({ value: l, label: languageName(l, i18n.language) }))}
                  value={adding}
                  onChange={setAdding}
                  searchable
                  w={240}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={t('canned.addLanguage')}
                  disabled={!adding}
                  onClick={() => {
                    if (!adding) return;
                    edit({ ...bodies, [adding]: '' });
                    setTab(adding);
                    setAdding(null);
                  }}
                >
                  <Icon name="plus" />
                </ActionIcon>
              </Group>
            )}
          </Card>
          {!readOnly && (
            <Card withBorder padding="md" component="section" aria-labelledby="variables-title">
              <Title order={2} size="h5" id="variables-title">
                {t('canned.variables')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('canned.variablesHelp')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                {variables.map((v) => (
                  <Group key={v} gap="sm" wrap="nowrap">
                    <Button
                      variant="light"
                      size="xs"
                      tt="none"
                      miw={200}
                      justify="flex-start"
                      aria-label={t('canned.insert', {
                        variable: `{{${v}}} (${t(`canned.variable.${key(v)}`)})`,
                      })}
                      onClick={() => insert(v)}
                    >
                      {`{{${v}}}`}
                    </Button>
                    <Text size="sm" c="dimmed">
                      {t(`canned.variable.${key(v)}`)}
                    </Text>
                  </Group>
                ))}
              </SimpleGrid>
            </Card>
          )}
          <Card withBorder padding="md" component="section" aria-labelledby="canned-preview-title">
            <Title order={2} size="h5" id="canned-preview-title" mb="xs">
              {t('canned.preview')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="canned-preview">
              {preview || '—'}
            </Text>
          </Card>
          {!readOnly && (
            <Group>
              <Button type="submit" loading={save.isPending} disabled={!ok || !dirty}>
                {saved ? t('common.save') : t('canned.create')}
              </Button>
              {Object.keys(filled).length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('canned.needText')}
                </Text>
              )}
              <SavedNote show={justSaved && !dirty} />
            </Group>
          )}
          <ErrorNote error={save.error} />
        </Stack>
      </form>
    </>
  );
}
