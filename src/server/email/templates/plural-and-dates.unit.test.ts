import { describe, expect, it } from 'vitest';
import { renderEmail } from './index';

const alert = (language: string, waiting: number) =>
  renderEmail('team_line_alert', language, {
    teamName: 'Parcels',
    waiting,
    threshold: 10,
    link: 'https://tend.example/teams/t1/line',
  }).subject;

const solvedText = (language: string, reopenDays: number) =>
  renderEmail('request_solved', language, {
    reference: 'R-7',
    subject: 'x',
    organizationName: 'Org',
    reopenDays,
  }).text;

const received = (language: string, timeZone: string, promisedBy: Date | null) =>
  renderEmail('request_received', language, {
    reference: 'R-7',
    subject: 'x',
    organizationName: 'Org',
    promisedBy,
    timeZone,
  }).text;

const at = new Date('2026-11-24T08:58:00Z');

describe('plural forms', () => {
  it.each([
    ['en', 1, '[Parcels] 1 person waiting (threshold 10)'],
    ['en', 3, '[Parcels] 3 people waiting (threshold 10)'],
    ['es', 1, '[Parcels] 1 persona esperando (umbral: 10)'],
    ['es', 3, '[Parcels] 3 personas esperando (umbral: 10)'],
    ['lt', 1, '[Parcels] 1 žmogus laukia eilėje (riba: 10)'],
    ['lt', 3, '[Parcels] 3 žmonės laukia eilėje (riba: 10)'],
    ['lt', 10, '[Parcels] 10 žmonių laukia eilėje (riba: 10)'],
    ['lt', 21, '[Parcels] 21 žmogus laukia eilėje (riba: 10)'],
    ['uk', 1, '[Parcels] 1 людина чекає (поріг: 10)'],
    ['uk', 3, '[Parcels] 3 людини чекають (поріг: 10)'],
    ['uk', 5, '[Parcels] 5 людей чекають (поріг: 10)'],
    ['uk', 11, '[Parcels] 11 людей чекають (поріг: 10)'],
    ['uk', 22, '[Parcels] 22 людини чекають (поріг: 10)'],
  ])('%s, %i waiting: %s', (language, waiting, subject) => {
    expect(alert(language, waiting)).toBe(subject);
  });

  it('agrees the verb with the count in the body', () => {
    const body = (language: string, n: number) =>
      renderEmail('team_line_alert', language, {
        teamName: 'Parcels',
        waiting: n,
        threshold: 1,
        link: 'https://tend.example/l',
      }).text.split('\n')[0];
    expect(body('en', 1)).toMatch(/^1 person is waiting/);
    expect(body('en', 2)).toMatch(/^2 people are waiting/);
    expect(body('es', 1)).toContain('hay 1 persona esperando');
    expect(body('uk', 1)).toContain('1 людина чекає на першу відповідь');
  });

  it.each([
    ['en', 1, 'within 1 day'],
    ['en', 14, 'within 14 days'],
    ['es', 1, 'en un plazo de 1 día'],
    ['es', 7, 'en un plazo de 7 días'],
    ['lt', 1, 'per 1 dieną'],
    ['lt', 7, 'per 7 dienas'],
    ['lt', 14, 'per 14 dienų'],
    ['lt', 21, 'per 21 dieną'],
    ['uk', 1, 'протягом 1 дня'],
    ['uk', 3, 'протягом 3 днів'],
    ['uk', 14, 'протягом 14 днів'],
    ['uk', 21, 'протягом 21 дня'],
  ])('%s, a reopen window of %i days: %s', (language, days, phrase) => {
    expect(solvedText(language, days)).toContain(phrase);
  });

  it('writes sign-in expiry minutes in the right form', () => {
    const minutes = (language: string, n: number) =>
      renderEmail('portal_sign_in', language, {
        organizationName: 'Org',
        link: 'https://tend.example/s',
        expiresInMinutes: n,
      }).text;
    expect(minutes('en', 1)).toContain('expires in 1 minute.');
    expect(minutes('es', 30)).toContain('caduca dentro de 30 minutos.');
    expect(minutes('lt', 1)).toContain('galioja 1 minutę.');
    expect(minutes('lt', 15)).toContain('galioja 15 minučių.');
    expect(minutes('lt', 2)).toContain('galioja 2 minutes.');
    expect(minutes('uk', 15)).toContain('протягом 15 хвилин.');
    expect(minutes('uk', 1)).toContain('протягом 1 хвилини.');
  });
});

describe('the promised time', () => {
  it('is written in the language and in the organization time zone', () => {
    expect(received('en', 'Europe/Vilnius', at)).toContain(
      'We will send you a first response by Tuesday, November 24, 2026 at 10:58 AM.',
    );
    expect(received('es', 'Europe/Madrid', at)).toContain(
      'A más tardar el martes, 24 de noviembre de 2026, 09:58, le enviaremos una primera respuesta.',
    );
    expect(received('lt', 'Europe/Vilnius', at)).toContain(
      'Pirmąjį atsakymą atsiųsime iki 2026 m. lapkričio 24 d. 10:58.',
    );
    expect(received('uk', 'Europe/Kyiv', at)).toContain(
      'Першу відповідь ми надішлемо до 24 листопада 2026 р. о 10:58.',
    );
  });

  it('follows the regional tag for the format, without a doubled full stop', () => {
    expect(received('es-MX', 'America/Mexico_City', at)).toContain(
      'martes, 24 de noviembre de 2026, 02:58 a.m., le enviaremos',
    );
    expect(received('en-CA', 'America/Toronto', at)).toContain('at 3:58 a.m.\n');
    expect(received('en-CA', 'America/Toronto', at)).not.toContain('..');
    expect(received('en-GB', 'Europe/London', at)).toContain(
      'by Tuesday, 24 November 2026 at 08:58.',
    );
  });

  it('says the request will be answered soon when no promise applies', () => {
    expect(received('en', 'UTC', null)).toContain('We will reply as soon as we can.');
    expect(received('lt', 'UTC', null)).toContain('Atsakysime kuo greičiau.');
    expect(received('uk', 'UTC', null)).toContain('Ми відповімо якнайшвидше.');
    expect(received('es', 'UTC', null)).toContain('Le responderemos lo antes posible.');
  });
});
