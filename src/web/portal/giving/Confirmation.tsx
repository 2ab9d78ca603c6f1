import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Offer } from './api';
import { Instructions } from './Instructions';

/** After giving: the reference, how to pay, and where to go next. */
export function Confirmation({
  offer,
  signedIn,
  onAgain,
}: {
  offer: Offer;
  signedIn: boolean;
  onAgain: () => void;
}) {
  const { t } = useTranslation('giving');
  const pledge = offer.donation.kind === 'pledge';
  return (
    <Card withBorder padding="lg" role="status">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t(pledge ? 'confirm.titlePledge' : 'confirm.title')}
        </Title>
        <Text>
          {t('confirm.reference')}:{' '}
          <Text span fw={700} data-testid="donation-reference">
            {offer.donation.reference}
          </Text>
        </Text>
        {pledge && (
          <Text>
            {t(
              offer.donation.status === 'pending'
                ? 'confirm.pledgePending'
                : 'confirm.pledgeRecorded',
            )}
          </Text>
        )}
        {offer.instructions && <Instructions instructions={offer.instructions} />}
        <Text size="sm" c="dimmed">
          {t('confirm.emailed')}
        </Text>
        <Group gap="md">
          <Anchor component={Link} to={signedIn ? '/giving' : '/sign-in?next=/giving'}>
            {t('confirm.myGiving')}
          </Anchor>
          <Anchor component="button" type="button" onClick={onAgain}>
            {t('confirm.another')}
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}
