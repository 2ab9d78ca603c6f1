import type { AddressObject, HeaderValue, StructuredHeader } from 'mailparser';

/** A mailbox as a header names it; `name` is '' when the header gave none. */
export type MailAddress = { address: string; name: string };

/** Whether a parsed header is a value with parameters, like Content-Type. */
export function isStructured(value: HeaderValue | undefined): value is StructuredHeader {
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return false;
  const candidate = value as Partial<StructuredHeader>;
  return typeof candidate.value === 'string' && typeof candidate.params === 'object';
}

/** A parsed header as text: strings as they are, structured values without their parameters. */
export function headerText(value: HeaderValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const parts = (value as HeaderValue[]).map((v) => headerText(v)).filter((v) => v !== undefined);
    return parts.length > 0 ? parts.join(' ') : undefined;
  }
  return isStructured(value) ? value.value : undefined;
}

/** The mailboxes of an address header, groups expanded, entries without an address dropped. */
export function addresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const all = (Array.isArray(value) ? value : value ? [value] : []).flatMap((o) => o.value);
  return all
    .flatMap((entry) => entry.group ?? [entry])
    .filter((entry) => !!entry.address?.trim())
    .map((entry) => ({ address: entry.address!.trim(), name: entry.name.trim() }));
}

/** The `<id>` tokens of a Message-ID, In-Reply-To or References value, brackets kept. */
export function messageIds(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  const bracketed = text.match(/<[^<>\s]+>/g);
  if (bracketed) return bracketed;
  return text
    .split(/\s+/)
    .filter((id) => id.includes('@'))
    .map((id) => `<${id}>`);
}
