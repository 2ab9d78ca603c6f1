import type { HomeCatalogue } from './en';

/** Lietuvių: the staff console's home pages. */
export const lt: HomeCatalogue = {
  nav: 'Pradžia',
  greeting: {
    morning: 'Labas rytas, {{name}}',
    afternoon: 'Laba diena, {{name}}',
    evening: 'Labas vakaras, {{name}}',
  },
  loading: 'Įkeliama…',
  failed: 'Nepavyko įkelti: {{message}}',
  queue: { title: 'Eilė trumpai' },
  lines: {
    title: 'Pirmojo atsakymo laukiančios eilės',
    intro:
      'Kaip bankas, atidarantis dar vieną langelį, kai eilėje stovi trys žmonės: kai eilė pasiekia ribą, kažkas turėtų ateiti į pagalbą.',
    waiting_one: 'Laukia {{count}} užklausa',
    waiting_few: 'Laukia {{count}} užklausos',
    waiting_many: 'Laukia {{count}} užklausos',
    waiting_other: 'Laukia {{count}} užklausų',
    threshold: 'Riba: {{count}}',
    meter: '{{team}}: laukia {{waiting}}, riba {{threshold}}',
    over: 'Viršyta riba',
    overFor: 'Riba viršyta jau {{time}}',
    within: 'Neviršija ribos',
    past: 'Per paskutines {{days}} d. riba viršyta {{time}}',
    neverOver: 'Per paskutines {{days}} d. riba neviršyta nė karto',
    none: 'Komandų dar nėra.',
    open: 'Žiūrėti užklausas',
  },
  promises: {
    title: 'Šiandien ištesėti pažadai',
    kept_one: 'Ištesėta {{kept}} iš {{count}} pažado',
    kept_few: 'Ištesėta {{kept}} iš {{count}} pažadų',
    kept_many: 'Ištesėta {{kept}} iš {{count}} pažado',
    kept_other: 'Ištesėta {{kept}} iš {{count}} pažadų',
    none: 'Šiandien dar nesuėjo nė vieno pažado terminas.',
    byTarget: 'Pagal pažadą',
    broken: 'Žiūrėti neištesėtus pažadus',
    dueSoon: 'Žiūrėti, kam netrukus baigiasi terminas',
  },
};
