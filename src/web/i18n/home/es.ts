import type { HomeCatalogue } from './en';

/** Español: the staff console's home pages. */
export const es: HomeCatalogue = {
  nav: 'Inicio',
  greeting: {
    morning: 'Buenos días, {{name}}',
    afternoon: 'Buenas tardes, {{name}}',
    evening: 'Buenas noches, {{name}}',
  },
  loading: 'Cargando…',
  failed: 'No se ha podido cargar: {{message}}',
  queue: { title: 'La cola de un vistazo' },
  lines: {
    title: 'Filas a la espera de una primera respuesta',
    intro:
      'Como un banco que abre otra ventanilla cuando hay tres personas en la fila: cuando una fila llega a su umbral, alguien debería echar una mano.',
    waiting_one: '{{count}} solicitud en espera',
    waiting_few: '{{count}} solicitudes en espera',
    waiting_many: '{{count}} solicitudes en espera',
    waiting_other: '{{count}} solicitudes en espera',
    threshold: 'Umbral: {{count}}',
    meter: '{{team}}: {{waiting}} en espera, umbral {{threshold}}',
    over: 'Por encima del umbral',
    overFor: 'Por encima del umbral desde hace {{time}}',
    within: 'Dentro del umbral',
    past: '{{time}} por encima del umbral en los últimos {{days}} días',
    neverOver: 'Nunca por encima del umbral en los últimos {{days}} días',
    none: 'Todavía no se ha creado ningún equipo.',
    open: 'Ver las solicitudes',
  },
  promises: {
    title: 'Promesas cumplidas hoy',
    kept_one: '{{kept}} de {{count}} promesa cumplida',
    kept_few: '{{kept}} de {{count}} promesas cumplidas',
    kept_many: '{{kept}} de {{count}} promesas cumplidas',
    kept_other: '{{kept}} de {{count}} promesas cumplidas',
    none: 'Hoy todavía no ha vencido ninguna promesa.',
    byTarget: 'Por promesa',
    broken: 'Ver las promesas incumplidas',
    dueSoon: 'Ver lo que vence pronto',
  },
};
