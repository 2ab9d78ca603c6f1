import { Badge, Card, Group, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from './api';
import { sectionGroups } from './sections';
import { PageHeader } from './ui';

/** The settings index: the sections by group; each says whether the signed-in role may change it. */
export function SettingsIndex() {
  const { t } = useTranslation('settings');
  const { me, can } = usePermissions();
  const role = me?.user.role ?? '';
  return (
    <>
      <PageHeader
        title={t('index.title')}
        description={t('index.description', { role: t(`roles.${role}`) })}
      />
      <Stack gap="xl">
        {sectionGroups.map((group) => {
          const visible = group.sections.filter((s) => can(s.read));
          if (visible.length === 0) return null;
          return (
            <section key={group.id} aria-labelledby={`group-${group.id}`}>
              <Title order={2} size="h5" id={`group-${group.id}`} mb="xs">
                {t(`index.groups.${group.id}`, { ns: group.ns })}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {visible.map((s) => (
                  <UnstyledButton
                    key={s.id}
                    component={Link}
                    to={`/settings/${s.id}`}
                    className="settings-card"
                  >
                    <Card withBorder padding="md" h="100%">
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <Text fw={600}>{t(`${s.id}.title`, { ns: s.ns })}</Text>
                        {!can(s.manage) && (
                          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                            {t('common.viewOnly')}
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm" c="dimmed" mt={4}>
                        {t(`${s.id}.description`, { ns: s.ns })}
                      </Text>
                    </Card>
                  </UnstyledButton>
                ))}
              </SimpleGrid>
            </section>
          );
        })}
      </Stack>
    </>
  );
}
