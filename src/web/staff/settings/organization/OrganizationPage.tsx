import {
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys, send, useOrganization, usePermissions, type Organization } from '../api';
import { languageName, timeZones } from '../format';
import { ErrorNote, PageHeader, ReadOnlyNote, SavedNote } from '../ui';

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const languagesOffered = ['en', 'es', 'lt', 'uk', 'ru', 'pl', 'lv', 'de', 'fr', 'pt'];

/** The organization: name, default language, time zone, country, incoming mail addresses. */
export function OrganizationPage() {
  const { t } = useTranslation('settings');
  const org = useOrganization();
  return (
    <>
      <PageHeader title={t('organization.title')} description={t('organization.description')} />
      <ErrorNote error={org.error} />
      {org.data ? (
        <OrganizationForm key={org.data.id} org={org.data} />
      ) : (
        !org.error && <Text>{t('common.loading')}</Text>
      )}
    </>
  );
}

function OrganizationForm({ org }: { org: Organization }) {
  const { t, i18n } = useTranslation('settings');
  const { can } = usePermissions();
  const readOnly = !can('org.manage');
  const client = useQueryClient();
  const zones = useMemo(() => timeZones(), []);
  const regions = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    const codes =
      'AD AT BE BG BY CA CH CY CZ DE DK EE ES FI FR GB GE GR HR HU IE IS IT LT LU LV MD MT NL NO PL PT RO RS SE SI SK UA US'.split(
        ' ',
      );
    return codes
      .map((c) => ({ value: c, label: names.of(c) ?? c }))
      .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  }, [i18n.language]);
  const start = {
    name: org.name,
    defaultLanguage: org.defaultLanguage,
    timeZone: org.timeZone,
    defaultCountry: org.defaultCountry,
    inboundAddresses: org.inboundAddresses,
  };
  const [draft, setDraft] = useState(start);
  const [justSaved, setJustSaved] = useState(false);
  const change = (patch: Partial<typeof draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setJustSaved(false);
  };
  const bad = draft.inboundAddresses.filter((e) => !emailShape.test(e));
  const dirty = JSON.stringify(draft) !== JSON.stringify(start);
  const save = useMutation({
    mutationFn: () =>
      send<Organization>('/organization', {
        method: 'PATCH',
        body: { ...draft, name: draft.name.trim() },
      }),
    onSuccess: async (saved) => {
      client.setQueryData(keys.organization, saved);
      await client.invalidateQueries({ queryKey: ['me'] });
      setJustSaved(true);
    },
  });
  return (
    <>
      {readOnly && <ReadOnlyNote who="admins" />}
      <Card withBorder padding="md" maw={760}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.name.trim() && bad.length === 0) save.mutate();
          }}
        >
          <Stack gap="md">
            <TextInput
              label={t('organization.name')}
              required
              maxLength={200}
              readOnly={readOnly}
              value={draft.name}
              onChange={(e) => change({ name: e.currentTarget.value })}
            />
            <TextInput label={t('organization.slug')} value={org.slug} readOnly variant="filled" />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('organization.defaultLanguage')}
                description={t('organization.defaultLanguageHelp')}
                readOnly={readOnly}
                data={[...new Set([...languagesOffered, draft.defaultLanguage])].map((l) => ({
                  value: l,
                  label: languageName(l, i18n.language),
                }))}
                value={draft.defaultLanguage}
                allowDeselect={false}
                onChange={(v) => v && change({ defaultLanguage: v })}
              />
              <Select
                label={t('organization.country')}
                description={t('organization.countryHelp')}
                readOnly={readOnly}
                searchable
                clearable
                data={regions}
                value={draft.defaultCountry}
                onChange={(v) => change({ defaultCountry: v })}
              />
            </SimpleGrid>
            <Select
              label={t('organization.timeZone')}
              readOnly={readOnly}
              searchable
              limit={50}
              data={zones}
              value={draft.timeZone}
              allowDeselect={false}
              onChange={(v) => v && change({ timeZone: v })}
            />
            <TagsInput
              label={t('organization.inbound')}
              description={t('organization.inboundHelp')}
              readOnly={readOnly}
              value={draft.inboundAddresses}
              maxTags={20}
              splitChars={[',', ' ', ';']}
              onChange={(v) => change({ inboundAddresses: v.map((x) => x.trim().toLowerCase()) })}
              error={bad.length > 0 ? t('teams.badEmail', { value: bad.join(', ') }) : undefined}
            />
            {!readOnly && (
              <Group>
                <Button
                  type="submit"
                  loading={save.isPending}
                  disabled={!dirty || !draft.name.trim() || bad.length > 0}
                >
                  {t('common.save')}
                </Button>
                <SavedNote show={justSaved && !dirty} />
              </Group>
            )}
            <ErrorNote error={save.error} />
          </Stack>
        </form>
      </Card>
    </>
  );
}
