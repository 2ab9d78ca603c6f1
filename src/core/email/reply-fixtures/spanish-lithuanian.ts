import type { ReplyFixture } from './english';

/** Replies written in Spanish and Lithuanian clients. */
export const spanishLithuanianReplies: ReplyFixture[] = [
  {
    name: 'Spanish Gmail, "escribió:" with the address in parentheses',
    input: `Muchas gracias, el jueves me viene bien.

Enviado desde mi iPhone

El mar, 3 nov 2026 a las 10:00, Banco de Alimentos (<reply+abc@mail.tend.example>) escribió:
> Hola María, ¿puede recoger el paquete el jueves?
`,
    visible: 'Muchas gracias, el jueves me viene bien.',
    quoted: true,
    signatureRemoved: true,
  },
  {
    name: 'Spanish Gmail, attribution wrapped over two lines',
    input: `Sí, la dirección sigue siendo la misma.

El mar, 3 nov 2026 a las 10:00, Equipo de Coordinación de Voluntarios (<
voluntarios@bancodealimentos.example>) escribió:

> ¿Puede confirmar su dirección?
`,
    visible: 'Sí, la dirección sigue siendo la misma.',
    quoted: true,
    signatureRemoved: false,
  },
  {
    name: 'Spanish Outlook, De/Enviado/Para/Asunto after the rule',
    input: `Buenas tardes:

Adjunto el certificado de empadronamiento.

Un saludo,
José Muñoz

________________________________
De: Tend Soporte <soporte@tend.example>
Enviado: martes, 3 de noviembre de 2026 10:00
Para: José Muñoz <jose@example.es>
Asunto: [R-1042] Documentación pendiente

Le falta un documento.
`,
    visible: `Buenas tardes:

Adjunto el certificado de empadronamiento.

Un saludo,
José Muñoz`,
    quoted: true,
    signatureRemoved: false,
  },
  {
    name: 'Spanish Outlook, Mensaje original, and a "-- " signature',
    input: `Confirmo la cita.
-- 
Lucía Fernández
Voluntaria

-----Mensaje original-----
De: Tend Soporte <soporte@tend.example>
Enviado el: martes, 3 de noviembre de 2026 10:00
`,
    visible: 'Confirmo la cita.',
    quoted: true,
    signatureRemoved: true,
  },
  {
    name: 'Lithuanian Gmail, "rašė:"',
    input: `Labai ačiū, ketvirtadienį tinka.

2026-11-03, an, 10:00, Vilniaus maisto bankas <reply+abc@mail.tend.example> rašė:
> Laba diena, ar galite atvykti ketvirtadienį?
`,
    visible: 'Labai ačiū, ketvirtadienį tinka.',
    quoted: true,
    signatureRemoved: false,
  },
  {
    name: 'Lithuanian Outlook, Nuo/Išsiųsta/Kam/Tema, sent from an iPhone',
    input: `Dokumentus atnešiu rytoj.

Išsiųsta iš mano iPhone

Nuo: Tend pagalba <pagalba@tend.example>
Išsiųsta: 2026 m. lapkričio 3 d., antradienis 10:00
Kam: Šarūnas Žemaitis <sarunas@example.lt>
Tema: [R-1042] Trūksta dokumentų
`,
    visible: 'Dokumentus atnešiu rytoj.',
    quoted: true,
    signatureRemoved: true,
  },
  {
    name: 'Lithuanian Gmail wrapped, with the name on the second line',
    input: `Taip, adresas tas pats.

2026-11-03, an, 10:00, Vilniaus maisto banko savanorių koordinavimo komanda <
savanoriai@maistobankas.example> rašė:
> Ar galite patvirtinti adresą?
`,
    visible: 'Taip, adresas tas pats.',
    quoted: true,
    signatureRemoved: false,
  },
];
