import type { HomeCatalogue } from './en';

/** Українська: the staff console's home pages. */
export const uk: HomeCatalogue = {
  nav: 'Головна',
  greeting: {
    morning: 'Доброго ранку, {{name}}',
    afternoon: 'Добрий день, {{name}}',
    evening: 'Добрий вечір, {{name}}',
  },
  loading: 'Завантаження…',
  failed: 'Не вдалося завантажити: {{message}}',
  queue: { title: 'Черга коротко' },
  lines: {
    title: 'Черги, що чекають на першу відповідь',
    intro:
      'Як банк, що відкриває ще одне віконце, коли в черзі троє людей: коли черга сягає порогу, хтось має прийти на допомогу.',
    waiting_one: '{{count}} звернення чекає',
    waiting_few: '{{count}} звернення чекають',
    waiting_many: '{{count}} звернень чекають',
    waiting_other: '{{count}} звернення чекають',
    threshold: 'Поріг: {{count}}',
    meter: '{{team}}: чекають {{waiting}}, поріг {{threshold}}',
    over: 'Поріг перевищено',
    overFor: 'Поріг перевищено вже {{time}}',
    within: 'У межах порогу',
    past: '{{time}} понад поріг за останні {{days}} днів',
    neverOver: 'Жодного перевищення порогу за останні {{days}} днів',
    none: 'Команд ще немає.',
    open: 'Переглянути звернення',
  },
  promises: {
    title: 'Обіцянки, дотримані сьогодні',
    kept_one: 'Дотримано {{kept}} з {{count}} обіцянки',
    kept_few: 'Дотримано {{kept}} з {{count}} обіцянок',
    kept_many: 'Дотримано {{kept}} з {{count}} обіцянок',
    kept_other: 'Дотримано {{kept}} з {{count}} обіцянки',
    none: 'Сьогодні ще не настав строк жодної обіцянки.',
    byTarget: 'За видом обіцянки',
    broken: 'Переглянути порушені обіцянки',
    dueSoon: 'Переглянути, що скоро спливає',
  },
};
