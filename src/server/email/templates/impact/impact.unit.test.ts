import { describe, expect, it } from 'vitest';
import { renderEmail } from '../index';
import { impactSample } from './sample';

describe('the impact report email', () => {
  it('lists the gifts with their split, the stories and the figures, in plain text', () => {
    const email = renderEmail('impact_report', 'en', impactSample);
    expect(email.subject).toBe('What your giving made possible at Vilnius Food Bank');
    expect(email.text).toContain('Dear Ana Šimkutė,');
    expect(email.text).toContain(
      '• October 3, 2026: €100.00 — Food parcels (Food bank): €60.00; Beds (Shelter): €40.00',
    );
    expect(email.text).toContain('• November 1, 2026: €25.00 — where most needed');
    expect(email.text).toContain(
      'Food bank — Parcels for winter (October 1, 2026 – October 31, 2026)',
    );
    expect(email.text).toContain('Volunteers & drivers delivered them.');
    expect(email.text).toContain('• families fed: 42\n• food: 3.5 t');
  });

  it('escapes every value in the HTML part', () => {
    const report = impactSample.report;
    const email = renderEmail('impact_report', 'en', {
      ...impactSample,
      report: {
        ...report,
        contact: { ...report.contact, name: 'Ana <Šimkutė>' },
        programs: [
          {
            ...report.programs[0]!,
            updates: [{ ...report.programs[0]!.updates[0]!, title: 'Parcels <for> winter' }],
          },
        ],
      },
    });
    expect(email.text).toContain('Parcels <for> winter');
    expect(email.html).not.toMatch(/<for>|<Šimkutė>/);
    expect(email.html).toContain('Parcels &lt;for&gt; winter');
    expect(email.html).toContain('Volunteers &amp; drivers');
  });

  it('writes Lithuanian and Ukrainian with their dates and money', () => {
    const lt = renderEmail('impact_report', 'lt', impactSample);
    expect(lt.subject).toBe('Ką Jūsų parama įgalino nuveikti: Vilnius Food Bank');
    expect(lt.text.replace(/\s/g, ' ')).toContain('2026 m. spalio 3 d.: 100,00 €');
    expect(lt.text).toContain('kur labiausiai reikia');
    const uk = renderEmail('impact_report', 'uk', impactSample);
    expect(uk.text).toContain('Ваші пожертви');
    expect(uk.text).toContain('3 жовтня 2026');
  });
});
