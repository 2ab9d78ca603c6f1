import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { requestLimits, requestPriorities } from '../../../shared/requests';
import { api } from '../api';
import { ApiError, send, type Contact } from './api';
import { ContactPicker } from './ContactPicker';
import { contactLanguages, languageName, readableErrors } from './format';
import { newKey } from '../../ids';

type Channel = 'phone' | 'walk_in';

/**
 * Log a phone call or a walk-in as a request (/contacts/:id/log-call, or /log-call with a
 * contact picker), optionally answered there and then; opens the new request.
 */
export function LogCall() {
  const { t } = useTranslation('contacts');
  const id = useParams().id;
  const contact = useQuery({
    queryKey: ['contacts', id],
    queryFn: () => api<Contact>(`/contacts/${id}`),
    enabled: !!id,
  });
  if (id && !contact.data) return <Text>{contact.isError ? t('notFound') : t('loading')}</Text>;
  return <LogCallForm key={id ?? 'any'} fixed={contact.data ?? null} />;
}

function LogCallForm({ fixed }: { fixed: Contact | null }) {
  const { t, i18n } = useTranslation('contacts');
  const navigate = useNavigate();
  const client = useQueryClient();
  const [contact, setContact] = useState<Contact | null>(fixed);
  const [channel, setChannel] = useState<Channel>('phone');
  const [subject, setSubject] = useState('');
  const [notes, setNotes] = useState('');
  // One key for this form: a retry after a lost answer logs the call once.
  const [key] = useState(newKey);
  const [category, setCategory] = useState('');
  const [priority, setPriority] = useState<(typeof requestPriorities)[number]>('normal');
  const [language, setLanguage] = useState(fixed?.preferredLanguage ?? '');
  const [answered, setAnswered] = useState(false);
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const settings = useQuery({
    queryKey: ['desk-settings'],
    queryFn: () => api<{ categories: string[] }>('/desk-settings'),
  });

  const log = useMutation({
    mutationFn: () =>
      send<{ id: string }>('/requests/log-call', {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: {
          requesterId: contact?.id,
          channel,
          subject: subject.trim(),
          description: notes.trim(),
          category: category || undefined,
          priority,
          language: language || undefined,
          answered,
          answer: answered && answer.trim() ? answer.trim() : undefined,
        },
      }),
    onMutate: () => setErrors({}),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ['requests'] });
      await client.invalidateQueries({ queryKey: ['contacts', contact?.id] });
      void navigate(`/requests/${created.id}`);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.details.length)
        setErrors(
          Object.fromEntries(
            err.details.map((d) => [
              d.path,
              d.message.startsWith('Too small') || d.message.startsWith('Invalid input')
                ? t('errors.required')
                : d.message,
            ]),
          ),
        );
      else setErrors({ '': t('logCall.failed', { message: err.message }) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!contact) return setErrors({ requesterId: t('errors.required') });
    log.mutate();
  };
  const known = Object.keys(errors).filter((p) =>
    [
      'requesterId',
      'subject',
      'description',
      'category',
      'priority',
      'language',
      'answer',
    ].includes(p),
  );
  const other = Object.entries(errors).filter(([p]) => !known.includes(p));

  return (
    <Stack maw={760}>
      {fixed && (
        <Anchor component={Link} to={`/contacts/${fixed.id}`} size="sm">
          ← {fixed.name}
        </Anchor>
      )}
      <Title order={1} size="h3">
        {fixed ? t('logCall.titleFor', { name: fixed.name }) : t('logCall.title')}
      </Title>
      <Text c="dimmed">{t('logCall.intro')}</Text>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate style={readableErrors}>
          <Stack>
            {other.length > 0 && (
              <Alert color="red" role="alert">
                {other.map(([p, m]) => (
                  <div key={p}>{p ? `${p}: ${m}` : m}</div>
                ))}
              </Alert>
            )}
            {!fixed && (
              <div>
                <ContactPicker
                  value={contact}
                  onChange={(c) => {
                    setContact(c);
                    if (c?.preferredLanguage) setLanguage(c.preferredLanguage);
                  }}
                  error={errors.requesterId}
                />
                <Anchor component={Link} to="/contacts/new?next=log-call" size="sm">
                  {t('logCall.newContact')}
                </Anchor>
              </div>
            )}
            <Radio.Group
              label={t('logCall.channel')}
              value={channel}
              onChange={(v) => setChannel(v as Channel)}
            >
              <Group mt={6}>
                <Radio value="phone" label={t('logCall.phone')} />
                <Radio value="walk_in" label={t('logCall.walk_in')} />
              </Group>
            </Radio.Group>
            <TextInput
              label={t('logCall.subject')}
              placeholder={t('logCall.subjectPlaceholder')}
              required
              maxLength={requestLimits.subjectMax}
              value={subject}
              error={errors.subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              data-autofocus
            />
            <Textarea
              label={t('logCall.notes')}
              placeholder={t('logCall.notesPlaceholder')}
              description={t('logCall.notesVisible')}
              autosize
              minRows={4}
              maxLength={requestLimits.descriptionMax}
              value={notes}
              error={errors.description}
              onChange={(e) => setNotes(e.currentTarget.value)}
            />
            <Group grow align="flex-start">
              <NativeSelect
                label={t('logCall.category')}
                value={category}
                error={errors.category}
                onChange={(e) => setCategory(e.currentTarget.value)}
                data={[
                  { value: '', label: t('logCall.noCategory') },
                  ...(settings.data?.categories ?? []).map((c) => ({ value: c, label: c })),
                ]}
              />
              <NativeSelect
                label={t('logCall.priority')}
                value={priority}
                error={errors.priority}
                onChange={(e) => setPriority(e.currentTarget.value as typeof priority)}
                data={requestPriorities.map((p) => ({
                  value: p,
                  label: t(`priority.${p}`, { ns: 'translation' }),
                }))}
              />
              <NativeSelect
                label={t('logCall.language')}
                value={language}
                error={errors.language}
                onChange={(e) => setLanguage(e.currentTarget.value)}
                data={[
                  { value: '', label: t('form.notSet') },
                  ...[
                    ...contactLanguages,
                    ...(language && !contactLanguages.includes(language) ? [language] : []),
                  ].map((l) => ({ value: l, label: languageName(l, i18n.language) })),
                ]}
              />
            </Group>
            <Checkbox
              label={t('logCall.answered')}
              checked={answered}
              onChange={(e) => setAnswered(e.currentTarget.checked)}
            />
            {answered && (
              <Textarea
                label={t('logCall.answer')}
                description={t('logCall.answerHint')}
                autosize
                minRows={3}
                maxLength={requestLimits.messageMax}
                value={answer}
                error={errors.answer}
                onChange={(e) => setAnswer(e.currentTarget.value)}
              />
            )}
            <Group>
              <Button type="submit" loading={log.isPending}>
                {t('logCall.submit')}
              </Button>
              <Button
                component={Link}
                to={fixed ? `/contacts/${fixed.id}` : '/contacts'}
                variant="default"
              >
                {t('form.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
