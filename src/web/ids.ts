/**
 * A random key (UUID v4 shape) for Idempotency-Key headers. `crypto.randomUUID` exists only on
 * secure origins (https, localhost); a charity's Tend at http://192.168.1.10:3000 is not one,
 * `crypto.getRandomValues` works everywhere.
 */
export function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
