import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Whether a fund is restricted to its purpose, as a badge. */
export function FundBadge({ restricted }: { restricted: boolean }) {
  const { t } = useTranslation('stewardship');
  return (
    <Badge variant="light" color={restricted ? 'grape.9' : 'gray.8'} style={{ flexShrink: 0 }}>
      {restricted ? t('funds.restrictedBadge') : t('funds.unrestrictedBadge')}
    </Badge>
  );
}
