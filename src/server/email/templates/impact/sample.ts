import type { ImpactTemplateData } from './types';

/** A report to render in template tests: a gift split across two programs' funds. */
export const impactSample: ImpactTemplateData['impact_report'] = {
  organizationName: 'Vilnius Food Bank',
  report: {
    contact: { id: '0193a4b2-0000-7000-8000-000000000001', name: 'Ana Šimkutė' },
    from: '2025-12-01',
    to: '2026-11-30',
    language: 'en',
    gifts: [
      {
        id: '0193a4b2-0000-7000-8000-000000000002',
        kind: 'one_time',
        receivedOn: '2026-10-03',
        currency: 'EUR',
        amount: 10000,
        whereMostNeeded: false,
        allocations: [
          {
            fundId: '0193a4b2-0000-7000-8000-000000000003',
            fundName: 'Food parcels',
            programId: '0193a4b2-0000-7000-8000-000000000004',
            programName: 'Food bank',
            amount: 6000,
          },
          {
            fundId: '0193a4b2-0000-7000-8000-000000000005',
            fundName: 'Beds',
            programId: '0193a4b2-0000-7000-8000-000000000006',
            programName: 'Shelter',
            amount: 4000,
          },
        ],
      },
      {
        id: '0193a4b2-0000-7000-8000-000000000007',
        kind: 'one_time',
        receivedOn: '2026-11-01',
        currency: 'EUR',
        amount: 2500,
        whereMostNeeded: true,
        allocations: [],
      },
    ],
    totals: [{ currency: 'EUR', amount: 12500 }],
    programs: [
      {
        id: '0193a4b2-0000-7000-8000-000000000004',
        name: 'Food bank',
        updates: [
          {
            id: '0193a4b2-0000-7000-8000-000000000008',
            periodFrom: '2026-10-01',
            periodTo: '2026-10-31',
            title: 'Parcels for winter',
            story: 'We packed parcels every day.\n\nVolunteers & drivers delivered them.',
            figures: [
              { label: 'families fed', value: 42, unit: null },
              { label: 'food', value: 3.5, unit: 't' },
            ],
            language: 'en',
            originalLanguage: 'en',
            translated: false,
          },
        ],
      },
      { id: '0193a4b2-0000-7000-8000-000000000006', name: 'Shelter', updates: [] },
    ],
  },
};
