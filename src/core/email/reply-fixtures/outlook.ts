import type { ReplyFixture } from './english';

/** Replies from English Outlook, and texts that only look like quote markers. */
export const outlookReplies: ReplyFixture[] = [
  {
    name: 'Outlook desktop, Original Message separator',
    input: `Hi,

The delivery did not arrive yet.

Regards,
John

-----Original Message-----
From: Tend Support <support@tend.example>
Sent: Tuesday, November 3, 2026 10:00 AM
To: John Smith <john@example.org>
Subject: [R-1042] Food parcel delivery

Your parcel is on its way.
`,
    visible: 'Hi,\n\nThe delivery did not arrive yet.\n\nRegards,\nJohn',
    quoted: true,
    signatureRemoved: false,
  },
  {
    name: 'Outlook on the web, underscore rule and header block',
    input: `Please call me after 5pm.

Get Outlook for Android
________________________________
From: Tend Support <support@tend.example>
Sent: Tuesday, November 3, 2026 10:00:00 AM
To: John Smith <john@example.org>
Subject: [R-1042] Food parcel delivery

When can we call you?
`,
    visible: 'Please call me after 5pm.',
    quoted: true,
    signatureRemoved: true,
  },
  {
    name: 'Outlook plain text with bold header names and no separator',
    input: `Confirmed.

*From:* Tend Support <support@tend.example>
*Sent:* Tuesday, November 3, 2026 10:00
*To:* John Smith <john@example.org>
*Subject:* [R-1042] Food parcel delivery
`,
    visible: 'Confirmed.',
    quoted: true,
    signatureRemoved: false,
  },
  {
    name: 'sentences that only look like markers stay',
    input: `As my neighbour wrote: we need two parcels this week.
From: the family at 12 Pylimo street.
Sent to you twice already.`,
    visible: `As my neighbour wrote: we need two parcels this week.
From: the family at 12 Pylimo street.
Sent to you twice already.`,
    quoted: false,
    signatureRemoved: false,
  },
  {
    name: 'a forwarded message is content, not history',
    input: `Please see the letter from the landlord below.

---------- Forwarded message ---------
From: Landlord <landlord@example.org>
Date: Mon, 2 Nov 2026 at 09:00
Subject: Rent
To: Ana <ana@example.org>

The rent is due on Friday.
`,
    visible: `Please see the letter from the landlord below.

---------- Forwarded message ---------
From: Landlord <landlord@example.org>
Date: Mon, 2 Nov 2026 at 09:00
Subject: Rent
To: Ana <ana@example.org>

The rent is due on Friday.`,
    quoted: false,
    signatureRemoved: false,
  },
];
