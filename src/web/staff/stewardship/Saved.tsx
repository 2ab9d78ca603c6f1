import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * "Saved." announced to screen readers when `show` turns true, in the theme's dark green (the
 * settings area's SavedNote uses green.9, 4.36:1 on white: under WCAG AA).
 */
export function SavedNote({ show }: { show: boolean }) {
  const { t } = useTranslation('settings');
  return (
    <Text
      role="status"
      size="sm"
      fw={500}
      style={{ color: 'var(--mantine-color-green-light-color)' }}
    >
      {show ? t('common.saved') : ''}
    </Text>
  );
}
