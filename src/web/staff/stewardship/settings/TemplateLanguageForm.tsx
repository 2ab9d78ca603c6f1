import {
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { thanksLanguages } from '../../../../shared/gifts';
import { languageName } from '../../../format';
import { ConfirmButton, ErrorNote, SavedNote } from '../../settings/ui';
import { ApiError, keys, mergeFields, send, useFormKey, type ThanksTemplate } from '../api';
import { fieldProblem } from '../problems';

type Preview = { subject: string; text: string; builtIn: boolean };

/** One language of a thank-you template: method, subject, body, merge fields, live preview. */
export function TemplateLanguageForm(props: {
  name: string;
  isNew: boolean;
  language: (typeof thanksLanguages)[number];
  saved?: ThanksTemplate;
  giftId: string | null;
  readOnly: boolean;
  onReload: () => Promise<void>;
  /** The template in the languages already written: a new language can start from one. */
  written: ThanksTemplate[];
}) {
  const { t, i18n } = useTranslation('stewardship');
  const { saved, language, readOnly } = props;
  const client = useQueryClient();
  const navigate = useNavigate();
  const [method, setMethod] = useState<'email' | 'letter'>(saved?.method ?? 'email');
  const [subject, setSubject] = useState(saved?.subject ?? '');
  const [body, setBody] = useState(saved?.body ?? '');
  const [justSaved, setJustSaved] = useState(false);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const last = useRef<'subject' | 'body'>('body');
  const key = useFormKey();
  const lang = languageName(language, i18n.language, false);
  const save = useMutation({
    mutationFn: () =>
      saved
        ? send<ThanksTemplate>(`/thanks-templates/${saved.id}`, {
            method: 'PATCH',
            version: saved.version,
            body: { method, subject, body },
          })
        : send<ThanksTemplate>('/thanks-templates', {
            method: 'POST',
            key,
            body: { name: props.name, language, method, subject, body },
          }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.templates });
      setJustSaved(true);
      if (props.isNew)
        await navigate(`/settings/templates/${encodeURIComponent(props.name)}`, { replace: true });
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      send(`/thanks-templates/${saved!.id}`, { method: 'DELETE', version: saved!.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.templates }),
  });
  const [draft] = useDebouncedValue({ subject, body }, 400);
  const preview = useQuery({
    queryKey: ['stewardship', 'template-preview', props.giftId, language, method, draft],
    queryFn: () =>
      send<Preview>('/thanks-templates/preview', {
        method: 'POST',
        body: { giftId: props.giftId, language, method, ...draft },
      }),
    enabled: Boolean(props.giftId && draft.subject.trim() && draft.body.trim()),
    retry: false,
    placeholderData: (previous) => previous,
  });
  const insert = (field: string) => {
    const token = `{{${field}}}`;
    const [value, set, el] =
      last.current === 'subject'
        ? [subject, setSubject, subjectRef.current]
        : [body, setBody, bodyRef.current];
    const at = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? at;
    set(value.slice(0, at) + token + value.slice(end));
    setJustSaved(false);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  // A 422 for an unknown merge field names the field it is in: shown there.
  const problem = (path: string) =>
    fieldProblem(save.error, path) ?? fieldProblem(preview.error, path);
  const dirty =
    !saved || saved.method !== method || saved.subject !== subject || saved.body !== body;
  const ok = props.name && subject.trim() && body.trim();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) save.mutate();
        }}
      >
        <Stack gap="sm" lang={language}>
          <NativeSelect
            label={t('templates.method')}
            value={method}
            disabled={readOnly}
            data={(['email', 'letter'] as const).map((m) => ({
              value: m,
              label: t(`templates.methods.${m}`),
            }))}
            onChange={(e) => {
              setMethod(e.currentTarget.value as 'email' | 'letter');
              setJustSaved(false);
            }}
          />
          <TextInput
            ref={subjectRef}
            label={t('templates.subject', { language: lang })}
            required
            maxLength={300}
            readOnly={readOnly}
            value={subject}
            error={problem('subject')}
            onFocus={() => (last.current = 'subject')}
            onChange={(e) => {
              setSubject(e.currentTarget.value);
              setJustSaved(false);
            }}
          />
          <Textarea
            ref={bodyRef}
            label={t('templates.body', { language: lang })}
            required
            autosize
            minRows={8}
            maxLength={20_000}
            readOnly={readOnly}
            value={body}
            error={problem('body')}
            onFocus={() => (last.current = 'body')}
            onChange={(e) => {
              setBody(e.currentTarget.value);
              setJustSaved(false);
            }}
          />
          {!readOnly && !saved && !subject && !body && props.written.length > 0 && (
            <Group gap="xs">
              {props.written.map((w) => (
                <Button
                  key={w.id}
                  size="xs"
                  variant="default"
                  onClick={() => {
                    setMethod(w.method);
                    setSubject(w.subject);
                    setBody(w.body);
                  }}
                >
                  {t('templates.startFrom', {
                    language: languageName(w.language, i18n.language, false),
                  })}
                </Button>
              ))}
            </Group>
          )}
          {!readOnly && (
            <div role="group" aria-labelledby={`merge-${language}`}>
              <Text size="sm" fw={500} id={`merge-${language}`}>
                {t('templates.mergeFields')}
              </Text>
              <Group gap={4} mt={4}>
                {mergeFields.map((f) => (
                  <Button
                    key={f}
                    size="compact-xs"
                    variant="light"
                    tt="none"
                    onClick={() => insert(f)}
                    aria-label={t('templates.insert', {
                      field: `{{${f}}}`,
                      meaning: t(`templates.fields.${f}`),
                    })}
                    title={t(`templates.fields.${f}`)}
                  >
                    {`{{${f}}}`}
                  </Button>
                ))}
              </Group>
            </div>
          )}
          {!readOnly && (
            <Group>
              <Button type="submit" loading={save.isPending} disabled={!ok || !dirty}>
                {t('templates.save', { language: lang })}
              </Button>
              {saved && (
                <ConfirmButton
                  label={t('templates.deleteLanguage', { language: lang })}
                  title={t('templates.deleteTitle', { name: props.name, language: lang })}
                  message={t('templates.deleteMessage')}
                  confirm={t('delete')}
                  onConfirm={() => remove.mutate()}
                />
              )}
              <SavedNote show={justSaved && !dirty} />
            </Group>
          )}
          <ErrorNote error={save.error ?? remove.error} />
          {save.error instanceof ApiError && save.error.code === 'precondition_failed' && (
            <Button variant="default" w="fit-content" onClick={() => void props.onReload()}>
              {t('reload')}
            </Button>
          )}
        </Stack>
      </form>
      <Card withBorder component="section" aria-labelledby={`preview-${language}`} bg="gray.0">
        <Title order={2} size="h5" id={`preview-${language}`} mb="xs">
          {t('templates.preview')}
        </Title>
        {!props.giftId ? (
          <Text size="sm">{t('templates.noGifts')}</Text>
        ) : preview.isError ? (
          <ErrorNote error={preview.error} />
        ) : preview.data ? (
          <Stack
            gap="xs"
            lang={language}
            data-testid="template-preview"
            data-stale={String(
              preview.isPlaceholderData || draft.body !== body || draft.subject !== subject,
            )}
          >
            <Text fw={600}>{preview.data.subject}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{preview.data.text}</Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('templates.previewEmpty')}
          </Text>
        )}
      </Card>
    </SimpleGrid>
  );
}
