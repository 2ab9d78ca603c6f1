import { Button, Group, NativeSelect, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, keys, send, useFormKey, type List, type Receipt } from './api';
import { ReceiptLines } from './GiftReceipts';
import { ProblemNote } from './ui';

/** A donor's receipts to download, and an annual statement for a chosen year. */
export function DonorReceipts({ contactId, canWrite }: { contactId: string; canWrite: boolean }) {
  const { t } = useTranslation('gifts');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear - 1));
  const key = useFormKey();
  const client = useQueryClient();
  const receipts = useQuery({
    queryKey: [...keys.receipts, { contactId }],
    queryFn: () => api<List<Receipt>>(`/receipts?contactId=${contactId}&limit=20`),
  });
  const statement = useMutation({
    mutationFn: () =>
      send<Receipt>(`/contacts/${contactId}/statements`, {
        method: 'POST',
        key: `${key}:${year}`,
        body: { year: Number(year) },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.receipts }),
  });
  const list = receipts.data?.data ?? [];
  return (
    <Stack gap={4} mt="md">
      <Title order={3} size="h5">
        {t('receipts.title')}
      </Title>
      <ReceiptLines receipts={list} testId="donor-receipt" />
      {canWrite && (
        <Group align="flex-end" gap="xs" mt={4}>
          <NativeSelect
            size="xs"
            label={t('receipts.year')}
            value={year}
            data={Array.from({ length: 6 }, (_, i) => String(thisYear - i))}
            onChange={(e) => setYear(e.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="default"
            loading={statement.isPending}
            onClick={() => statement.mutate()}
          >
            {t('receipts.makeStatement')}
          </Button>
        </Group>
      )}
      <ProblemNote error={statement.error ?? receipts.error} />
    </Stack>
  );
}
