import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed per-request reply addresses: `reply+<token>@domain`, where the token is the request id
 * in lowercase base32 (26 characters) followed by 80 bits of HMAC-SHA256 (16 characters). Base32
 * because some MTAs lowercase local parts; an HMAC so nobody can post into a request by guessing
 * or editing an address. An optional organization slug goes before the token
 * (`reply+food-bank.<token>`) as a readable hint; it is signed too.
 */

/** What `verifyReplyAddress` concludes about an address. */
export type ReplyAddressCheck =
  | { ok: true; requestId: string; orgSlug: string | null; staffUserId: string | null }
  | { ok: false; reason: 'malformed' | 'bad_signature' };

/** The inputs of a reply address; `localPrefix` defaults to "reply". */
export type ReplyAddressInput = {
  secret: string | Buffer;
  orgSlug?: string;
  requestId: string;
  domain: string;
  localPrefix?: string;
  /**
   * For mail to a staff member: the address then vouches for that person too (a different MAC),
   * so a requester's reply address can never be used to write as staff.
   */
  staffUserId?: string;
};

const VERSION = 1;
const MAC_BYTES = 10; // 80 bits
const ID_CHARS = 26; // 128 bits in base32
const MAC_CHARS = 16; // 80 bits in base32
const MAX_LOCAL_PART = 64; // RFC 5321
const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const slugPattern = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** The reply address of a request. A slug that would make the local part too long is left out. */
export function replyAddress(input: ReplyAddressInput): string {
  const { secret, requestId, domain, localPrefix = 'reply' } = input;
  if (!uuidPattern.test(requestId)) throw new Error(`not a uuid: ${requestId}`);
  if (input.orgSlug !== undefined && !slugPattern.test(input.orgSlug)) {
    throw new Error(`not an organization slug: ${input.orgSlug}`);
  }
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(localPrefix)) throw new Error(`bad prefix: ${localPrefix}`);
  const id = Buffer.from(requestId.replaceAll('-', ''), 'hex');
  const fits = `${localPrefix}+${input.orgSlug}.`.length + ID_CHARS + MAC_CHARS <= MAX_LOCAL_PART;
  const slug = input.orgSlug && fits ? input.orgSlug : '';
  const token = base32(id) + base32(mac(secret, id, signed(slug, input.staffUserId)));
  const local = slug ? `${localPrefix}+${slug}.${token}` : `${localPrefix}+${token}`;
  return `${local}@${domain}`;
}

/**
 * Checks a reply address (display name and angle brackets allowed) and returns its request, and
 * which of `staffUserIds` it was made for when it is a staff member's address.
 */
export function verifyReplyAddress(
  secret: string | Buffer,
  address: string,
  staffUserIds: readonly string[] = [],
): ReplyAddressCheck {
  const local = localPart(address);
  const plus = local?.indexOf('+') ?? -1;
  if (!local || plus < 1) return { ok: false, reason: 'malformed' };
  const detail = local.slice(plus + 1).toLowerCase();
  const dot = detail.lastIndexOf('.');
  const slug = dot === -1 ? '' : detail.slice(0, dot);
  const token = detail.slice(dot + 1);
  if (token.length !== ID_CHARS + MAC_CHARS || (slug && !slugPattern.test(slug))) {
    return { ok: false, reason: 'malformed' };
  }
  const id = unbase32(token.slice(0, ID_CHARS), 16);
  const given = unbase32(token.slice(ID_CHARS), MAC_BYTES);
  if (!id || !given) return { ok: false, reason: 'malformed' };
  const requestId = uuidOf(id);
  const staffUserId = [null, ...staffUserIds].find((user) =>
    timingSafeEqual(given, mac(secret, id, signed(slug, user ?? undefined))),
  );
  if (staffUserId === undefined) return { ok: false, reason: 'bad_signature' };
  return { ok: true, requestId, orgSlug: slug || null, staffUserId };
}

/** The request an address names, NOT verified: only to look up whom it might vouch for. */
export function claimedRequestId(address: string): string | undefined {
  const token = localPart(address)?.split('+')[1]?.split('.').at(-1)?.toLowerCase();
  const id =
    token && token.length === ID_CHARS + MAC_CHARS
      ? unbase32(token.slice(0, ID_CHARS), 16)
      : undefined;
  if (!id) return undefined;
  return uuidOf(id);
}

/** The canonical text of a 16-byte UUID. */
function uuidOf(id: Buffer): string {
  const hex = id.toString('hex');
  return [0, 8, 12, 16, 20].map((at, i, all) => hex.slice(at, all[i + 1])).join('-');
}

const signed = (slug: string, staffUserId: string | undefined) =>
  staffUserId ? `${slug}\u0000staff:${staffUserId}` : slug;

/** The local part of `Name <local@domain>`, `<local@domain>` or `local@domain`, unquoted. */
function localPart(address: string): string | undefined {
  const bracketed = /<([^<>]*)>\s*$/.exec(address);
  const bare = (bracketed ? bracketed[1]! : address).trim().replace(/^mailto:/i, '');
  const at = bare.lastIndexOf('@');
  if (at < 1) return undefined;
  const local = bare.slice(0, at).replace(/^"(.*)"$/, '$1');
  return /^[^\s"<>@]+$/.test(local) ? local : undefined;
}

function mac(secret: string | Buffer, id: Buffer, slug: string): Buffer {
  if (secret.length === 0) throw new Error('the reply address secret is empty');
  // A key of its own, so the shared secret's HMACs for other purposes never collide with these.
  const key = createHmac('sha256', secret).update('tend reply address').digest();
  const message = Buffer.concat([Buffer.from([VERSION]), id, Buffer.from(slug, 'utf8')]);
  return createHmac('sha256', key).update(message).digest().subarray(0, MAC_BYTES);
}

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + alphabet[(value << (5 - bits)) & 31] : out;
}

/** Decodes canonical base32 of exactly `length` bytes (unused trailing bits must be zero). */
function unbase32(text: string, length: number): Buffer | undefined {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    const digit = alphabet.indexOf(char);
    if (digit === -1) return undefined;
    value = ((value << 5) | digit) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  if (bytes.length !== length || (value & ((1 << bits) - 1)) !== 0) return undefined;
  return Buffer.from(bytes);
}
