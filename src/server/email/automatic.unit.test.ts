import { describe, expect, it } from 'vitest';
import { automaticReason, bounceDetails } from './automatic';
import type { AutomaticInput } from './automatic';

const mail = (
  over: Partial<AutomaticInput>,
  headers: Record<string, string> = {},
): AutomaticInput => ({
  header: (name) => headers[name],
  contentType: 'text/plain',
  reportType: undefined,
  fromAddress: 'ana@example.es',
  subject: 'Hello',
  ...over,
});

describe('automatic mail', () => {
  it("calls a person's message not automatic", () => {
    expect(automaticReason(mail({}))).toBeNull();
  });

  it('puts bounce before auto-submitted, which a bounce also carries', () => {
    const headers = { 'auto-submitted': 'auto-replied' };
    expect(automaticReason(mail({ fromAddress: 'MAILER-DAEMON@mx.example.org' }, headers))).toBe(
      'bounce',
    );
    expect(automaticReason(mail({}, headers))).toBe('auto-submitted');
  });

  it('recognizes a delivery report by its content type, whatever the sender', () => {
    const report = { contentType: 'Multipart/Report', reportType: 'Delivery-Status' };
    expect(automaticReason(mail(report))).toBe('bounce');
    expect(automaticReason(mail({ ...report, reportType: 'disposition-notification' }))).toBeNull();
  });

  it('does not count a local part that merely contains "postmaster"', () => {
    expect(automaticReason(mail({ fromAddress: 'postmaster.help@example.org' }))).toBeNull();
  });

  it('tolerates spacing and case in Auto-Submitted and Precedence', () => {
    expect(automaticReason(mail({}, { 'auto-submitted': ' Auto-Generated ' }))).toBe(
      'auto-submitted',
    );
    expect(automaticReason(mail({}, { 'auto-submitted': ' No ' }))).toBeNull();
    expect(automaticReason(mail({}, { precedence: ' BULK ' }))).toBe('auto-reply');
    expect(automaticReason(mail({}, { precedence: 'first-class' }))).toBeNull();
  });
});

describe('bounce details', () => {
  it('picks the failed recipient among several and unwraps angle brackets', () => {
    const status = [
      'Reporting-MTA: dns; mx.example.org',
      '',
      'Final-Recipient: rfc822; ok@example.org',
      'Action: delivered',
      'Status: 2.0.0',
      '',
      'Final-Recipient: RFC822; <gone@example.org>',
      'Action: failed',
      'Status: 5.1.1 (user unknown)',
    ].join('\r\n');
    expect(bounceDetails(status, undefined, '')).toEqual({
      recipient: 'gone@example.org',
      status: '5.1.1',
      hard: true,
    });
  });

  it('knows nothing when nothing says', () => {
    expect(bounceDetails(undefined, undefined, 'Sorry.')).toEqual({
      recipient: null,
      status: null,
      hard: false,
    });
  });
});
