import { describe, expect, it } from 'vitest';
import { cleanSubject, subjectReference } from './subjects';

describe('incoming subjects', () => {
  it.each([
    ['Re: Food parcel', 'Food parcel'],
    ['RE: Fwd: Food parcel', 'Food parcel'],
    ['AW: [R-1042] Food parcel', 'Food parcel'],
    ['Ats: Maisto paketas', 'Maisto paketas'],
    ['Відп: Продуктовий набір', 'Продуктовий набір'],
    ['RV: Paquete de comida', 'Paquete de comida'],
    ['Regarding the food parcel', 'Regarding the food parcel'],
  ])('cleans %j to %j', (given, clean) => {
    expect(cleanSubject(given)).toBe(clean);
  });

  it('reads the bracketed reference only', () => {
    expect(subjectReference('Re: [R-1042] Food parcel')).toBe(1042);
    expect(subjectReference('R-1042 without brackets')).toBeUndefined();
  });
});
