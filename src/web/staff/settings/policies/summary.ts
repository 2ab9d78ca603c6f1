import type { TFunction } from 'i18next';
import type { PolicyConditions } from '../api';

/** "Categories: food, housing · Channels: Email" — a policy's conditions in words. */
export function conditionSummary(c: PolicyConditions, t: TFunction<'settings'>, _language: string) {
  const label = (field: keyof PolicyConditions, v: string) =>
    field === 'roles'
      ? t(`policies.contactRoles.${v}`)
      : field === 'channels'
        ? t(`routing.channel.${v}`)
        : field === 'priorities'
          ? t(`priority.${v}`, { ns: 'translation' })
          : v;
  return (Object.keys(c) as (keyof PolicyConditions)[])
    .filter((f) => (c[f]?.length ?? 0) > 0)
    .map((f) => `${t(`policies.${f}`)}: ${c[f]!.map((v) => label(f, v)).join(', ')}`)
    .join(' · ');
}
