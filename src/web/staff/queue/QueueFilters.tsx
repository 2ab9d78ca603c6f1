import { Button, Group, Kbd, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestPriorities, requestStatuses } from '../../../shared/requests';
import { useDeskSettings, useMe, useStaff, useTeams } from '../desk';
import type { FilterKey, Filters } from './filters';

/** The id of the queue's search box, which "/" focuses. */
export const searchBoxId = 'queue-search';

/** Search and the filters beside the views: status, priority, category, team, assignee. */
export function QueueFilters({
  filters,
  onChange,
  onClear,
}: {
  filters: Filters;
  onChange: (key: FilterKey, value: string) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const staff = useStaff();
  const teams = useTeams();
  const categories = useDeskSettings()?.categories ?? [];
  const any = { value: '', label: t('queue.filters.any') };
  const select = (key: FilterKey, label: string, data: { value: string; label: string }[]) => (
    <NativeSelect
      size="sm"
      w={{ base: '47%', sm: 150 }}
      label={label}
      value={filters[key] ?? ''}
      onChange={(e) => onChange(key, e.currentTarget.value)}
      data={[any, ...data]}
    />
  );
  return (
    <Group gap="xs" align="flex-end" mt="sm" role="search" aria-label={t('queue.filters.label')}>
      <SearchBox value={filters.q ?? ''} onChange={(v) => onChange('q', v)} />
      {select(
        'status',
        t('queue.status'),
        requestStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
      )}
      {select(
        'priority',
        t('queue.priority'),
        requestPriorities.map((p) => ({ value: p, label: t(`priority.${p}`) })),
      )}
      {categories.length > 0 &&
        select(
          'category',
          t('queue.category'),
          categories.map((c) => ({ value: c, label: c })),
        )}
      {select(
        'teamId',
        t('queue.team'),
        teams.map((team) => ({ value: team.id, label: team.name })),
      )}
      {select(
        'assigneeId',
        t('queue.assignee'),
        staff.map((s) => ({
          value: s.id,
          label: s.id === me?.user.id ? t('queue.filters.me', { name: s.name }) : s.name,
        })),
      )}
      {Object.keys(filters).length > 0 && (
        <Button variant="subtle" onClick={onClear}>
          {t('queue.filters.clear')}
        </Button>
      )}
    </Group>
  );
}

/** The search box: updates the address a moment after typing stops; Esc leaves it. */
function SearchBox({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const later = useDebouncedCallback((v: string) => onChange(v.trim()), 300);
  useEffect(() => setText(value), [value]);
  return (
    <TextInput
      id={searchBoxId}
      type="search"
      size="sm"
      w={{ base: '100%', sm: 240 }}
      label={t('queue.search')}
      placeholder={t('queue.searchHint')}
      value={text}
      rightSection={<Kbd size="xs">/</Kbd>}
      rightSectionPointerEvents="none"
      onChange={(e) => {
        setText(e.currentTarget.value);
        later(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') e.currentTarget.blur();
      }}
    />
  );
}
