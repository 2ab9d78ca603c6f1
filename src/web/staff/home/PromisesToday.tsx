import { Anchor, Card, Group, RingProgress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { formatPercent, startOfToday } from './format';

type Summary = {
  data: { subjectType: string; target: string; kept: number; broken: number }[];
};

const tally = (rows: Summary['data']) => {
  const kept = rows.reduce((n, r) => n + r.kept, 0);
  const total = kept + rows.reduce((n, r) => n + r.broken, 0);
  return { kept, total, rate: total ? kept / total : null };
};

/** Today's promise-kept rate from the ledger, overall and by kind of promise. */
export function PromisesToday() {
  const { t, i18n } = useTranslation('home');
  const from = startOfToday().toISOString();
  const summary = useQuery({
    queryKey: ['requests', 'promises-today', from],
    queryFn: () => api<Summary>(`/promises/summary?from=${encodeURIComponent(from)}`),
  });
  const rows = summary.data?.data ?? [];
  const all = tally(rows);
  const targets = [...new Set(rows.map((r) => r.target))];
  const colour =
    all.rate === null ? 'gray' : all.rate >= 0.9 ? 'green' : all.rate >= 0.7 ? 'yellow.6' : 'red.9';
  return (
    <Card withBorder component="section" aria-labelledby="promises-today" h="100%">
      <Title order={2} size="h4" id="promises-today" mb="md">
        {t('promises.title')}
      </Title>
      {summary.isPending ? (
        <Text>{t('loading')}</Text>
      ) : summary.isError ? (
        <Text c="red.9">{t('failed', { message: summary.error.message })}</Text>
      ) : (
        <Stack>
          <Group wrap="nowrap">
            <RingProgress
              size={130}
              thickness={12}
              roundCaps
              sections={all.rate ? [{ value: all.rate * 100, color: colour }] : []}
              label={
                <Text ta="center" fz={26} fw={700} data-testid="kept-rate">
                  {all.rate === null ? '–' : formatPercent(all.rate, i18n.language)}
                </Text>
              }
              aria-hidden
            />
            <Text fw={500} data-testid="kept-count">
              {all.total === 0
                ? t('promises.none')
                : t('promises.kept', { kept: all.kept, count: all.total })}
            </Text>
          </Group>
          {targets.length > 0 && (
            <Table aria-label={t('promises.byTarget')} verticalSpacing={4}>
              <Table.Tbody>
                {targets.map((target) => {
                  const one = tally(rows.filter((r) => r.target === target));
                  return (
                    <Table.Tr key={target}>
                      <Table.Th scope="row" fw={500}>
                        {t(`clock.${target}`, { ns: 'translation', defaultValue: target })}
                      </Table.Th>
                      <Table.Td>
                        {t('promises.kept', { kept: one.kept, count: one.total })}
                      </Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {one.rate === null ? '–' : formatPercent(one.rate, i18n.language)}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
          <Group gap="lg">
            <Anchor component={Link} to="/queue/breached" size="sm">
              {t('promises.broken')}
            </Anchor>
            <Anchor component={Link} to="/queue/due_soon" size="sm">
              {t('promises.dueSoon')}
            </Anchor>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
