import { ActionIcon, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../money';
import type { Instructions as Details } from './api';

/** An IBAN as people read and type it: groups of four. */
const grouped = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

/** A value with a button that copies it (the IBAN without its spaces). */
function Line({ label, value, copy }: { label: string; value: string; copy?: string }) {
  const { t } = useTranslation('giving');
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
      <CopyButton value={copy ?? value}>
        {({ copied, copy: doCopy }) => (
          <Tooltip label={copied ? t('confirm.copied') : t('confirm.copy', { what: label })}>
            <ActionIcon
              variant="subtle"
              onClick={doCopy}
              aria-label={t('confirm.copy', { what: label })}
              size="lg"
            >
              <span aria-hidden="true">{copied ? '✓' : '⧉'}</span>
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/** How to pay: the method's details and the reference to quote, each copyable. */
export function Instructions({ instructions: i }: { instructions: Details }) {
  const { t, i18n } = useTranslation('giving');
  const amount = formatMoney(i.amount, i.currency, i18n.language);
  if (i.method === 'cheque')
    return (
      <Text>
        {t('confirm.cheque', { amount, payee: i.payableTo ?? '', reference: i.reference })}
      </Text>
    );
  if (i.method === 'cash')
    return (
      <Text>{t('confirm.cash', { amount, place: i.cashAt ?? '', reference: i.reference })}</Text>
    );
  return (
    <Stack gap={4}>
      <Text>{t('confirm.transfer', { amount })}</Text>
      {i.accountName && <Line label={t('confirm.accountName')} value={i.accountName} />}
      {i.iban && <Line label={t('confirm.iban')} value={grouped(i.iban)} copy={i.iban} />}
      {i.bic && <Line label={t('confirm.bic')} value={i.bic} />}
      {i.bankName && <Line label={t('confirm.bankName')} value={i.bankName} />}
      <Line label={t('confirm.paymentReference')} value={i.reference} />
      <Text size="sm">{t('confirm.quote')}</Text>
    </Stack>
  );
}
