/** A reply as a client sent it, and what `visibleReply` should make of it. */
export type ReplyFixture = {
  name: string;
  input: string;
  visible: string;
  quoted: boolean;
  signatureRemoved: boolean;
};

/** Replies written in English clients: Gmail, Apple Mail, Thunderbird, mobile. */
export const englishReplies: ReplyFixture[] = [
  {
    name: 'Gmail, top-posted, one attribution line',
    input: `Thank you, Thursday at 2pm works for me.

On Tue, 3 Nov 2026 at 10:00, Vilnius Food Bank <reply+abc@mail.tend.example> wrote:
> Hello Ana,
>
> Can you collect the parcel on Thursday?
`,
    visible: 'Thank you, Thursday at 2pm works for me.',
    quoted: true,
    signatureRemoved: false,
  },
  {
    name: 'Gmail, attribution wrapped over two lines',
    input: `Yes, the address is still the same.

On Tue, 3 Nov 2026 at 10:00, Vilnius Food Bank Volunteers Coordination Team <
reply+abc@mail.tend.example> wrote:

> Could you confirm your address?
`,
    visible: 'Yes, the address is still the same.',
    quoted: true,
    signatureRemoved: false,
  },
  {
    name: 'Apple Mail on an iPhone',
    input: `I will bring the documents tomorrow.

Sent from my iPhone

> On 3 Nov 2026, at 10:00, Tend Support <support@tend.example> wrote:
>
> Please bring your ID.
`,
    visible: 'I will bring the documents tomorrow.',
    quoted: true,
    signatureRemoved: true,
  },
  {
    name: 'Apple Mail on a Mac, unquoted attribution',
    input: `Great, see you then.
Ana

On 3 Nov 2026, at 10:00, Tend Support <support@tend.example> wrote:

> See you on Thursday.
`,
    visible: 'Great, see you then.\nAna',
    quoted: true,
    signatureRemoved: false,
  },
  {
    name: 'Thunderbird, bottom-posted under the quote',
    input: `On 03/11/2026 10:00, Tend Support wrote:
> Can you come on Thursday?

Yes, I can come on Thursday morning.

--
Ana Pérez
+370 600 00000
`,
    visible: 'Yes, I can come on Thursday morning.',
    quoted: true,
    signatureRemoved: true,
  },
  {
    name: 'inline answers between quoted lines',
    input: `> Can you come on Thursday?
Yes.

> Will you bring your ID?
>> (an older question)
Of course.
`,
    visible: 'Yes.\n\nOf course.',
    quoted: true,
    signatureRemoved: false,
  },
  {
    name: 'RFC 3676 signature separator with its space, and CRLF line endings',
    input: 'The form is attached.\r\n\r\n-- \r\nRūta Kazlauskienė\r\nVolunteer, Kaunas\r\n',
    visible: 'The form is attached.',
    quoted: false,
    signatureRemoved: true,
  },
  {
    name: 'only quoted content: returned whole',
    input: `
On Tue, 3 Nov 2026 at 10:00, Tend Support <support@tend.example> wrote:
> Your request R-1042 is solved.
`,
    visible:
      'On Tue, 3 Nov 2026 at 10:00, Tend Support <support@tend.example> wrote:\n> Your request R-1042 is solved.',
    quoted: false,
    signatureRemoved: false,
  },
];
