import { Group, NativeSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type CannedReply, type Page } from '../api';
import { languageName } from '../../format';

/**
 * Picks a canned reply and hands it over written out for this request: its variables filled
 * and in the requester's language when the reply has that translation (the API decides).
 */
export function CannedPicker({
  requestId,
  onPick,
}: {
  requestId: string;
  onPick: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [said, setSaid] = useState('');
  const canned = useQuery({
    queryKey: ['canned-replies'],
    queryFn: () => api<Page<CannedReply>>('/canned-replies'),
    staleTime: 60_000,
  });
  const replies = canned.data?.data ?? [];
  if (replies.length === 0) return null;
  const pick = async (id: string) => {
    if (!id) return;
    setSaid('');
    try {
      const written = await api<{ language: string; body: string }>(
        `/canned-replies/${id}/render?requestId=${requestId}`,
      );
      onPick(written.body);
      setSaid(
        t('canned.inserted', { language: languageName(written.language, i18n.language, false) }),
      );
    } catch (e) {
      setSaid(t('request.errors.other', { message: (e as Error).message }));
    }
  };
  return (
    <Group gap="xs" align="flex-end">
      <Text size="xs" c="dimmed" role="status">
        {said}
      </Text>
      <NativeSelect
        label={t('canned.label')}
        size="sm"
        value=""
        onChange={(e) => void pick(e.currentTarget.value)}
        data={[
          { value: '', label: t('canned.choose') },
          ...replies.map((r) => ({ value: r.id, label: r.name })),
        ]}
      />
    </Group>
  );
}
