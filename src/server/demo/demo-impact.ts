import type { ImpactUpdateInput } from '../../shared/schemas/impact';

/** Which demo fund a program's gifts go to (demo-giving.ts makes them). */
export type DemoFundKey = 'shelter' | 'food' | 'homework';

/** An impact update of the demo, its period given in whole months before this one. */
export type DemoUpdate = Omit<ImpactUpdateInput, 'periodFrom' | 'periodTo'> & {
  /**
   * The period: from the first day of `from` months ago to the last day of `to` months ago, or
   * the last December to February that is over.
   */
  months: { from: number; to: number } | 'last-winter';
};

/** A demo program with its restricted fund and what it has told its donors. */
export type DemoProgram = {
  name: string;
  description: string;
  fund: { key: DemoFundKey; name: string; description: string };
  updates: DemoUpdate[];
};

/**
 * The demo's three programs, each with a restricted fund and impact updates written in English
 * and translated into the other languages donors read (es, lt, uk), figures labelled in each.
 */
export const demoPrograms: DemoProgram[] = [
  {
    name: 'Emergency housing',
    description: 'A warm bed, a hot meal and advice for people who have lost their home.',
    fund: {
      key: 'shelter',
      name: 'Winter shelter fund',
      description: 'Beds, bedding and night staff at the winter shelter.',
    },
    updates: [
      {
        months: 'last-winter',
        language: 'en',
        title: 'A winter of warm beds',
        story:
          'When the nights dropped below freezing, the shelter stayed open every night, with extra beds in the hall.\n\nOlena came to us with her two children after a fire. Three months later they moved into a flat of their own, with furniture from our thrift shop.',
        figures: [
          { label: 'people sheltered', value: 148 },
          { label: 'nights in a warm bed', value: 3120 },
          { label: 'moved into a stable home', value: 41 },
        ],
        translations: {
          es: {
            title: 'Un invierno de camas calientes',
            story:
              'Cuando las noches bajaron de cero, el albergue abrió todas las noches, con camas adicionales en el salón.\n\nOlena llegó con sus dos hijos después de un incendio. Tres meses después se mudaron a un piso propio, con muebles de nuestra tienda solidaria.',
            figureLabels: [
              'personas alojadas',
              'noches en una cama caliente',
              'con un hogar estable',
            ],
          },
          lt: {
            title: 'Žiema šiltose lovose',
            story:
              'Kai naktimis spaudė šaltis, nakvynės namai buvo atviri kiekvieną naktį, o salėje stovėjo papildomos lovos.\n\nOlena atėjo pas mus su dviem vaikais po gaisro. Po trijų mėnesių jie įsikūrė savo bute su baldais iš mūsų labdaros parduotuvės.',
            figureLabels: [
              'žmonės gavo nakvynę',
              'nakvynės šiltoje lovoje',
              'persikėlė į pastovius namus',
            ],
          },
          uk: {
            title: 'Зима в теплих ліжках',
            story:
              'Коли вночі вдарили морози, притулок працював щоночі, а в залі стояли додаткові ліжка.\n\nОлена прийшла до нас із двома дітьми після пожежі. За три місяці вони переїхали до власної квартири з меблями з нашого благодійного магазину.',
            figureLabels: [
              'людей отримали прихисток',
              'ночей у теплому ліжку',
              'переїхали до сталого житла',
            ],
          },
        },
      },
      {
        months: { from: 3, to: 1 },
        language: 'en',
        title: 'Getting the shelter ready',
        story:
          'Volunteers repainted the dormitories and we bought forty new mattresses with your gifts. Our advice desk helped families keep their homes.',
        figures: [
          { label: 'new mattresses', value: 40 },
          { label: 'evictions prevented', value: 17 },
        ],
        translations: {
          es: {
            title: 'Preparando el albergue',
            story:
              'Los voluntarios pintaron los dormitorios y compramos cuarenta colchones nuevos con sus donativos. Nuestro servicio de asesoría ayudó a familias a conservar su hogar.',
            figureLabels: ['colchones nuevos', 'desahucios evitados'],
          },
          lt: {
            title: 'Ruošiame nakvynės namus',
            story:
              'Savanoriai perdažė miegamuosius, o už jūsų dovanas nupirkome keturiasdešimt naujų čiužinių. Mūsų konsultantai padėjo šeimoms išsaugoti būstą.',
            figureLabels: ['nauji čiužiniai', 'išvengta iškeldinimų'],
          },
          uk: {
            title: 'Готуємо притулок',
            story:
              'Волонтери пофарбували спальні, а на ваші пожертви ми купили сорок нових матраців. Наші консультанти допомогли родинам зберегти житло.',
            figureLabels: ['нових матраців', 'виселень відвернуто'],
          },
        },
      },
    ],
  },
  {
    name: 'Food bank',
    description: 'Weekly food parcels for families, and baby food and formula when it is needed.',
    fund: {
      key: 'food',
      name: 'Food parcels fund',
      description: 'Food bought for the weekly parcels, and the van that delivers them.',
    },
    updates: [
      {
        months: { from: 6, to: 4 },
        language: 'en',
        title: 'Three months of food parcels',
        story:
          'Every Thursday the van went out with parcels for families who cannot get to us. A local bakery gave its bread, so every parcel had fresh bread in it.',
        figures: [
          { label: 'food parcels', value: 2310 },
          { label: 'families fed', value: 412 },
          { label: 'food rescued', value: 6.4, unit: 'tonnes' },
        ],
        translations: {
          es: {
            title: 'Tres meses de paquetes de comida',
            story:
              'Cada jueves la furgoneta repartió paquetes a familias que no pueden venir. Una panadería del barrio donó su pan, así que cada paquete llevó pan fresco.',
            figureLabels: ['paquetes de comida', 'familias alimentadas', 'alimentos rescatados'],
          },
          lt: {
            title: 'Trys mėnesiai maisto paketų',
            story:
              'Kiekvieną ketvirtadienį furgonas išvežiojo paketus šeimoms, kurios negali atvykti pas mus. Vietinė kepykla dovanojo duoną, tad kiekviename pakete buvo šviežios duonos.',
            figureLabels: ['maisto paketai', 'pamaitintos šeimos', 'išgelbėta maisto'],
          },
          uk: {
            title: 'Три місяці продуктових наборів',
            story:
              'Щочетверга фургон розвозив набори родинам, які не можуть дістатися до нас. Місцева пекарня передала свій хліб, тож у кожному наборі був свіжий хліб.',
            figureLabels: ['продуктових наборів', 'родин нагодовано', 'врятовано продуктів'],
          },
        },
      },
      {
        months: { from: 2, to: 1 },
        language: 'en',
        title: 'Baby food for every family who asked',
        story:
          'Formula and baby food are the first things to run out. This time, thanks to the food parcels fund, no family who asked went home without them.',
        figures: [
          { label: 'families with babies helped', value: 86 },
          { label: 'tins of formula', value: 540 },
        ],
        translations: {
          es: {
            title: 'Comida infantil para cada familia que la pidió',
            story:
              'La leche de fórmula y la comida infantil son lo primero que se agota. Esta vez, gracias al fondo de paquetes de comida, ninguna familia que la pidió se fue sin ella.',
            figureLabels: ['familias con bebés atendidas', 'latas de leche de fórmula'],
          },
          lt: {
            title: 'Kūdikių maistas kiekvienai paprašiusiai šeimai',
            story:
              'Mišinukai ir kūdikių maistas baigiasi pirmiausia. Šį kartą maisto paketų fondo dėka nė viena paprašiusi šeima neišėjo be jų.',
            figureLabels: ['šeimos su kūdikiais', 'mišinuko skardinės'],
          },
          uk: {
            title: 'Дитяче харчування кожній родині, яка попросила',
            story:
              'Суміш і дитяче харчування закінчуються першими. Цього разу завдяки фонду продуктових наборів жодна родина, яка попросила, не пішла без них.',
            figureLabels: ['родин із немовлятами', 'банок суміші'],
          },
        },
      },
    ],
  },
  {
    name: 'Homework club',
    description: 'Help with homework, a snack and a quiet place to learn after school.',
    fund: {
      key: 'homework',
      name: 'Homework club fund',
      description: 'Tutors, books and snacks for the after-school club.',
    },
    updates: [
      {
        months: { from: 5, to: 1 },
        language: 'en',
        title: 'Every child passed their year',
        story:
          'Thirty-two children came to the club at least twice a week, with twelve volunteer tutors. Every one of them moved up a year at school.',
        figures: [
          { label: 'children in the club', value: 32 },
          { label: 'tutoring hours', value: 1240 },
        ],
        translations: {
          es: {
            title: 'Todos los niños aprobaron el curso',
            story:
              'Treinta y dos niños vinieron al club al menos dos veces por semana, con doce tutores voluntarios. Todos pasaron de curso.',
            figureLabels: ['niños en el club', 'horas de tutoría'],
          },
          lt: {
            title: 'Visi vaikai perėjo į kitą klasę',
            story:
              'Trisdešimt du vaikai lankė klubą bent du kartus per savaitę, jiems padėjo dvylika savanorių korepetitorių. Visi perėjo į kitą klasę.',
            figureLabels: ['vaikai klube', 'korepetavimo valandos'],
          },
          uk: {
            title: 'Усі діти перейшли до наступного класу',
            story:
              'Тридцять двоє дітей приходили до клубу щонайменше двічі на тиждень, їм допомагали дванадцять волонтерів-репетиторів. Усі перейшли до наступного класу.',
            figureLabels: ['дітей у клубі', 'годин занять'],
          },
        },
      },
    ],
  },
];
