import { describe, expect, it } from 'vitest';
import { pickAssignee, routeToTeam, type Candidate, type RoutingRule } from './route';

const rules: RoutingRule[] = [
  { teamId: 'donor-care', conditions: { tiers: ['major'] } },
  { teamId: 'ukrainian', conditions: { languages: ['uk'] } },
  { teamId: 'housing', conditions: { categories: ['housing'], channels: ['phone', 'walk_in'] } },
  { teamId: 'front-desk', conditions: {} },
];
const m = (userId: string, openCount = 0, extra: Partial<Candidate> = {}): Candidate => ({
  userId,
  available: true,
  capacity: 5,
  openCount,
  ...extra,
});

describe('routeToTeam', () => {
  it('takes the first rule in order whose conditions all hold', () => {
    expect(routeToTeam(rules, { channel: 'email', tiers: ['major'], language: 'uk' })).toBe(
      'donor-care',
    );
    expect(routeToTeam(rules, { channel: 'email', tiers: [], language: 'uk-UA' })).toBe(
      'ukrainian',
    );
    expect(routeToTeam(rules, { channel: 'phone', tiers: [], category: 'housing' })).toBe(
      'housing',
    );
    expect(routeToTeam(rules, { channel: 'web', tiers: [], category: 'housing' })).toBe(
      'front-desk',
    );
  });

  it('routes nowhere without a matching rule', () => {
    expect(routeToTeam(rules.slice(0, 3), { channel: 'web', tiers: [] })).toBeUndefined();
  });
});

describe('pickAssignee', () => {
  const team = [m('ana', 3), m('bo', 1), m('cy', 1)];

  it('gives round robin to the free members in turn by the team’s ticket, wrapping around', () => {
    const turns = [0, 1, 2, 3, 4, 5].map((ticket) => pickAssignee('round_robin', team, { ticket }));
    expect(turns).toEqual(['ana', 'bo', 'cy', 'ana', 'bo', 'cy']);
    expect(pickAssignee('round_robin', team, {})).toBe('ana');
  });

  it('keeps the turns even among the free members when one is off', () => {
    const off = [m('ana'), m('bo', 0, { available: false }), m('cy')];
    const turns = [10, 11, 12, 13].map((ticket) => pickAssignee('round_robin', off, { ticket }));
    expect(turns).toEqual(['ana', 'cy', 'ana', 'cy']);
  });

  it('gives least loaded to the member with the fewest open requests, ties in team order', () => {
    expect(pickAssignee('least_loaded', team, {})).toBe('bo');
  });

  it('skips people who are off or at capacity', () => {
    const busy = [m('ana', 0, { available: false }), m('bo', 5), m('cy', 4)];
    expect(pickAssignee('round_robin', busy, { ticket: 1 })).toBe('cy');
    expect(pickAssignee('least_loaded', busy, {})).toBe('cy');
    expect(pickAssignee('least_loaded', [m('ana', 5)], {})).toBeUndefined();
  });

  it('prefers the relationship owner when on the team, available and under capacity', () => {
    expect(pickAssignee('least_loaded', team, { ownerId: 'ana' })).toBe('ana');
    expect(pickAssignee('manual', team, { ownerId: 'cy' })).toBe('cy');
    expect(pickAssignee('least_loaded', [m('ana', 5), m('bo')], { ownerId: 'ana' })).toBe('bo');
    expect(pickAssignee('least_loaded', team, { ownerId: 'stranger' })).toBe('bo');
  });

  it('leaves a manual team’s requests unassigned', () => {
    expect(pickAssignee('manual', team, {})).toBeUndefined();
  });
});
