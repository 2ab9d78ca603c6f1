import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DueBadge } from '../due';
import { keys, send, type Gift } from './api';
import { formatDay, ProblemNote } from './ui';

/** A grant's deliverables with their promises: due badge, delivered, late; mark one delivered. */
export function Deliverables({ gift, canWrite }: { gift: Gift; canWrite: boolean }) {
  const { t, i18n } = useTranslation('gifts');
  const client = useQueryClient();
  const deliver = useMutation({
    mutationFn: (index: number) =>
      send<Gift>(`/gifts/${gift.id}/deliverables/${index}/delivered`, { method: 'POST' }),
    onSuccess: (g) => {
      client.setQueryData(keys.gift(g.id), g);
      return client.invalidateQueries({ queryKey: keys.gifts });
    },
  });
  return (
    <Stack gap="xs">
      {gift.deliverables.map((d) => {
        const p = d.promise;
        const open = p !== null && p.kept === null && p.state !== 'cancelled';
        return (
          <Group key={d.index} justify="space-between" wrap="nowrap" data-testid="deliverable">
            <Text size="sm">
              {d.description} · {formatDay(d.dueOn, i18n.language)}
            </Text>
            <Group gap="xs" wrap="nowrap">
              {p?.fulfilledAt ? (
                <Badge color={p.kept === false ? 'red.9' : 'teal.9'} tt="none">
                  {p.kept === false ? t('gift.late') : t('gift.delivered')}
                </Badge>
              ) : (
                p && <DueBadge dueAt={p.dueAt} breached={p.state === 'breached'} />
              )}
              {canWrite && open && (
                <Button
                  size="xs"
                  variant="default"
                  loading={deliver.isPending && deliver.variables === d.index}
                  aria-label={t('gift.markDeliveredFor', { what: d.description })}
                  onClick={() => deliver.mutate(d.index)}
                >
                  {t('gift.markDelivered')}
                </Button>
              )}
            </Group>
          </Group>
        );
      })}
      <ProblemNote error={deliver.error} />
    </Stack>
  );
}
