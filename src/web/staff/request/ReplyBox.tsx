import { Alert, Button, Group, Kbd, SegmentedControl, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type RequestItem } from '../api';
import { useShortcuts } from '../shortcuts';
import { CannedPicker } from './CannedPicker';
import { problemText } from './problems';

type Visibility = 'public' | 'internal';

/**
 * The reply box: a public reply or an internal note (the box turns amber for a note), canned
 * replies, r / n to start one, Ctrl or ⌘ + Enter to send, Esc to leave.
 */
export function ReplyBox({ request }: { request: RequestItem }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [body, setBody] = useState('');
  const [status, setStatus] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const send = useMutation({
    mutationFn: () =>
      api(`/requests/${request.id}/messages`, {
        method: 'POST',
        body: { body, visibility },
      }),
    onSuccess: async () => {
      setBody('');
      setStatus(visibility === 'public' ? t('request.sent') : t('request.noted'));
      await client.invalidateQueries({ queryKey: ['requests'] });
    },
  });
  const start = (v: Visibility) => {
    setVisibility(v);
    setStatus('');
    box.current?.focus();
  };
  useShortcuts({ r: () => start('public'), n: () => start('internal') });
  const submit = () => body.trim() && !send.isPending && send.mutate();
  const insert = (text: string) => {
    const el = box.current;
    const at = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const next = body.slice(0, at) + text + body.slice(end);
    setBody(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + text.length, at + text.length);
    });
  };
  const label = visibility === 'public' ? t('request.reply') : t('request.note');
  return (
    <section aria-labelledby="reply" className="reply-box" data-visibility={visibility}>
      <Title order={2} size="h5" id="reply" ref={heading} tabIndex={-1} mb="xs">
        {label}
      </Title>
      <Group justify="space-between" align="flex-end" gap="xs">
        <SegmentedControl
          value={visibility}
          onChange={(v) => start(v as Visibility)}
          aria-label={t('request.kind')}
          data={[
            { value: 'public', label: t('request.publicReply') },
            { value: 'internal', label: t('request.internalNote') },
          ]}
        />
        <CannedPicker requestId={request.id} onPick={insert} />
      </Group>
      <Textarea
        ref={box}
        mt="xs"
        aria-label={label}
        description={visibility === 'internal' ? t('request.noteHint') : undefined}
        autosize
        minRows={5}
        maxRows={18}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            heading.current?.focus();
          }
        }}
      />
      {send.isError && (
        <Alert color="red" role="alert" mt="xs" title={t('request.errors.title')}>
          {problemText(send.error, t, i18n.language)}
        </Alert>
      )}
      <Group mt="xs" justify="space-between">
        <Text size="xs" c="dimmed">
          <Kbd size="xs">{t('shortcuts.keys.ctrlEnter')}</Kbd> {t('shortcuts.actions.send')}
        </Text>
        <Group gap="sm">
          <Text size="sm" role="status">
            {status}
          </Text>
          <Button
            disabled={!body.trim()}
            loading={send.isPending}
            color={visibility === 'internal' ? 'yellow.8' : undefined}
            onClick={submit}
          >
            {visibility === 'public' ? t('request.sendReply') : t('request.addNote')}
          </Button>
        </Group>
      </Group>
    </section>
  );
}
