import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DueBadge, dateTime } from '../due';
import type { Gift } from './api';
import { ThanksActions } from './ThanksActions';

/** A gift's thank-you: the promise with its due badge, the plan, the thanks given, the actions. */
export function GiftThanks({ gift, canWrite }: { gift: Gift; canWrite: boolean }) {
  const { t, i18n } = useTranslation('gifts');
  const p = gift.thanksPromise;
  const thanked = gift.thanks.length > 0;
  return (
    <Card withBorder component="section" aria-labelledby="gift-thanks" data-testid="gift-thanks">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="gift-thanks">
          {t('gift.thanksTitle')}
        </Title>
        {thanked ? (
          <Badge color="teal.9" tt="none" data-testid="thanked">
            {t('gift.thanked')}
          </Badge>
        ) : p && p.state !== 'cancelled' && p.kept === null ? (
          <DueBadge dueAt={p.dueAt} breached={p.state === 'breached'} />
        ) : null}
      </Group>
      <Stack gap="xs">
        {p && (
          <Text size="sm">
            {p.kept === true
              ? t('gift.promiseKept')
              : p.kept === false
                ? t('gift.promiseBroken')
                : p.state === 'cancelled'
                  ? t('gift.promiseCancelled')
                  : p.dueAt
                    ? t('gift.promiseDue', { when: dateTime(p.dueAt, i18n.language) })
                    : t('gift.promiseOpen')}
          </Text>
        )}
        {!p && <Text size="sm">{t('gift.noPromise')}</Text>}
        {!thanked && (
          <Text size="sm" data-testid="thanks-plan">
            {gift.thanksPlan.user
              ? t('gift.planBy', {
                  method: t(`method.${gift.thanksPlan.method}`),
                  name: gift.thanksPlan.user.name,
                })
              : t('gift.plan', { method: t(`method.${gift.thanksPlan.method}`) })}
          </Text>
        )}
        {gift.thanks.map((th, i) => (
          <Text key={i} size="sm">
            {t('gift.thankedBy', {
              method: t(`method.${th.method}`),
              when: dateTime(th.thankedAt, i18n.language),
            })}
            {th.note ? ` — ${th.note}` : ''}
          </Text>
        ))}
        {canWrite && <ThanksActions gift={gift} />}
      </Stack>
    </Card>
  );
}
