/** Given and family names in the four languages Tend ships in, for demo and benchmark data. */
export const namesByLanguage = {
  en: {
    given: ['Emma', 'Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Noah', 'Grace', 'Jack', 'Sophie', 'Thomas', 'Lily', 'James', 'Ruth', 'Daniel'],
    family: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green'],
  },
  es: {
    given: ['Lucía', 'Hugo', 'Sofía', 'Martín', 'María', 'Mateo', 'Paula', 'Álvaro', 'Valeria', 'Pablo', 'Irene', 'Andrés', 'Inés', 'Javier', 'Nuria', 'José'],
    family: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Muñoz', 'Álvarez'],
  },
  lt: {
    given: ['Šarūnas', 'Rūta', 'Jonas', 'Eglė', 'Mantas', 'Gintarė', 'Tomas', 'Aušra', 'Žygimantas', 'Vaida', 'Paulius', 'Ieva', 'Mindaugas', 'Dalia', 'Lukas', 'Austėja'],
    family: ['Kazlauskas', 'Jankauskas', 'Petrauskas', 'Stankevičius', 'Vasiliauskas', 'Žukauskas', 'Butkus', 'Paulauskas', 'Urbonas', 'Kavaliauskas', 'Baranauskas', 'Navickas', 'Šimkus', 'Ramanauskas', 'Žemaitis', 'Mockus'],
  },
  uk: {
    given: ['Олександр', 'Оксана', 'Андрій', 'Юлія', 'Дмитро', 'Наталія', 'Сергій', 'Ірина', 'Григорій', 'Мар’яна', 'Тарас', 'Олена', 'Богдан', 'Світлана', 'Василь', 'Катерина'],
    family: ['Коваленко', 'Шевченко', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Олійник', 'Шевчук', 'Поліщук', 'Бойко', 'Мельник', 'Григоренко', 'Лисенко', 'Руденко', 'Савченко', 'Петренко', 'Мороз'],
  },
} as const;

/** The demo languages. */
export type DemoLanguage = keyof typeof namesByLanguage;

/** Organizations that give, by type. */
export const organizationNames = {
  foundation: ['Northern Light Foundation', 'Fundación Esperanza', 'Gerumo fondas', 'Фонд Відродження'],
  company: ['Baltic Bakery Ltd', 'Panadería Sol', 'UAB Žalias kelias', 'ТОВ Добробут'],
  government: ['City Social Services', 'Ayuntamiento de Vigo', 'Vilniaus miesto savivaldybė', 'Київська міська рада'],
  community_group: ['Riverside Residents', 'Asociación Vecinal Norte', 'Bendruomenė Šilas', 'Громада Подолу'],
  other: ['St. Anne’s Parish', 'Club Deportivo Unión', 'Skautų draugovė', 'Спілка волонтерів'],
} as const;
