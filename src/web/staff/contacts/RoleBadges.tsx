import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from './api';

// One colour per role, always with its name: colour is never the only sign.
const colours: Record<Role, string> = {
  client: 'blue',
  volunteer: 'green',
  donor: 'orange',
  partner: 'gray',
};

/** A contact's roles as small labelled badges. */
export function RoleBadges({ roles, size = 'sm' }: { roles: Role[]; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('contacts');
  return (
    <Group gap={4}>
      {roles.map((r) => (
        <Badge key={r} color={colours[r]} variant="light" size={size}>
          {t(`role.${r}`)}
        </Badge>
      ))}
    </Group>
  );
}
