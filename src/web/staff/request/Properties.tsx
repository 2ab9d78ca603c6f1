import { Alert, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { requestPriorities, requestStatuses } from '../../../shared/requests';
import type { UpdateRequestInput } from '../../../shared/schemas/requests';
import { api, ApiError, type RequestItem } from '../api';
import { useDeskSettings, useStaff, useTeams } from '../desk';
import { CustomFields } from './CustomFields';
import { problemText } from './problems';

/** A change to a request: PATCH with the version we saw, so a colleague's change is never lost. */
export function useChangeRequest(request: RequestItem) {
  const client = useQueryClient();
  return useMutation({
    // One change at a time, each on top of the version the one before it left.
    scope: { id: `request-${request.id}` },
    mutationFn: (changes: UpdateRequestInput) => {
      const seen = client.getQueryData<RequestItem>(['requests', request.id]) ?? request;
      return api<RequestItem>(`/requests/${request.id}`, {
        method: 'PATCH',
        body: changes,
        headers: seen.version === undefined ? {} : { 'if-match': `"${seen.version}"` },
      });
    },
    onSuccess: async (changed) => {
      client.setQueryData(['requests', request.id], changed);
      await client.invalidateQueries({ queryKey: ['requests'] });
    },
    onError: async (e) => {
      // Someone else changed it: show their version, so the next try starts from it.
      if (e instanceof ApiError && e.code === 'precondition_failed')
        await client.invalidateQueries({ queryKey: ['requests', request.id] });
      // A field the console has not heard of yet: read the desk's fields again to show it.
      if (e instanceof ApiError && e.code === 'rule_violated')
        await client.invalidateQueries({ queryKey: ['desk-settings'] });
    },
  });
}

/** Status, priority, assignee, team and category of a request, and its custom fields. */
export function Properties({ request }: { request: RequestItem }) {
  const { t, i18n } = useTranslation();
  const staff = useStaff();
  const teams = useTeams();
  const desk = useDeskSettings();
  const change = useChangeRequest(request);
  const closed = request.status === 'closed';
  const categories = desk?.categories ?? [];
  const select = (
    label: string,
    value: string,
    data: { value: string; label: string }[],
    onChange: (value: string) => void,
  ) => (
    <NativeSelect
      label={label}
      value={value}
      data={data}
      disabled={closed}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
  // A value no longer on offer (a removed category, a colleague who left) is still shown.
  const withCurrent = (data: { value: string; label: string }[], value: string, label: string) =>
    value && !data.some((d) => d.value === value) ? [...data, { value, label }] : data;
  return (
    <section aria-labelledby="properties">
      <Title order={2} size="h5" id="properties" mb="xs">
        {t('request.properties')}
      </Title>
      <Stack gap="xs">
        {closed && (
          <Text size="sm" c="dimmed">
            {t('request.errors.closed')}
          </Text>
        )}
        {select(
          t('queue.status'),
          request.status,
          requestStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
          (v) => change.mutate({ status: v as RequestItem['status'] }),
        )}
        {select(
          t('queue.priority'),
          request.priority,
          requestPriorities.map((p) => ({ value: p, label: t(`priority.${p}`) })),
          (v) => change.mutate({ priority: v as (typeof requestPriorities)[number] }),
        )}
        {select(
          t('queue.assignee'),
          request.assigneeId ?? '',
          withCurrent(
            [
              { value: '', label: t('queue.nobody') },
              ...staff.map((s) => ({ value: s.id, label: s.name })),
            ],
            request.assigneeId ?? '',
            t('request.someoneElse'),
          ),
          (v) => change.mutate({ assigneeId: v || null }),
        )}
        {select(
          t('queue.team'),
          request.teamId ?? '',
          withCurrent(
            [
              { value: '', label: t('request.noTeam') },
              ...teams.map((team) => ({ value: team.id, label: team.name })),
            ],
            request.teamId ?? '',
            t('request.otherTeam'),
          ),
          (v) => change.mutate({ teamId: v || null }),
        )}
        {select(
          t('queue.category'),
          request.category ?? '',
          withCurrent(
            [
              { value: '', label: t('request.noCategory') },
              ...categories.map((c) => ({ value: c, label: c })),
            ],
            request.category ?? '',
            request.category ?? '',
          ),
          (v) => change.mutate({ category: v || null }),
        )}
        {change.isError && (
          <Alert color="red" role="alert" title={t('request.errors.title')}>
            {problemText(change.error, t, i18n.language, desk?.customFields)}
          </Alert>
        )}
        {desk && desk.customFields.length > 0 && (
          <CustomFields
            request={request}
            definitions={desk.customFields}
            disabled={closed}
            onChange={(values) => change.mutate({ customFields: values })}
          />
        )}
      </Stack>
    </section>
  );
}
