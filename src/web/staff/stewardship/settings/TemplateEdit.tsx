import { Anchor, Card, NativeSelect, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { languageName } from '../../../format';
import { ErrorNote, PageHeader, ReadOnlyNote } from '../../settings/ui';
import { formatMoney } from '../../../money';
import { api, donorLanguages, usePermissions, type List } from '../api';
import { TemplateLanguageForm } from './TemplateLanguageForm';
import { useTemplates } from './TemplatesPage';

type GiftBrief = {
  id: string;
  contact: { name: string };
  amount: number | null;
  currency: string;
  receivedOn: string;
};

/** One thank-you template (or a new one): a tab per language, a preview against a real gift. */
export function TemplateEdit() {
  const { t, i18n } = useTranslation('stewardship');
  const param = decodeURIComponent(useParams().name ?? 'new');
  const isNew = param === 'new';
  const { can } = usePermissions();
  const readOnly = !can('thanks.manage');
  const templates = useTemplates();
  const [newName, setNewName] = useState('');
  const name = isNew ? newName.trim() : param;
  const rows = (templates.data?.data ?? []).filter((r) => r.name === name);
  // The tab chosen, else the console's language when it is written (or nothing is), else the
  // first language the template is written in.
  const [chosenTab, setTab] = useState<string | null>(null);
  const own = (donorLanguages as readonly string[]).includes(i18n.language) ? i18n.language : 'en';
  const tab =
    chosenTab ??
    (rows.length === 0 || rows.some((r) => r.language === own) ? own : rows[0]!.language);
  const gifts = useQuery({
    queryKey: ['stewardship', 'recent-gifts'],
    queryFn: () => api<List<GiftBrief>>('/gifts?limit=20'),
  });
  const [giftId, setGiftId] = useState<string>('');
  // Bumped by "load the latest version": the language forms start again from what is saved.
  const [generation, setGeneration] = useState(0);
  const chosen = giftId || gifts.data?.data[0]?.id || '';
  if (!isNew && templates.isSuccess && rows.length === 0)
    return <Text>{t('templates.notFound')}</Text>;
  return (
    <>
      <Anchor component={Link} to="/settings/templates" size="sm">
        {t('templates.back')}
      </Anchor>
      <PageHeader title={isNew ? t('templates.new') : name} description={t('templates.editHelp')} />
      {readOnly && <ReadOnlyNote />}
      <ErrorNote error={templates.error} />
      <Stack gap="lg" maw={1000}>
        <Card withBorder>
          <Stack gap="sm">
            {isNew && (
              <TextInput
                label={t('templates.name')}
                description={t('templates.nameHelp')}
                required
                maxLength={100}
                value={newName}
                onChange={(e) =>
                  setNewName(e.currentTarget.value.toLowerCase().replace(/\s+/g, '-'))
                }
              />
            )}
            <NativeSelect
              label={t('templates.previewGift')}
              value={chosen}
              disabled={!gifts.data?.data.length}
              data={
                gifts.data?.data.length
                  ? gifts.data.data.map((g) => ({
                      value: g.id,
                      label: `${g.contact.name} · ${
                        g.amount === null ? '' : formatMoney(g.amount, g.currency, i18n.language)
                      } · ${g.receivedOn}`,
                    }))
                  : [{ value: '', label: t('templates.noGifts') }]
              }
              onChange={(e) => setGiftId(e.currentTarget.value)}
            />
          </Stack>
        </Card>
        <Tabs value={tab} onChange={(v) => v && setTab(v)}>
          <Tabs.List>
            {donorLanguages.map((l) => (
              <Tabs.Tab key={l} value={l}>
                {languageName(l, i18n.language)}
                {rows.some((r) => r.language === l) ? '' : ` · ${t('templates.notWritten')}`}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {donorLanguages.map((l) => (
            <Tabs.Panel key={l} value={l} pt="md">
              <TemplateLanguageForm
                key={`${l}-${generation}`}
                name={name}
                isNew={isNew}
                language={l}
                saved={rows.find((r) => r.language === l)}
                giftId={chosen || null}
                readOnly={readOnly}
                written={rows.filter((r) => r.language !== l)}
                onReload={async () => {
                  await templates.refetch();
                  setGeneration((g) => g + 1);
                }}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </>
  );
}
