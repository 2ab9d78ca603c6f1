import { donationTemplates } from './donations';
import { impactTemplates } from './impact';
import { en as thanksEn } from './thanks/en';
import type { Catalog } from './types';

const days = { one: '# day', other: '# days' };

/** English. */
export const en: Catalog = {
  dateTime: { dateStyle: 'full', timeStyle: 'short' },
  templates: {
    ...thanksEn.templates,
    ...donationTemplates('en'),
    ...impactTemplates('en'),
    request_received: (d, f) => ({
      subject: `[${d.reference}] We received your request: ${d.subject}`,
      paragraphs: [
        { parts: [d.requesterName ? `Hello ${d.requesterName},` : 'Hello,'] },
        {
          parts: [
            `Thank you for contacting ${d.organizationName}. We have received your request “${d.subject}” and given it the reference ${d.reference}.`,
          ],
        },
        {
          parts: [
            d.promisedBy
              ? f.sentence(
                  `We will send you a first response by ${f.when(d.promisedBy, d.timeZone)}`,
                )
              : 'We will reply as soon as we can.',
          ],
        },
        {
          parts: [
            'To add anything — more details, a document or a photo — simply reply to this email. Your reply will be added to your request.',
          ],
        },
        ...(d.portalLink
          ? [{ parts: ['Follow your request online: ', { href: d.portalLink }] }]
          : []),
        { parts: [`Kind regards,\n${d.organizationName}`] },
      ],
    }),
    staff_reply: (d) => ({
      subject: `[${d.reference}] ${d.subject}`,
      paragraphs: [
        { parts: [d.replyText.trim()] },
        { parts: [`${d.agentName}\n${d.organizationName}`] },
        {
          parts: [`Reference: ${d.reference}. To answer, simply reply to this email.`],
          muted: true,
        },
        ...(d.portalLink
          ? [{ parts: ['Follow your request online: ', { href: d.portalLink }], muted: true }]
          : []),
      ],
    }),
    request_solved: (d, f) => ({
      subject: `[${d.reference}] Your request has been solved: ${d.subject}`,
      paragraphs: [
        { parts: [d.requesterName ? `Hello ${d.requesterName},` : 'Hello,'] },
        { parts: [`We have marked your request “${d.subject}” (${d.reference}) as solved.`] },
        {
          parts: [
            `If something is still not right, reply to this email within ${f.count(d.reopenDays, days)} and we will reopen it. After that, a reply will start a new request.`,
          ],
        },
        { parts: [`Kind regards,\n${d.organizationName}`] },
      ],
    }),
    requester_wrote: (d) => ({
      subject: `[${d.reference}] ${d.requesterName} wrote: ${d.subject}`,
      paragraphs: [
        { parts: [d.text.trim()] },
        { parts: [`Open it in Tend: `, { href: d.link }] },
        {
          parts: [
            'Reply to this email to answer them: your reply goes out from the organization, in the same conversation.',
          ],
          muted: true,
        },
      ],
    }),
    team_line_alert: (d, f) => ({
      subject: `[${d.teamName}] ${f.count(d.waiting, { one: '# person waiting', other: '# people waiting' })} (threshold ${d.threshold})`,
      paragraphs: [
        {
          parts: [
            `${f.count(d.waiting, { one: '# person is', other: '# people are' })} waiting for a first response in the ${d.teamName} line. The alert threshold is ${d.threshold}.`,
          ],
        },
        { parts: ['Could someone open another window? The line: ', { href: d.link }] },
      ],
    }),
    portal_sign_in: (d, f) => ({
      subject: `Your sign-in link for ${d.organizationName}`,
      paragraphs: [
        { parts: ['Hello,'] },
        {
          parts: [
            `Use this link to sign in to the ${d.organizationName} portal:\n`,
            { href: d.link, label: 'Sign in' },
          ],
        },
        {
          parts: [
            `The link expires in ${f.count(d.expiresInMinutes, { one: '# minute', other: '# minutes' })}.`,
          ],
        },
        { parts: ['If you did not ask to sign in, you can ignore this email.'], muted: true },
      ],
    }),
  },
};
