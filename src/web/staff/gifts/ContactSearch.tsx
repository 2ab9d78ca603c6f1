import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api';
import type { Contact, Page } from '../contacts/api';

/**
 * Finds a contact as you type (the API folds accents and alphabets) and picks one, under a label
 * of the form's own ("Donor", "Whom to tell of the tribute"); the contacts area's picker is
 * worded for logging a call.
 */
export function ContactSearch(props: {
  label: string;
  value: Contact | null;
  onChange: (c: Contact | null) => void;
  required?: boolean;
  error?: string;
}) {
  const { t } = useTranslation('gifts');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const { value } = props;
  // While a contact is chosen the box shows its name; do not search for the label itself.
  const query = value && q === value.name ? '' : q.trim();
  const found = useQuery({
    queryKey: ['contacts', 'pick', query],
    queryFn: () => api<Page<Contact>>(`/contacts?limit=10&q=${encodeURIComponent(query)}`),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
  const options = [...(value ? [value] : []), ...(found.data?.data ?? [])].filter(
    (c, i, all) => all.findIndex((o) => o.id === c.id) === i,
  );
  return (
    <Select
      label={props.label}
      placeholder={t('record.searchContact')}
      searchable
      required={props.required}
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={query ? t('record.nobodyFound') : undefined}
      data={options.map((c) => ({
        value: c.id,
        label: c.name,
        detail: c.emails[0]?.address ?? c.phones[0]?.number ?? '',
      }))}
      renderOption={({ option }) => (
        <div>
          <div>{option.label}</div>
          <div style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>
            {(option as typeof option & { detail: string }).detail}
          </div>
        </div>
      )}
      value={value?.id ?? null}
      onChange={(id) => props.onChange(options.find((c) => c.id === id) ?? null)}
      error={props.error}
    />
  );
}
