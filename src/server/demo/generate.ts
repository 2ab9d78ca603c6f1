import { seededRandom, type Random } from '../../core/random';
import { nameVariants } from '../../core/text/search-key';
import type {
  contactRoles,
  interactionChannels,
  interactionKinds,
  organizationTypes,
} from '../../shared/contacts';
import { namesByLanguage, organizationNames, type DemoLanguage } from './names';

type Role = (typeof contactRoles)[number];

/** A generated contact, in the shape of the create-contact input plus demo bookkeeping. */
export type DemoContact = {
  kind: 'person' | 'organization';
  organizationType?: (typeof organizationTypes)[number];
  givenName?: string;
  familyName?: string;
  name?: string;
  roles: Role[];
  preferredLanguage: DemoLanguage;
  timeZone: string;
  preferredChannel: 'email' | 'phone' | 'post';
  tags: string[];
  emails: { address: string; primary?: boolean }[];
  phones: { number: string }[];
  addresses: { line1: string; city: string; postalCode: string; country: string }[];
  /** Index of the household this person belongs to, if any. */
  household?: number;
  /** Generated timeline entries, each `daysAgo` before now. */
  timeline: {
    kind: (typeof interactionKinds)[number];
    channel: (typeof interactionChannels)[number];
    direction: 'inbound' | 'outbound';
    summary: string;
    daysAgo: number;
  }[];
};

/** The generated dataset. */
export type DemoData = {
  contacts: DemoContact[];
  households: string[];
  spouses: [number, number][];
  parents: [number, number][];
};

const places = {
  en: {
    country: 'GB',
    tz: 'Europe/London',
    city: 'Manchester',
    phone: (r: Random) => `+44 7400 ${r.int(100000, 999999)}`,
    street: 'High Street',
  },
  es: {
    country: 'ES',
    tz: 'Europe/Madrid',
    city: 'Vigo',
    phone: (r: Random) => `+34 612 ${r.int(100, 999)} ${r.int(100, 999)}`,
    street: 'Calle Mayor',
  },
  lt: {
    country: 'LT',
    tz: 'Europe/Vilnius',
    city: 'Vilnius',
    phone: (r: Random) => `+370 612 ${r.int(10000, 99999)}`,
    street: 'Gedimino pr.',
  },
  uk: {
    country: 'UA',
    tz: 'Europe/Kyiv',
    city: 'Київ',
    phone: (r: Random) => `+380 67 ${r.int(100, 999)} ${r.int(1000, 9999)}`,
    street: 'вул. Хрещатик',
  },
} as const;

const languages: DemoLanguage[] = ['en', 'es', 'lt', 'uk'];
const topics = [
  'food parcel',
  'housing advice',
  'tutoring',
  'transport to clinic',
  'winter clothing',
  'legal aid',
];

function emailOf(given: string, family: string, n: number): string {
  const local = `${nameVariants(given)[0]}.${nameVariants(family)[0]}`.replace(/[^a-z.]/g, '');
  return `${local}${n}@example.${['org', 'com', 'net'][n % 3]}`;
}

/** What donors ask about (as many as the gift amounts drawn here before, to keep the seed's data). */
const donorTopics = [
  'the winter appeal',
  'a gift in memory',
  'giving monthly',
  'a tax receipt',
  'the food bank',
  'a legacy gift',
];

