import { donationKinds, donationLimits } from '../../../shared/schemas/donations';
import { giftFrequencies } from '../../../shared/gifts';
import type { Executor } from '../../db/connection';
import { fundChoices } from '../../db/repositories/donations';
import type { OrganizationRow } from '../../db/repositories/organizations';
import { giftSettingsOf } from '../gift-settings/gift-settings';
import { minorDigits } from '../gifts/money';
import { offeredMethods } from './providers';

/** The smallest and largest gift through the portal in a currency, in minor units. */
export function amountRange(currency: string): { minAmount: number; maxAmount: number } {
  const unit = 10 ** minorDigits(currency);
  return { minAmount: donationLimits.minUnits * unit, maxAmount: donationLimits.maxUnits * unit };
}

/** Suggested amounts (10, 25, 50, 100 whole units) in minor units. */
const presets = (currency: string) => [10, 25, 50, 100].map((n) => n * 10 ** minorDigits(currency));

/**
 * What a donor may choose on the give form: the organization's currency, the funds (names
 * only), the payment methods its providers offer with the details it has set, the kinds and
 * frequencies, and the smallest and largest amount.
 */
export async function givingOptions(db: Executor, org: OrganizationRow) {
  const settings = await giftSettingsOf(db, org.id);
  return {
    organization: { slug: org.slug, name: org.name },
    currencies: [{ currency: settings.currency, ...amountRange(settings.currency) }],
    presets: presets(settings.currency),
    funds: await fundChoices(db, org.id, donationLimits.fundsMax),
    methods: offeredMethods(settings.payment),
    kinds: [...donationKinds],
    frequencies: [...giftFrequencies],
  };
}
