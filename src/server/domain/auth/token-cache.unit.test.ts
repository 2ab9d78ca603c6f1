import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../actor';
import { cacheTokenActor, cachedTokenActor, forgetCachedTokens } from './token-cache';

const actor: Actor = {
  orgId: 'org',
  type: 'token',
  userId: 'user',
  tokenId: 'token',
  role: 'agent',
  userRole: 'agent',
};
const now = new Date('2026-11-24T10:00:00Z');

afterEach(() => {
  forgetCachedTokens();
  vi.useRealTimers();
});

describe('token cache', () => {
  it('answers a verified token for a few seconds, then asks the database again', () => {
    vi.useFakeTimers({ now: 0, toFake: ['Date'] });
    cacheTokenActor('hash', actor, null);
    expect(cachedTokenActor('hash', now)).toBe(actor);
    vi.setSystemTime(4_999);
    expect(cachedTokenActor('hash', now)).toBe(actor);
    vi.setSystemTime(5_001);
    expect(cachedTokenActor('hash', now)).toBeUndefined();
  });

  it('never answers a token past its own expiry on the business clock', () => {
    cacheTokenActor('hash', actor, new Date(now.getTime() + 1_000));
    expect(cachedTokenActor('hash', now)).toBe(actor);
    expect(cachedTokenActor('hash', new Date(now.getTime() + 1_000))).toBeUndefined();
  });

  it('forgets everything at once when a token or a user changes', () => {
    cacheTokenActor('a', actor, null);
    cacheTokenActor('b', actor, null);
    forgetCachedTokens();
    expect(cachedTokenActor('a', now)).toBeUndefined();
    expect(cachedTokenActor('b', now)).toBeUndefined();
  });
});
