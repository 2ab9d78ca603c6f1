import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from './api';

/** The sign-in form; on success the console loads. */
export function SignIn() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await api('/auth/sign-in', {
        method: 'POST',
        body: { email: form.get('email'), password: form.get('password') },
      });
      await client.invalidateQueries({ queryKey: ['me'] });
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 429 ? t('signIn.locked') : t('signIn.failed'),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center h="100vh" component="main">
      <Paper withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <Title order={1} size="h3">
              {t('signIn.title')}
            </Title>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              name="email"
              type="email"
              label={t('signIn.email')}
              required
              autoComplete="username"
            />
            <PasswordInput
              name="password"
              label={t('signIn.password')}
              required
              autoComplete="current-password"
            />
            <Button type="submit" loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
