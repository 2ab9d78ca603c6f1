import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import type { Contact, Page } from './api';
import { formatPhone } from './format';

/**
 * Finds a contact as you type (any alphabet, email or phone) and picks one. The label defaults to
 * logging a call's question; other forms name their own ("Donor", "Whom to tell of the tribute").
 */
export function ContactPicker({
  value,
  onChange,
  error,
  label,
  required = true,
}: {
  value: Contact | null;
  onChange: (c: Contact | null) => void;
  error?: string;
  label?: string;
  required?: boolean;
}) {
  const { t } = useTranslation('contacts');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
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
      label={label ?? t('logCall.contact')}
      placeholder={t('logCall.contactPlaceholder')}
      searchable
      required={required}
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The API already matched (folding accents and alphabets); show what it found.
      filter={({ options: all }) => all}
      nothingFoundMessage={query ? t('logCall.nothingFound') : undefined}
      data={options.map((c) => ({
        value: c.id,
        label: c.name,
        detail: c.emails[0]?.address ?? (c.phones[0] ? formatPhone(c.phones[0].number) : ''),
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
      onChange={(id) => onChange(options.find((c) => c.id === id) ?? null)}
      error={error}
    />
  );
}
