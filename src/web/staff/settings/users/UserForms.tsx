import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  PasswordInput,
  Stack,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staffRoles, type StaffRole } from '../../../../shared/staff';
import { languages } from '../../../i18n';
import { keys, send, type User, useFormKey } from '../api';
import { ErrorNote } from '../ui';

/** The dialog that adds a staff member (with a first password, or none for now). */
export function NewUser({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('settings');
  const client = useQueryClient();
  const empty = {
    email: '',
    name: '',
    role: 'agent' as StaffRole,
    locale: i18n.language,
    password: '',
  };
  const [form, setForm] = useState(empty);
  const key = useFormKey();
  const create = useMutation({
    mutationFn: () =>
      send<User>('/users', {
        method: 'POST',
        key,
        body: {
          email: form.email.trim(),
          name: form.name.trim(),
          role: form.role,
          locale: form.locale,
          ...(form.password ? { password: form.password } : {}),
        },
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.users });
      setForm(empty);
      onClose();
    },
  });
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('users.new')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('users.name')}
            required
            maxLength={200}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <TextInput
            label={t('users.email')}
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('users.role')}
            value={form.role}
            data={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={(e) => setForm({ ...form, role: e.currentTarget.value as StaffRole })}
          />
          <NativeSelect
            label={t('users.language')}
            value={form.locale}
            data={Object.entries(languages).map(([value, label]) => ({ value, label }))}
            onChange={(e) => setForm({ ...form, locale: e.currentTarget.value })}
          />
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHelp')}
            minLength={10}
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          />
          <ErrorNote error={create.error} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The dialog that sets a new password for someone (their sessions end). */
export function SetPassword({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const [password, setPassword] = useState('');
  const set = useMutation({
    mutationFn: () => send<User>(`/users/${user!.id}`, { method: 'PATCH', body: { password } }),
    onSuccess: () => setPassword(''),
  });
  const close = () => {
    set.reset();
    setPassword('');
    onClose();
  };
  return (
    <Modal
      opened={user !== null}
      onClose={close}
      title={user ? t('users.setPasswordFor', { name: user.name }) : ''}
      centered
    >
      {set.isSuccess ? (
        <Stack>
          <Alert color="green" variant="light">
            {t('users.passwordSet', { name: user?.name })}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('routing.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            set.mutate();
          }}
        >
          <Stack gap="sm">
            <PasswordInput
              label={t('users.newPassword')}
              description={t('users.passwordHelp')}
              required
              minLength={10}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <ErrorNote error={set.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={set.isPending} disabled={password.length < 10}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
