import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../money';
import { api, keys, type Gift, type List } from './api';
import type { PartProps } from './KindFields';
import { formatDay } from './ui';

/**
 * For a one-time or recurring gift from a donor with open pledges: which pledge (if any) it pays,
 * so the pledge's balance goes down. Nothing is shown when the donor has none open.
 */
export function PledgeChoice({ form, set, err }: PartProps) {
  const { t, i18n } = useTranslation('gifts');
  const pays = form.kind === 'one_time' || form.kind === 'recurring';
  const pledges = useQuery({
    queryKey: [...keys.gifts, 'pledges', form.contactId],
    queryFn: () => api<List<Gift>>(`/gifts?contactId=${form.contactId}&kind=pledge&limit=50`),
    enabled: pays && !!form.contactId,
  });
  const open = (pledges.data?.data ?? []).filter((p) => (p.pledge?.balance ?? 0) > 0);
  if (!pays || open.length === 0) return null;
  return (
    <NativeSelect
      label={t('record.againstPledge')}
      value={form.pledgeId}
      data={[
        { value: '', label: t('record.noPledge') },
        ...open.map((p) => ({
          value: p.id,
          label: t('record.pledgeOption', {
            date: formatDay(p.receivedOn, i18n.language),
            balance: formatMoney(p.pledge!.balance, p.currency, i18n.language),
          }),
        })),
      ]}
      onChange={(e) => set({ pledgeId: e.currentTarget.value })}
      error={err('pledgeId')}
    />
  );
}
