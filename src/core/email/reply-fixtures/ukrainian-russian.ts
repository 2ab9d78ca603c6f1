import type { ReplyFixture } from './english';

/** Replies written in Ukrainian and Russian clients. */
export const ukrainianRussianReplies: ReplyFixture[] = [
  {
    name: 'Ukrainian Gmail, "пише:"',
    input: `Дякую, четвер мені підходить.

вт, 3 лист. 2026 р. о 10:00 Продовольчий банк <reply+abc@mail.tend.example> пише:
> Доброго дня! Чи можете ви прийти в четвер?
`,
    visible: 'Дякую, четвер мені підходить.',
    quoted: true,
    signatureRemoved: false,
  },
  {
    name: 'Ukrainian Thunderbird, "написав(ла):", bottom-posted',
    input: `03.11.2026 10:00, Продовольчий банк написав(ла):
> Чи можете ви прийти в четвер?

Так, прийду зранку.

Оксана Ґудзь
`,
    visible: 'Так, прийду зранку.\n\nОксана Ґудзь',
    quoted: true,
    signatureRemoved: false,
  },
  {
    name: 'Ukrainian Outlook, Від/Надіслано/Кому/Тема, sent from an iPhone',
    input: `Документи принесу завтра.

Надіслано з iPhone

________________________________
Від: Tend підтримка <pidtrymka@tend.example>
Надіслано: 3 листопада 2026 р. 10:00
Кому: Оксана Ґудзь <oksana@example.ua>
Тема: [R-1042] Бракує документів
`,
    visible: 'Документи принесу завтра.',
    quoted: true,
    signatureRemoved: true,
  },
  {
    name: 'Ukrainian Gmail wrapped over two lines',
    input: `Так, адреса та сама.

вт, 3 лист. 2026 р. о 10:00 Координаційна команда волонтерів продовольчого банку <
volontery@bank.example> пише:
> Чи можете ви підтвердити адресу?
`,
    visible: 'Так, адреса та сама.',
    quoted: true,
    signatureRemoved: false,
  },
  {
    name: 'Russian Yandex, "пишет:"',
    input: `Спасибо, в четверг удобно.

03.11.2026, 10:00, "Продовольственный банк" <bank@example.org> пишет:
> Сможете прийти в четверг?
`,
    visible: 'Спасибо, в четверг удобно.',
    quoted: true,
    signatureRemoved: false,
  },
  {
    name: 'Russian Gmail, no verb after the address',
    input: `Да, адрес тот же.

Отправлено с iPhone

вт, 3 нояб. 2026 г. в 10:00, Продовольственный банк <bank@example.org>:
> Подтвердите адрес, пожалуйста.
`,
    visible: 'Да, адрес тот же.',
    quoted: true,
    signatureRemoved: true,
  },
];
