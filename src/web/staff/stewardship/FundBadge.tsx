import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Whether a fund is restricted to its purpose, as a badge. */
export function FundBadge({ restricted }: { restricted: boolean }) {
  const { t } = useTranslation('stewardship');
  return (
    <Badge
      variant="light"
      // Colours whose light variant the theme darkens to 4.5:1 (theme.ts).
      color={restricted ? 'orange' : 'gray'}
      style={{ flexShrink: 0 }}
    >
      {restricted ? t('funds.restrictedBadge') : t('funds.unrestrictedBadge')}
    </Badge>
  );
}
