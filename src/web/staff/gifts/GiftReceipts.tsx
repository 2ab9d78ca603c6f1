import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { promisedKinds } from '../../../shared/gifts';
import { dateTime } from '../due';
import { api, keys, send, useFormKey, type Gift, type List, type Receipt } from './api';
import { ProblemNote } from './ui';

/** Where a receipt's PDF is downloaded from (the browser's cookie signs the request). */
export const receiptPdf = (id: string) => `/api/v1/receipts/${id}/pdf`;

/**
 * Receipts, one a line with its PDF to download (and when it was issued, `withDate`), or a note
 * that there are none.
 */
export function ReceiptLines({
  receipts,
  testId,
  withDate = false,
}: {
  receipts: Receipt[];
  testId: string;
  withDate?: boolean;
}) {
  const { t, i18n } = useTranslation('gifts');
  if (receipts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('receipts.none')}
      </Text>
    );
  return receipts.map((r) => (
    <Group key={r.id} justify="space-between" data-testid={testId}>
      <Text size="sm">
        {r.kind === 'statement'
          ? t('receipts.statement', { number: r.number, year: r.year })
          : t(r.kind === 'correction' ? 'receipts.correction' : 'receipts.number', {
              number: r.number,
            })}
        {withDate && ` · ${dateTime(r.issuedAt, i18n.language)}`}
        {r.replacedBy && ` · ${t('receipts.replacedBy', { number: r.replacedBy.number })}`}
      </Text>
      <Anchor href={receiptPdf(r.id)} download size="sm">
        {t('receipts.download', { number: r.number })}
      </Anchor>
    </Group>
  ));
}

/** A gift's receipts: issue one (numbered without gaps by the server) and download the PDFs. */
export function GiftReceipts({ gift, canWrite }: { gift: Gift; canWrite: boolean }) {
  const { t } = useTranslation('gifts');
  const key = useFormKey();
  const client = useQueryClient();
  const receipts = useQuery({
    queryKey: [...keys.receipts, { giftId: gift.id }],
    queryFn: () => api<List<Receipt>>(`/receipts?giftId=${gift.id}`),
  });
  const issue = useMutation({
    mutationFn: () =>
      send<Receipt>(`/gifts/${gift.id}/receipts`, { method: 'POST', key, body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.receipts }),
  });
  const list = receipts.data?.data ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="gift-receipts">
      <Title order={2} size="h4" id="gift-receipts" mb="sm">
        {t('receipts.title')}
      </Title>
      <Stack gap="xs">
        <ReceiptLines receipts={list} testId="receipt" withDate />
        {canWrite && !promisedKinds.includes(gift.kind) && (
          <Group>
            <Button
              size="sm"
              variant="default"
              loading={issue.isPending}
              onClick={() => issue.mutate()}
            >
              {list.length > 0 ? t('receipts.reissue') : t('receipts.issue')}
            </Button>
          </Group>
        )}
        <ProblemNote error={issue.error ?? receipts.error} />
      </Stack>
    </Card>
  );
}
