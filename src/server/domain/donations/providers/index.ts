import { offlineProvider } from './offline';
import type { PaymentDetails, PaymentMethod, PaymentProvider } from './types';

export type * from './types';

/**
 * The payment providers, in order of preference: the first that offers a method takes the
 * donations made with it. To add one, write a PaymentProvider beside offline.ts and list it here.
 */
export const paymentProviders: readonly PaymentProvider[] = [offlineProvider];

/** Every method some provider offers with the organization's details, each once. */
export function offeredMethods(details: PaymentDetails): PaymentMethod[] {
  return [...new Set(paymentProviders.flatMap((p) => p.offered(details)))];
}

/** The provider that takes donations by this method with these details, if any. */
export function providerFor(
  method: PaymentMethod,
  details: PaymentDetails,
): PaymentProvider | undefined {
  return paymentProviders.find((p) => p.offered(details).includes(method));
}

/** A provider by its id (a stored donation names the one that started it). */
export function providerById(id: string): PaymentProvider | undefined {
  return paymentProviders.find((p) => p.id === id);
}
