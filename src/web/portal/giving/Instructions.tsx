import { ActionIcon, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../money';
import type { Instructions as Details } from './api';

/** An IBAN as people read and type it: groups of four. */
const grouped = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

/** Two overlapping sheets: "copy". */
const copyIcon = (
  <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15V5a2 2 0 0 1 2-2h10" />
  </svg>
);
const checkIcon = (
  <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
    <path d="M4 12l5 5L20 6" />
  </svg>
);

/** A value under its label, with a button that copies it (the IBAN without its spaces). */
function Line({ label, value, copy }: { label: string; value: string; copy?: string }) {
  const { t } = useTranslation('giving');
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" align="center">
      <div style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {value}
        </Text>
      </div>
      <CopyButton value={copy ?? value}>
        {({ copied, copy: doCopy }) => (
          <Tooltip label={copied ? t('confirm.copied') : t('confirm.copy', { what: label })}>
            <ActionIcon
              variant="light"
              onClick={doCopy}
              aria-label={t('confirm.copy', { what: label })}
              size="lg"
            >
              <span aria-hidden="true" style={{ display: 'flex' }}>
                {copied ? checkIcon : copyIcon}
              </span>
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
    <Stack gap={6}>
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
