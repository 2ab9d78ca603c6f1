import { describe, expect, it } from 'vitest';
import { claimedRequestId, replyAddress, verifyReplyAddress } from './reply-token';

const secret = 'a long enough test secret, not a real one';
const requestId = '0f8e2c7a-3b1d-4e5f-9a6b-7c8d9e0f1a2b';
const otherId = 'd4c3b2a1-0f9e-4d8c-b7a6-958473625140';
const domain = 'mail.tend.example';

const tokenOf = (address: string) => /\+(?:[a-z0-9-]+\.)?([^@]+)@/.exec(address)![1]!;

describe('reply addresses', () => {
  it('round-trips the request id through a lowercase, fixed-length address', () => {
    const address = replyAddress({ secret, requestId, domain });
    expect(address).toMatch(/^reply\+[a-z2-7]{42}@mail\.tend\.example$/);
    expect(verifyReplyAddress(secret, address)).toEqual({
      ok: true,
      requestId,
      orgSlug: null,
      staffUserId: null,
    });
  });

  it('normalizes an upper-case request id and gives the same address', () => {
    const address = replyAddress({ secret, requestId: requestId.toUpperCase(), domain });
    expect(address).toBe(replyAddress({ secret, requestId, domain }));
  });

  it('is stable for the same inputs and different per request', () => {
    expect(replyAddress({ secret, requestId, domain })).toBe(
      replyAddress({ secret, requestId, domain }),
    );
    expect(replyAddress({ secret, requestId: otherId, domain })).not.toBe(
      replyAddress({ secret, requestId, domain }),
    );
  });

  it('survives MTAs that lowercase or uppercase the whole address', () => {
    const address = replyAddress({ secret, requestId, domain });
    expect(verifyReplyAddress(secret, address.toUpperCase())).toMatchObject({
      ok: true,
      requestId,
    });
    expect(verifyReplyAddress(secret, address.toLowerCase())).toMatchObject({
      ok: true,
      requestId,
    });
  });

  it('accepts display names, angle brackets, quotes and mailto:', () => {
    const address = replyAddress({ secret, requestId, domain });
    const [local] = address.split('@');
    for (const form of [
      `"Food Bank, Vilnius" <${address}>`,
      `Maisto bankas <${address}> `,
      `<${address}>`,
      `mailto:${address}`,
      `"${local}"@${domain}`,
    ]) {
      expect(verifyReplyAddress(secret, form)).toMatchObject({ ok: true, requestId });
    }
  });

  it('uses a custom prefix and ignores the prefix when verifying', () => {
    const address = replyAddress({ secret, requestId, domain, localPrefix: 'support' });
    expect(address.startsWith('support+')).toBe(true);
    expect(verifyReplyAddress(secret, address)).toMatchObject({ ok: true, requestId });
  });

  it('signs the organization slug it carries', () => {
    const address = replyAddress({ secret, requestId, domain, orgSlug: 'food-bank' });
    expect(address).toMatch(/^reply\+food-bank\.[a-z2-7]{42}@/);
    expect(verifyReplyAddress(secret, address)).toEqual({
      ok: true,
      requestId,
      orgSlug: 'food-bank',
      staffUserId: null,
    });
    const moved = address.replace('food-bank.', 'other-org.');
    expect(verifyReplyAddress(secret, moved)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('leaves out a slug that would make the local part longer than 64 characters', () => {
    const orgSlug = 'vilniaus-maisto-bankas-ir-partneriai';
    const address = replyAddress({ secret, requestId, domain, orgSlug });
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    expect(verifyReplyAddress(secret, address)).toEqual({
      ok: true,
      requestId,
      orgSlug: null,
      staffUserId: null,
    });
  });

  it('refuses an altered token', () => {
    const address = replyAddress({ secret, requestId, domain });
    const token = tokenOf(address);
    for (const at of [0, 13, 25, 26, 41]) {
      const changed = token.slice(0, at) + (token[at] === 'a' ? 'b' : 'a') + token.slice(at + 1);
      const result = verifyReplyAddress(secret, address.replace(token, changed));
      expect(result.ok).toBe(false);
    }
  });

  it('refuses a signature moved onto another request id', () => {
    const mine = tokenOf(replyAddress({ secret, requestId, domain }));
    const theirs = tokenOf(replyAddress({ secret, requestId: otherId, domain }));
    const forged = `reply+${theirs.slice(0, 26)}${mine.slice(26)}@${domain}`;
    expect(verifyReplyAddress(secret, forged)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses an address signed with another secret', () => {
    const address = replyAddress({ secret: 'another secret', requestId, domain });
    expect(verifyReplyAddress(secret, address)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('calls garbage malformed', () => {
    const valid = tokenOf(replyAddress({ secret, requestId, domain }));
    for (const garbage of [
      '',
      'reply@mail.tend.example',
      'reply+@mail.tend.example',
      `+${valid}@${domain}`,
      `reply+${valid}`,
      `reply+${valid.slice(1)}@${domain}`,
      `reply+${valid}a@${domain}`,
      `reply+${valid.slice(0, 41)}1@${domain}`,
      `reply+${valid.slice(0, 25)}b${valid.slice(26)}@${domain}`, // non-canonical trailing bits
      `reply+Bad_Slug.${valid}@${domain}`,
      'Name <not an address>',
      '<<>>@',
    ]) {
      expect(verifyReplyAddress(secret, garbage)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses bad inputs when building an address', () => {
    expect(() => replyAddress({ secret, requestId: 'R-1042', domain })).toThrow(/uuid/);
    expect(() => replyAddress({ secret: '', requestId, domain })).toThrow(/secret/);
    expect(() => replyAddress({ secret, requestId, domain, orgSlug: 'Bad Slug' })).toThrow();
    expect(() => replyAddress({ secret, requestId, domain, localPrefix: 'a+b' })).toThrow();
  });
});

describe('staff reply addresses', () => {
  const staff = '6f1c2a7e-93d4-4b8e-a2f0-1c9d8e7b6a55';
  const other = '0b5e4d3c-2a19-4f87-b6e5-d4c3b2a19087';

  it('vouch for the staff member they were made for, and only with that member named', () => {
    const address = replyAddress({ secret, requestId, domain, staffUserId: staff });
    expect(verifyReplyAddress(secret, address, [other, staff])).toEqual({
      ok: true,
      requestId,
      orgSlug: null,
      staffUserId: staff,
    });
    expect(verifyReplyAddress(secret, address, [other])).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(claimedRequestId(address)).toBe(requestId);
  });

  it('are never the requester’s address: that one vouches for no staff member', () => {
    const requesters = replyAddress({ secret, requestId, domain });
    expect(verifyReplyAddress(secret, requesters, [staff])).toMatchObject({ staffUserId: null });
    expect(requesters).not.toBe(replyAddress({ secret, requestId, domain, staffUserId: staff }));
  });
});
