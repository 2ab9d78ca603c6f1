import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { duration } from '../due';
import { api } from './api';
import { Section } from './Section';

type Summary = {
  data: {
    target: string;
    policy: { id: string; name: string | null } | null;
    kept: number;
    broken: number;
    fulfilP50Minutes: number | null;
    fulfilP90Minutes: number | null;
  }[];
};

/** Time to thank over the last 30 days (the promise ledger's p50/p90 of thank-you promises). */
export function TimeToThank() {
  const { t, i18n } = useTranslation('stewardship');
  const summary = useQuery({
    queryKey: ['stewardship', 'time-to-thank'],
    queryFn: () => api<Summary>('/promises/summary?subjectType=gift'),
  });
  const rows = (summary.data?.data ?? []).filter((r) => r.target === 'thanks');
  const span = (minutes: number | null) =>
    minutes === null ? '–' : duration(minutes * 60_000, i18n.language);
  return (
    <Section
      id="time-to-thank"
      title={t('thankTime.title')}
      help={t('thankTime.help')}
      helpGap="xs"
    >
      {summary.isError ? (
        <Text c="red.9">{summary.error.message}</Text>
      ) : rows.length === 0 ? (
        <Text size="sm">{summary.isPending ? t('loading') : t('thankTime.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table verticalSpacing={4} data-testid="time-to-thank">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('thankTime.policy')}</Table.Th>
                <Table.Th>{t('thankTime.kept')}</Table.Th>
                <Table.Th>{t('thankTime.p50')}</Table.Th>
                <Table.Th>{t('thankTime.p90')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.policy?.id ?? 'none'}>
                  <Table.Td>{r.policy?.name ?? t('thankTime.default')}</Table.Td>
                  <Table.Td>
                    {t('thankTime.keptOf', { kept: r.kept, count: r.kept + r.broken })}
                  </Table.Td>
                  <Table.Td>{span(r.fulfilP50Minutes)}</Table.Td>
                  <Table.Td>{span(r.fulfilP90Minutes)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
