import { useQuery } from '@tanstack/react-query';
import { api } from '../../http';
import { useFormKey } from '../settings/api';

export { api, ApiError, type ErrorDetail } from '../../http';
export { send, usePermissions } from '../settings/api';
export { useFormKey };

/** A list answer. */
export type List<T> = { data: T[]; nextCursor: string | null };

/** The languages a donor can read Tend's texts in (the web apps' and emails' languages). */
export const donorLanguages = ['en', 'es', 'lt', 'uk'] as const;
/** One of them. */
export type DonorLanguage = (typeof donorLanguages)[number];

/** A program: what the organization does, which funds pay for. */
export type Program = {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
  /** Send back as If-Match to change it. */
  etag: string;
};

/** A fund (restricted to a purpose or not), usually of a program. */
export type Fund = {
  id: string;
  name: string;
  restricted: boolean;
  programId: string | null;
  description: string | null;
  createdAt: string;
  /** Send back as If-Match to change it. */
  etag: string;
};

/** A figure of an impact update ("42 families housed"). */
export type Figure = { label: string; value: number; unit?: string | null };

/** What a program tells donors it did in a period, with translations for other languages. */
export type ImpactUpdate = {
  id: string;
  programId: string;
  periodFrom: string;
  periodTo: string;
  language: string;
  title: string;
  story: string;
  figures: Figure[];
  translations: Record<string, { title: string; story: string; figureLabels?: string[] }>;
  publishedAt: string;
  /** Send back as If-Match to change it. */
  etag: string;
};

/** The organization's gift settings: currency, major-gift threshold, receipt and payment texts. */
export type GiftSettings = {
  currency: string;
  majorGiftAmount: number | null;
  receipt: Record<string, string | null>;
  payment: Record<string, string | null>;
  version: number;
};

/** A donor level: donors whose giving in the window reaches the minimum. */
export type DonorLevel = {
  id: string;
  name: string;
  slug: string;
  minAmount: number;
  currency: string;
  window: LevelWindow;
  donorCount?: number;
  version: number;
};
/** Over which giving a level is decided. */
export const levelWindows = ['lifetime', 'last_12_months', 'this_year'] as const;
/** One window. */
export type LevelWindow = (typeof levelWindows)[number];

/** A thank-you template in one language. */
export type ThanksTemplate = {
  id: string;
  name: string;
  language: string;
  method: 'email' | 'letter';
  subject: string;
  body: string;
  version: number;
  updatedAt?: string;
};

/** Merge fields a thank-you can use, filled in from the gift when it is sent. */
export const mergeFields = [
  'firstName',
  'name',
  'amount',
  'date',
  'fund',
  'organization',
  'kind',
] as const;

/** Query keys of the stewardship pages. */
export const keys = {
  programs: ['stewardship', 'programs'],
  funds: ['stewardship', 'funds'],
  updates: (programId: string) => ['stewardship', 'impact-updates', programId],
  settings: ['stewardship', 'gift-settings'],
  levels: ['stewardship', 'donor-levels'],
  templates: ['stewardship', 'thanks-templates'],
} as const;

/** The programs (one page of up to 100 is plenty for a charity's programs). */
export const usePrograms = () =>
  useQuery({
    queryKey: keys.programs,
    queryFn: () => api<List<Program>>('/programs?limit=100'),
  });
/** The funds. */
export const useFunds = () =>
  useQuery({ queryKey: keys.funds, queryFn: () => api<List<Fund>>('/funds?limit=100') });
/** The gift settings. */
export const useGiftSettings = () =>
  useQuery({ queryKey: keys.settings, queryFn: () => api<GiftSettings>('/gift-settings') });
/** The donor levels. */
export const useLevels = () =>
  useQuery({ queryKey: keys.levels, queryFn: () => api<List<DonorLevel>>('/donor-levels') });

/** A name as a slug: "Gold circle" → "gold-circle" (accents dropped; other scripts are typed by hand). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
