import { Alert, Button, Card, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, publicPath } from './api';

/**
 * Signing in: ask for an emailed link; opening the link lands here with its secret in the
 * address's fragment, which is exchanged once for the portal session and wiped from the address.
 */
export function SignIn() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const exchange = useMutation({
    mutationFn: (token: string) =>
      api<{ next: string | null }>(publicPath('/portal/session'), {
        method: 'POST',
        body: { token },
      }),
    onSuccess: async ({ next }) => {
      await client.invalidateQueries({ queryKey: ['portal'] });
      void navigate(next ?? '/requests', { replace: true });
    },
  });
  const exchanged = useRef('');
  const { mutate } = exchange;
  useEffect(() => {
    // The link's secret is in the fragment: on opening the page, or when the link is opened in
    // a tab already showing this page (only the fragment changes).
    const take = () => {
      const token = window.location.hash.slice(1);
      if (!token || token === exchanged.current) return;
      exchanged.current = token;
      history.replaceState(null, '', window.location.pathname + window.location.search);
      mutate(token);
    };
    take();
    window.addEventListener('hashchange', take);
    return () => window.removeEventListener('hashchange', take);
  }, [mutate]);
  const ask = useMutation({
    mutationFn: () =>
      api<{ message: string }>(publicPath('/portal/sign-in'), {
        method: 'POST',
        body: { email, ...(params.get('next') ? { next: params.get('next') } : {}) },
      }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate();
  };
  if (exchange.isPending)
    return (
      <Stack align="center" mt="xl">
        <Loader aria-label={t('signIn.checking')} />
        <Text>{t('signIn.checking')}</Text>
      </Stack>
    );
  return (
    <Stack gap="md">
      <Title order={1}>{t('signIn.title')}</Title>
      {exchange.isError && (
        <Alert color="red" role="alert">
          {t('signIn.expired')}
        </Alert>
      )}
      <Text>{t('signIn.intro')}</Text>
      <Card withBorder padding="lg" component="form" onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('signIn.email')}
            type="email"
            required
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          {ask.isSuccess && (
            <Alert color="green" role="status">
              {t('signIn.sent')}
            </Alert>
          )}
          {ask.isError && (
            <Alert color="red" role="alert">
              {t('signIn.failed', { message: ask.error.message })}
            </Alert>
          )}
          <Button type="submit" loading={ask.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('signIn.send')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
