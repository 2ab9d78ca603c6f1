import './settings.css';
import { Box, Center, Flex, Loader, NavLink, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router';
import { usePermissions } from './api';
import { CalendarEdit } from './calendars/CalendarEdit';
import { CalendarsPage } from './calendars/CalendarsPage';
import { CannedEdit } from './canned/CannedEdit';
import { CannedPage } from './canned/CannedPage';
import { DeskPage } from './desk/DeskPage';
import { SettingsIndex } from './SettingsIndex';
import { OrganizationPage } from './organization/OrganizationPage';
import { PoliciesPage } from './policies/PoliciesPage';
import { PolicyEdit } from './policies/PolicyEdit';
import { RoutingRules } from './routing/RoutingRules';
import { sections } from './sections';
import { stewardshipSettingsRoutes } from '../stewardship/settings/routes';
import { TeamEdit } from './teams/TeamEdit';
import { TeamsPage } from './teams/TeamsPage';
import { TokensPage } from './tokens/TokensPage';
import { UsersPage } from './users/UsersPage';

/** The settings area (its own chunk): a side navigation of sections and the section's page. */
export default function SettingsArea() {
  const { t } = useTranslation('settings');
  const { me, can } = usePermissions();
  const here = useLocation().pathname;
  if (!me)
    return (
      <Center mih={200}>
        <Loader />
      </Center>
    );
  return (
    <Flex
      className="settings-area"
      gap="xl"
      align="flex-start"
      direction={{ base: 'column', sm: 'row' }}
    >
      <Box
        component="nav"
        aria-label={t('nav')}
        w={{ base: '100%', sm: 220 }}
        style={{ flexShrink: 0 }}
      >
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4} aria-hidden="true">
          {t('nav')}
        </Text>
        <NavLink
          component={Link}
          to="/settings"
          label={t('index.title')}
          active={here === '/settings' || here === '/settings/'}
          aria-current={here === '/settings' ? 'page' : undefined}
        />
        {sections
          .filter((s) => can(s.read))
          .map((s) => {
            const active = here.startsWith(`/settings/${s.id}`);
            return (
              <NavLink
                key={s.id}
                component={Link}
                to={`/settings/${s.id}`}
                label={t(`${s.id}.title`, { ns: s.ns })}
                active={active}
                aria-current={active ? 'page' : undefined}
              />
            );
          })}
      </Box>
      <Box style={{ flex: 1, minWidth: 0 }} maw={1100}>
        <Routes>
          <Route index element={<SettingsIndex />} />
          <Route path="organization" element={<OrganizationPage />} />
          <Route path="teams" element={<TeamsPage />} />
          <Route path="teams/:id" element={<TeamEdit />} />
          <Route path="routing" element={<RoutingRules />} />
          <Route path="canned" element={<CannedPage />} />
          <Route path="canned/:id" element={<CannedEdit />} />
          <Route path="desk" element={<DeskPage />} />
          <Route path="calendars" element={<CalendarsPage />} />
          <Route path="calendars/:id" element={<CalendarEdit />} />
          <Route path="policies" element={<PoliciesPage />} />
          <Route path="policies/:id" element={<PolicyEdit />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="tokens" element={<TokensPage />} />
          {stewardshipSettingsRoutes}
          <Route path="*" element={<Text>{t('errors.not_found')}</Text>} />
        </Routes>
      </Box>
    </Flex>
  );
}
