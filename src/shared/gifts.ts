/** Vocabulary and limits of gifts, shared by the server's schemas and the web apps. */

/** What kind of gift a gift is; each kind has its own details. */
export const giftKinds = [
  'one_time',
  'recurring',
  'pledge',
  'in_kind',
  'pro_bono',
  'grant',
  'sponsorship',
  'bequest_intention',
] as const;
/** One gift kind. */
export type GiftKind = (typeof giftKinds)[number];

/**
 * Kinds that are a promise of money rather than money received: they never count in a donor's
 * totals (the payments against a pledge do).
 */
export const promisedKinds: readonly GiftKind[] = ['pledge', 'bequest_intention'];

/** How money (or goods) reached the organization. */
export const paymentMethods = [
  'cash',
  'cheque',
  'bank_transfer',
  'card',
  'direct_debit',
  'online',
  'stock',
  'other',
] as const;

/** How often a recurring gift or a pledge's payments come. */
export const giftFrequencies = ['weekly', 'monthly', 'quarterly', 'yearly'] as const;

/** Condition of goods given in kind. */
export const inKindConditions = ['new', 'like_new', 'good', 'fair', 'poor'] as const;

/** Why another contact shares the credit for a gift. */
export const softCreditTypes = [
  'spouse',
  'employer_match',
  'in_honour',
  'in_memory',
  'household',
  'other',
] as const;

/** Appended changes to a gift's money: history is never edited. */
export const giftAdjustmentKinds = ['refund', 'correction', 'write_off'] as const;

/** How a thank-you was given. */
export const thanksMethods = ['email', 'letter', 'call'] as const;

/** How a written thank-you goes out (a call is logged, not written). */
export const thanksTemplateMethods = ['email', 'letter'] as const;

/** Merge fields a thank-you template may use, e.g. `{{firstName}}`; any other is refused. */
export const thanksMergeFields = [
  'firstName',
  'name',
  'amount',
  'date',
  'fund',
  'organization',
  'kind',
] as const;

/** Languages thank-you templates (and the built-in defaults) are written in. */
export const thanksLanguages = ['en', 'es', 'lt', 'uk'] as const;

/** Input limits, identical in the API and the browser forms. */
export const giftLimits = {
  /** Integer minor units; the largest a JavaScript number holds exactly. */
  maxAmount: Number.MAX_SAFE_INTEGER,
  allocationsMax: 20,
  softCreditsMax: 20,
  deliverablesMax: 50,
  textMax: 2000,
  nameMax: 200,
  /** Gifts thanked by one bulk call. */
  bulkThanksMax: 200,
  templateSubjectMax: 300,
  templateBodyMax: 20_000,
} as const;
