import { fixedClock, type Clock } from '../../core/clock';
import { seededRandom } from '../../core/random';
import type { Database, Db } from '../db/connection';
import { queryRows } from '../db/connection';
import { saveDeskSettings } from '../db/repositories/requests';
import type { UserRow } from '../db/repositories/users';
import { sql } from 'drizzle-orm';
import { systemActor, type Actor } from '../domain/actor';
import { createCalendar } from '../domain/promises/calendars';
import { createPolicy } from '../domain/promises/policies';
import { changeRequest } from '../domain/requests/change-request';
import { createRequest } from '../domain/requests/create-request';
import { addStaffMessage } from '../domain/requests/messages';
import { createTeam, setMembers, setRoutingRules } from '../domain/requests/teams';

const subjects: Record<string, string[]> = {
  food: [
    'Food parcel for this week',
    'Baby formula',
    'Paquete de comida',
    'Maisto paketas',
    'Продуктовий набір',
  ],
  housing: [
    'Rent arrears letter',
    'Damp in the flat',
    'Ayuda con el alquiler',
    'Pagalba dėl nuomos',
    'Допомога з житлом',
  ],
  benefits: ['Help with a benefits form', 'Appointment letter I do not understand'],
  volunteering: ['Can I volunteer on Saturdays?', 'Quiero ser voluntaria'],
  donation: ['Receipt for my donation', 'Change my monthly gift', 'Gift Aid question'],
};

/**
 * The demo desk's settings: an office-hours calendar, two promise policies (major donors, then
 * everyone), categories, a round-robin front desk and a least-loaded donor-care team, and routing
 * rules. The benchmark opens its requests under the same settings.
 */
export async function setUpDemoDesk(
  db: Db,
  orgId: string,
  staff: Record<'agent' | 'manager' | 'volunteer_coordinator' | 'fundraiser', UserRow>,
): Promise<void> {
  const admin: Actor = systemActor(orgId);

  const lunch = [
    ['09:00', '12:00'],
    ['13:00', '17:00'],
  ] as [string, string][];
  const calendar = await createCalendar(db, admin, {
    name: 'Office hours (Vilnius)',
    definition: {
      timezone: 'Europe/Vilnius',
      hours: { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch },
      holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01'],
    },
  });
  await createPolicy(db, admin, {
    subjectType: 'request',
    name: 'Major donors: an answer within the hour',
    conditions: { segments: ['major-gift-prospect'] },
    targets: [
      {
        target: 'first_response',
        minutes: 60,
        calendarId: calendar.id,
        pauseStatuses: [],
        warnBeforeMinutes: 15,
      },
      {
        target: 'resolution',
        minutes: 960,
        calendarId: calendar.id,
        pauseStatuses: ['waiting_on_requester', 'on_hold'],
        warnBeforeMinutes: 60,
      },
    ],
  });
  await createPolicy(db, admin, {
    subjectType: 'request',
    name: 'Everyone: a first answer within 4 business hours',
    conditions: {},
    targets: [
      {
        target: 'first_response',
        minutes: 240,
        calendarId: calendar.id,
        pauseStatuses: [],
        warnBeforeMinutes: 30,
      },
      {
        target: 'next_response',
        minutes: 480,
        calendarId: calendar.id,
        pauseStatuses: [],
        warnBeforeMinutes: 60,
      },
      {
        target: 'resolution',
        minutes: 2400,
        calendarId: calendar.id,
        pauseStatuses: ['waiting_on_requester', 'on_hold'],
        warnBeforeMinutes: 240,
      },
    ],
  });
  await saveDeskSettings(db, orgId, {
    categories: ['food', 'housing', 'benefits', 'volunteering', 'donation', 'other'],
    reopenDays: 7,
  });
  const front = await createTeam(db, admin, {
    name: 'Front desk',
    strategy: 'round_robin',
    calendarId: calendar.id,
    waitingThreshold: 3,
    backupEmails: ['manager@example.org'],
  });
  await setMembers(db, admin, front.id, {
    members: [staff.agent, staff.manager, staff.volunteer_coordinator].map((u) => ({
      userId: u.id,
      capacity: 25,
      available: true,
    })),
  });
  const donors = await createTeam(db, admin, {
    name: 'Donor care',
    strategy: 'least_loaded',
    calendarId: calendar.id,
    waitingThreshold: 3,
    backupEmails: [],
  });
  await setMembers(db, admin, donors.id, {
    members: [{ userId: staff.fundraiser.id, capacity: 40, available: true }],
  });
  await setRoutingRules(db, admin, {
    rules: [
      { teamId: donors.id, conditions: { categories: ['donation'] } },
      { teamId: donors.id, conditions: { tiers: ['major-gift-prospect'] } },
      { teamId: front.id, conditions: {} },
    ],
  });
}

/**
 * Gives the demo organization a working service desk: office hours, two promise policies, two
 * teams with routing, and some forty requests over the last week in every state.
 */
export async function seedDemoDesk(
  database: Database,
  now: Date,
  orgId: string,
  staff: Record<string, UserRow>,
): Promise<void> {
  const db = database.db;
  const admin: Actor = systemActor(orgId);
  await setUpDemoDesk(db, orgId, staff);
  const r = seededRandom(7);
  const contacts = await queryRows<{ id: string; roles: string[] }>(
    db,
    sql`select id, roles from contacts where org_id = ${orgId} and kind = 'person' order by name limit 120`,
  );
  const categories = Object.keys(subjects);
  for (let i = 0; i < 40; i++) {
    const contact = r.pick(contacts);
    const category =
      contact.roles.includes('donor') && r.chance(0.5) ? 'donation' : r.pick(categories);
    const at = new Date(now.getTime() - r.int(10, 7 * 24 * 60) * 60_000);
    const clock: Clock = fixedClock(at);
    const actor = { ...admin, userId: null };
    const request = await db.transaction((tx) =>
      createRequest(tx, clock, actor, {
        subject: r.pick(subjects[category]!),
        description: 'Created with the demo data.',
        requesterId: contact.id,
        category,
        priority: r.pick(['normal', 'normal', 'normal', 'low', 'high', 'urgent'] as const),
        channel: r.pick(['web', 'email', 'email', 'phone', 'walk_in', 'portal'] as const),
        tags: [],
        customFields: {},
      }),
    );
    const fate = r.int(0, 9);
    if (fate >= 3 && request.assigneeId) {
      const replyAt = fixedClock(new Date(at.getTime() + r.int(5, 600) * 60_000));
      if (replyAt.now() > now) continue;
      const agent: Actor = {
        orgId,
        type: 'user',
        userId: request.assigneeId,
        tokenId: null,
        role: 'agent',
      };
      const status = fate >= 7 ? 'solved' : fate >= 5 ? 'waiting_on_requester' : undefined;
      await db.transaction((tx) =>
        addStaffMessage(tx, replyAt, agent, request.id, {
          body: 'Thank you for writing to us — we are on it.',
          visibility: 'public',
          status,
        }),
      );
      if (fate === 9)
        await db.transaction((tx) =>
          changeRequest(tx, replyAt, agent, request.id, { status: 'closed' }),
        );
    }
  }
}
