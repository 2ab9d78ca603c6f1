import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../format';

/** The currencies people pick most, then every other one the browser knows. */
const common = ['EUR', 'USD', 'GBP', 'UAH', 'PLN', 'CHF', 'SEK', 'NOK', 'DKK', 'CAD', 'AUD'];

/** An ISO 4217 currency chosen by code or name ("EUR — Euro" in the person's language). */
export function CurrencyInput(props: {
  label: string;
  value: string;
  readOnly?: boolean;
  error?: string;
  onChange: (currency: string) => void;
}) {
  const { i18n } = useTranslation();
  const data = useMemo(() => {
    const names = new Intl.DisplayNames([localeOf(i18n.language)], { type: 'currency' });
    const all = [...new Set([...common, ...Intl.supportedValuesOf('currency')])];
    return all.map((c) => ({ value: c, label: `${c} — ${names.of(c) ?? c}` }));
  }, [i18n.language]);
  return (
    <Select
      label={props.label}
      data={data}
      value={props.value}
      searchable
      allowDeselect={false}
      readOnly={props.readOnly}
      error={props.error}
      onChange={(c) => c && props.onChange(c)}
      comboboxProps={{ withinPortal: true }}
      limit={50}
    />
  );
}
