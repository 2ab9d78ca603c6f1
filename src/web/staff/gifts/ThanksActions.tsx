import { Button, Group, Modal, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { giftLimits } from '../../../shared/gifts';
import { api, keys, send, useFormKey, type Gift, type List } from './api';
import { ProblemNote, ThanksLanguageSelect } from './ui';

/** A thank-you template as the API answers it. */
type Template = { id: string; name: string; language: string; method: 'email' | 'letter' };
/** A template filled in for one gift. */
type Rendered = { subject: string; text: string; language: string; builtIn: boolean };
/** What sending answers: the gift, and the thank-you as written (the letter to print). */
type Sent = { gift: Gift; thanks: Rendered };

/** The three ways to thank for a gift: send the email, log the call, print the letter. */
export function ThanksActions({ gift, compact }: { gift: Gift; compact?: boolean }) {
  const { t } = useTranslation('gifts');
  const [open, setOpen] = useState<'email' | 'call' | 'letter' | null>(null);
  const size = compact ? 'xs' : 'sm';
  const who = { name: gift.contact.name };
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Button size={size} onClick={() => setOpen('email')} aria-label={t('thank.emailFor', who)}>
          {t('thank.email')}
        </Button>
        <Button
          size={size}
          variant="default"
          onClick={() => setOpen('call')}
          aria-label={t('thank.callFor', who)}
        >
          {t('thank.call')}
        </Button>
        <Button
          size={size}
          variant="default"
          onClick={() => setOpen('letter')}
          aria-label={t('thank.letterFor', who)}
        >
          {t('thank.letter')}
        </Button>
      </Group>
      <Modal
        closeButtonProps={{ 'aria-label': t('close') }}
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t(`thank.${open}Title`, who) : ''}
        size="lg"
      >
        {open === 'call' ? (
          <LogCall gift={gift} done={() => setOpen(null)} />
        ) : open ? (
          <SendWritten gift={gift} method={open} done={() => setOpen(null)} />
        ) : null}
      </Modal>
    </>
  );
}

/** Everything that shows a gift's thanks, to refetch after one is given. */
async function refresh(client: ReturnType<typeof useQueryClient>, gift: Gift) {
  await client.invalidateQueries({ queryKey: keys.gifts });
  await client.invalidateQueries({ queryKey: keys.giving(gift.contact.id) });
}

function LogCall({ gift, done }: { gift: Gift; done: () => void }) {
  const { t } = useTranslation('gifts');
  const [note, setNote] = useState('');
  const key = useFormKey();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      send<Gift>(`/gifts/${gift.id}/thanks`, {
        method: 'POST',
        key,
        body: { method: 'call', note: note.trim() || undefined },
      }),
    onSuccess: async () => {
      await refresh(client, gift);
      done();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <Textarea
          label={t('thank.callNote')}
          autosize
          minRows={3}
          maxLength={giftLimits.textMax}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-autofocus
        />
        <ProblemNote error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('thank.logCall')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The email (template, language, preview, send) or the letter (preview, print, mark sent). */
function SendWritten({
  gift,
  method,
  done,
}: {
  gift: Gift;
  method: 'email' | 'letter';
  done: () => void;
}) {
  const { t } = useTranslation('gifts');
  const [template, setTemplate] = useState('');
  const [language, setLanguage] = useState('');
  const key = useFormKey();
  const client = useQueryClient();
  const letterWindow = useRef<Window | null>(null);
  const templates = useQuery({
    queryKey: ['thanks-templates'],
    queryFn: () => api<List<Template>>('/thanks-templates?limit=200'),
    retry: false,
  });
  const choice = {
    giftId: gift.id,
    template: template || undefined,
    language: language || undefined,
    method,
  };
  const preview = useQuery({
    queryKey: ['thanks-preview', choice],
    queryFn: () => api<Rendered>('/thanks-templates/preview', { method: 'POST', body: choice }),
    retry: false,
  });
  const save = useMutation({
    mutationFn: () =>
      send<Sent>(`/gifts/${gift.id}/thanks/send`, {
        method: 'POST',
        key,
        body: { template: template || undefined, language: language || undefined, method },
      }),
    onSuccess: async (sent) => {
      // The letter is printed as recorded: the text the server wrote, not the preview.
      if (letterWindow.current) printLetter(letterWindow.current, sent.thanks, gift.contact.name);
      await refresh(client, gift);
      done();
    },
    onError: () => letterWindow.current?.close(),
  });
  // Templates are chosen by name (one per language); the language is chosen beside.
  const offered = [
    ...new Set((templates.data?.data ?? []).filter((x) => x.method === method).map((x) => x.name)),
  ].filter((name) => name !== 'default');
  return (
    <Stack>
      <Group grow align="flex-start">
        <NativeSelect
          label={t('thank.template')}
          value={template}
          data={[
            { value: '', label: t('thank.defaultTemplate') },
            ...offered.map((name) => ({ value: name, label: name })),
          ]}
          onChange={(e) => setTemplate(e.currentTarget.value)}
        />
        <ThanksLanguageSelect label={t('thank.language')} value={language} onChange={setLanguage} />
      </Group>
      <Paper withBorder p="sm" aria-label={t('thank.preview')} role="region">
        {preview.data ? (
          <>
            <Text fw={700} mb="xs">
              {preview.data.subject}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="thanks-preview">
              {preview.data.text}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {preview.isPending ? t('loading') : t('thank.noPreview')}
          </Text>
        )}
      </Paper>
      <ProblemNote error={save.error} />
      <Group>
        <Button
          loading={save.isPending}
          onClick={() => {
            if (method === 'email') return save.mutate();
            // The window opens on the click itself: a popup opened after an answer is blocked.
            letterWindow.current = window.open('', '_blank', 'width=800,height=900');
            save.mutate();
          }}
        >
          {method === 'email' ? t('thank.send') : t('thank.printAndRecord')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Opens the letter alone in a printable window (plain text, the browser's print dialog). */
function printLetter(w: Window, letter: Rendered, title: string) {
  const doc = w.document;
  doc.title = title;
  const style = doc.createElement('style');
  style.textContent =
    'body{font:12pt/1.5 Georgia,serif;margin:2.5cm;white-space:pre-wrap}@page{margin:0}';
  doc.head.appendChild(style);
  const heading = doc.createElement('h1');
  heading.style.fontSize = '14pt';
  heading.textContent = letter.subject;
  const body = doc.createElement('main');
  body.textContent = letter.text;
  doc.body.appendChild(heading);
  doc.body.appendChild(body);
  w.focus();
  w.print();
}
