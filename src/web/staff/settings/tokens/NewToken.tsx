import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staffRoles } from '../../../../shared/staff';
import { keys, send, usePermissions, useUsers, type Token, useFormKey } from '../api';
import { ErrorNote, Icon } from '../ui';

/** Creating a token: what it is for, its role and lifetime; then the secret, shown this once. */
export function NewToken({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('settings');
  const { me, can } = usePermissions();
  const client = useQueryClient();
  const users = useUsers(can('users.read'));
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [days, setDays] = useState<number | string>('');
  const [userId, setUserId] = useState('');
  const key = useFormKey();
  const create = useMutation({
    mutationFn: () =>
      send<Token & { token: string }>('/tokens', {
        method: 'POST',
        key,
        body: {
          name: name.trim(),
          ...(role ? { role } : {}),
          ...(typeof days === 'number' ? { expiresInDays: days } : {}),
          ...(userId ? { userId } : {}),
        },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tokens }),
  });
  if (create.data)
    return (
      <Alert color="green" variant="light" mb="lg" title={t('tokens.tokenLabel')}>
        <Stack gap="sm">
          <Text size="sm">{t('tokens.shownOnce')}</Text>
          <Group gap="sm" wrap="nowrap">
            <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="new-token">
              {create.data.token}
            </Code>
            <CopyButton value={create.data.token}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'filled' : 'default'}
                  color={copied ? 'green.9' : undefined}
                  leftSection={<Icon name={copied ? 'check' : 'copy'} size={16} />}
                  onClick={copy}
                >
                  {copied ? t('tokens.copied') : t('tokens.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group>
            <Button onClick={onClose}>{t('tokens.done')}</Button>
          </Group>
        </Stack>
      </Alert>
    );
  return (
    <Card withBorder padding="md" mb="lg" component="section" aria-labelledby="new-token-title">
      <Title order={2} size="h5" id="new-token-title" mb="sm">
        {t('tokens.new')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('tokens.name')}
            placeholder={t('tokens.namePlaceholder')}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: can('tokens.manage') ? 3 : 2 }}>
            {can('tokens.manage') && (
              <NativeSelect
                label={t('tokens.forUser')}
                value={userId}
                data={[
                  { value: '', label: me?.user.name ?? '' },
                  ...(users.data?.data
                    .filter((u) => u.active && u.id !== me?.user.id)
                    .map((u) => ({ value: u.id, label: u.name })) ?? []),
                ]}
                onChange={(e) => setUserId(e.currentTarget.value)}
              />
            )}
            <NativeSelect
              label={t('tokens.role')}
              value={role}
              data={[
                { value: '', label: t('tokens.sameRole') },
                ...staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
              ]}
              onChange={(e) => setRole(e.currentTarget.value)}
            />
            <NumberInput
              label={t('tokens.expiresIn')}
              description={
                typeof days === 'number'
                  ? t('tokens.days', { count: days })
                  : t('tokens.expiresInHelp')
              }
              min={1}
              max={3650}
              allowDecimal={false}
              allowNegative={false}
              value={days}
              onChange={setDays}
            />
          </SimpleGrid>
          <ErrorNote error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              {t('tokens.create')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