function timelineFor(r: Random, roles: Role[]): DemoContact['timeline'] {
  const out: DemoContact['timeline'] = [];
  const count = r.int(1, 8);
  for (let i = 0; i < count; i++) {
    const role = r.pick(roles);
    const daysAgo = r.int(0, 364) + r.next();
    if (role === 'donor') {
      // Donor conversations only: the demo's gifts and thank-yous are real gifts (demo-giving.ts),
      // not made-up timeline lines. The draws stay as they were, so the seed gives the same data.
      const topic = r.pick(donorTopics);
      const channel = r.pick(['web', 'post', 'phone'] as const);
      out.push({
        kind: channel === 'phone' ? 'call' : channel === 'post' ? 'letter' : 'email',
        channel: channel === 'web' ? 'email' : channel,
        direction: 'inbound',
        summary: `Asked about ${topic}`,
        daysAgo,
      });
      if (r.chance(0.8))
        out.push({
          kind: 'email',
          channel: 'email',
          direction: 'outbound',
          summary: 'Sent the newsletter',
          daysAgo: Math.max(0, daysAgo - r.next() * 3),
        });
    } else if (role === 'volunteer') {
      out.push({
        kind: 'shift',
        channel: 'in_person',
        direction: 'inbound',
        summary: `Volunteered ${r.int(2, 6)} hours at the ${r.pick(['food bank', 'thrift shop', 'homework club'])}`,
        daysAgo,
      });
    } else {
      const topic = r.pick(topics);
      out.push({
        kind: r.pick(['request', 'call', 'meeting'] as const),
        channel: r.pick(['phone', 'email', 'walk_in', 'web'] as const),
        direction: 'inbound',
        summary: `Asked about ${topic}`,
        daysAgo,
      });
    }
  }
  return out;
}

function person(r: Random, i: number, lang: DemoLanguage, family?: string): DemoContact {
  const names = namesByLanguage[lang];
  const givenName = r.pick(names.given);
  const familyName = family ?? r.pick(names.family);
  const place = places[lang];
  const roles: Role[] = [];
  if (r.chance(0.6)) roles.push('client');
  if (r.chance(0.3)) roles.push('donor');
  if (r.chance(0.1)) roles.push('volunteer');
  if (roles.length === 0) roles.push(r.pick(['client', 'donor', 'volunteer'] as const));
  return {
    kind: 'person',
    givenName,
    familyName,
    roles,
    preferredLanguage: lang,
    timeZone: place.tz,
    preferredChannel: r.pick(['email', 'email', 'phone', 'post'] as const),
    tags: r.chance(0.2)
      ? [
          r.pick([
            'newsletter',
            'major-gift-prospect',
            'board',
            'monthly-giver',
            'needs-interpreter',
          ]),
        ]
      : [],
    emails: r.chance(0.85) ? [{ address: emailOf(givenName, familyName, i) }] : [],
    phones: r.chance(0.7) ? [{ number: place.phone(r) }] : [],
    addresses: r.chance(0.5)
      ? [
          {
            line1: `${place.street} ${r.int(1, 120)}`,
            city: place.city,
            postalCode: String(r.int(10000, 99999)),
            country: place.country,
          },
        ]
      : [],
    timeline: timelineFor(r, roles),
  };
}

/**
 * Generates `count` contacts deterministically from `seed`: people in four languages with
 * overlapping roles (about 60% clients, 30% donors, 10% volunteers), households, and giving
 * organizations; a year of timeline each.
 */
export function generateDemoData(count: number, seed = 42): DemoData {
  const r = seededRandom(seed);
  const data: DemoData = { contacts: [], households: [], spouses: [], parents: [] };
  while (data.contacts.length < count) {
    const i = data.contacts.length;
    const lang = r.pick(languages);
    if (r.chance(0.05)) {
      const type = r.pick([
        'foundation',
        'company',
        'government',
        'community_group',
        'other',
      ] as const);
      const name = organizationNames[type][languages.indexOf(lang)]!;
      const roles: Role[] =
        type === 'foundation' || type === 'company' ? ['donor', 'partner'] : ['partner'];
      data.contacts.push({
        ...person(r, i, lang),
        kind: 'organization',
        organizationType: type,
        name: `${name} ${i}`,
        givenName: undefined,
        familyName: undefined,
        roles,
        timeline: timelineFor(r, roles),
      });
    } else if (r.chance(0.15) && count - i >= 4) {
      const family = r.pick(namesByLanguage[lang].family);
      const household = data.households.push(`${family} household`) - 1;
      const size = r.int(2, 4);
      for (let k = 0; k < size; k++)
        data.contacts.push({ ...person(r, i + k, lang, family), household });
      data.spouses.push([i, i + 1]);
      for (let k = 2; k < size; k++) data.parents.push([i, i + k]);
    } else {
      data.contacts.push(person(r, i, lang));
    }
  }
  data.contacts.length = count;
  data.spouses = data.spouses.filter(([a, b]) => a < count && b < count);
  data.parents = data.parents.filter(([a, b]) => a < count && b < count);
  return data;
}
