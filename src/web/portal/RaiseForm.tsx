import {
  Alert,
  Anchor,
  Button,
  Card,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, publicPath } from './api';
import { newKey } from '../ids';
import { Honeypot } from './Honeypot';

type Receipt = { reference: string; firstResponseDueAt: string | null; message: string };
type Field = 'name' | 'email' | 'phone' | 'subject' | 'description';

/**
 * Ask for help: the public request form. It posts JSON with an Idempotency-Key (a double click
 * sends one request) and shows the organization's answer: the reference and the promised time.
 */
export function RaiseForm() {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({
    name: '',
    email: '',
    phone: '',
    subject: '',
    description: '',
  });
  const [website, setWebsite] = useState(''); // the honeypot: people leave it empty
  const [key, setKey] = useState(() => newKey());
  const [contactMissing, setContactMissing] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      api<Receipt>(publicPath('/requests'), {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: {
          name: values.name,
          ...(values.email.trim() ? { email: values.email } : {}),
          ...(values.phone.trim() ? { phone: values.phone } : {}),
          subject: values.subject,
          description: values.description,
          language: i18n.language,
          website,
        },
      }),
  });
  const problems = send.error instanceof ApiError ? send.error.details : [];
  // The API's messages are English; the person gets one in their language.
  const problem = (field: Field) =>
    problems.some((d) => d.path === field) ? t('form.checkField') : undefined;

  if (send.data)
    return (
      <Card withBorder padding="lg" role="status">
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('receipt.title')}
          </Title>
          <Text>
            {t('receipt.reference')}:{' '}
            <Text span fw={700} data-testid="reference">
              {send.data.reference}
            </Text>
          </Text>
          <Text>{send.data.message}</Text>
          <Anchor component={Link} to="/sign-in">
            {t('receipt.follow')}
          </Anchor>
          <Anchor
            component="button"
            type="button"
            onClick={() => {
              setValues({ name: '', email: '', phone: '', subject: '', description: '' });
              setKey(newKey());
              send.reset();
            }}
          >
            {t('receipt.another')}
          </Anchor>
        </Stack>
      </Card>
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!values.email.trim() && !values.phone.trim()) {
      send.reset();
      setContactMissing(true);
      return;
    }
    setContactMissing(false);
    send.mutate();
  };
  const input = (field: Field) => ({
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) =>
      setValues({ ...values, [field]: e.currentTarget.value }),
    error: problem(field),
  });
  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate={false}>
      <Stack gap="sm">
        <TextInput
          label={t('form.name')}
          required
          maxLength={200}
          autoComplete="name"
          {...input('name')}
        />
        <TextInput
          label={t('form.email')}
          type="email"
          maxLength={254}
          autoComplete="email"
          description={t('form.contactHint')}
          {...input('email')}
          error={problem('email') ?? (contactMissing ? t('form.needContact') : undefined)}
        />
        <TextInput
          label={t('form.phone')}
          type="tel"
          maxLength={40}
          autoComplete="tel"
          {...input('phone')}
        />
        <TextInput label={t('form.subject')} required maxLength={200} {...input('subject')} />
        <Textarea
          label={t('form.description')}
          required
          minRows={5}
          autosize
          {...input('description')}
        />
        <Honeypot value={website} onChange={setWebsite} />
        {send.isError && problems.length === 0 && (
          <Alert color="red" role="alert">
            {t('form.failed', { message: send.error.message })}
          </Alert>
        )}
        <Button type="submit" loading={send.isPending} style={{ alignSelf: 'flex-start' }}>
          {send.isPending ? t('form.sending') : t('form.send')}
        </Button>
      </Stack>
    </Card>
  );
}
