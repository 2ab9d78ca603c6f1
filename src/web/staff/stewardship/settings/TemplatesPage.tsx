import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { languageName } from '../../../format';
import { ErrorNote, PageHeader, ReadOnlyNote } from '../../settings/ui';
import { api, keys, usePermissions, type List, type ThanksTemplate } from '../api';

/** The templates, one per language row, grouped by name. */
export const useTemplates = () =>
  useQuery({
    queryKey: keys.templates,
    queryFn: () => api<List<ThanksTemplate>>('/thanks-templates'),
  });

/** Settings → Thank-you templates: each template with the languages it is written in. */
export function TemplatesPage() {
  const { t, i18n } = useTranslation('stewardship');
  const { can } = usePermissions();
  const manage = can('thanks.manage');
  const templates = useTemplates();
  const byName = new Map<string, ThanksTemplate[]>();
  for (const tpl of templates.data?.data ?? [])
    byName.set(tpl.name, [...(byName.get(tpl.name) ?? []), tpl]);
  return (
    <>
      <PageHeader
        title={t('templates.title')}
        description={t('templates.description')}
        actions={
          manage && (
            <Button component={Link} to="/settings/templates/new">
              {t('templates.new')}
            </Button>
          )
        }
      />
      {!manage && <ReadOnlyNote />}
      <ErrorNote error={templates.error} />
      {templates.isPending && <Text>{t('loading')}</Text>}
      {templates.isSuccess && byName.size === 0 && <Text>{t('templates.empty')}</Text>}
      <Stack gap="sm" maw={900}>
        {[...byName].map(([name, rows]) => (
          <Card key={name} withBorder padding="sm" data-template={name}>
            <Group justify="space-between" wrap="wrap">
              <Anchor
                component={Link}
                to={`/settings/templates/${encodeURIComponent(name)}`}
                fw={600}
              >
                {name}
              </Anchor>
              <Group gap={4}>
                {rows.map((r) => (
                  <Badge key={r.id} variant="light" color="gray" tt="none">
                    {languageName(r.language, i18n.language)} · {t(`templates.methods.${r.method}`)}
                  </Badge>
                ))}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </>
  );
}
