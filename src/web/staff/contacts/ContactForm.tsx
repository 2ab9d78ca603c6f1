import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  NativeSelect,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  contactLimits,
  contactRoles,
  organizationTypes,
  preferredChannels,
} from '../../../shared/contacts';
import { api, type Me } from '../api';
import { ApiError, send, type Contact, type FieldProblem, type StaffUser } from './api';
import { contactLanguages, languageName, readableErrors } from './format';
import {
  emptyForm,
  formOf,
  problemsByField,
  toBody,
  type ContactFormState,
  type RowMap,
} from './form-state';
import { ReachFields } from './ReachFields';
import { newKey } from '../../ids';

/** /contacts/new: a new contact; `?next=log-call` goes on to log the call for them. */
export function NewContact() {
  return <ContactForm initial={emptyForm()} />;
}

/** /contacts/:id/edit: change a contact (If-Match, so a colleague's change is never lost). */
export function EditContact() {
  const { t } = useTranslation('contacts');
  const id = useParams().id!;
  const contact = useQuery({
    queryKey: ['contacts', id],
    queryFn: () => api<Contact>(`/contacts/${id}`),
  });
  if (!contact.data) return <Text>{contact.isError ? t('notFound') : t('loading')}</Text>;
  return (
    <ContactForm key={contact.data.version} initial={formOf(contact.data)} contact={contact.data} />
  );
}

type Problems = { byField: Record<string, string>; other: FieldProblem[]; message?: string };

function ContactForm({ initial, contact }: { initial: ContactFormState; contact?: Contact }) {
  const { t, i18n } = useTranslation('contacts');
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const [form, setForm] = useState(initial);
  const [problems, setProblems] = useState<Problems | null>(null);
  // One key for this form: a retry after a lost answer creates the contact once.
  const [key] = useState(newKey);
  const formRef = useRef<HTMLFormElement>(null);
  // Which form row each sent item came from, to place the API's `phones.0.number` problems.
  const sentRows = useRef<RowMap>({ emails: [], phones: [], addresses: [] });
  const change = (patch: Partial<ContactFormState>) => setForm((f) => ({ ...f, ...patch }));
  const me = useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/auth/me') });
  const org = useQuery({
    queryKey: ['organization'],
    queryFn: () => api<{ defaultCountry: string | null }>('/organization'),
  });
  // Only admins and managers may list staff; everyone else can name themselves or nobody.
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => api<{ data: StaffUser[] }>('/users'),
    enabled: me.data?.user.role === 'admin' || me.data?.user.role === 'manager',
  });
  const country = org.data?.defaultCountry ?? 'LT';

  const save = useMutation({
    mutationFn: (): Promise<Contact> => {
      const { body, rows } = toBody(form, contact ? 'update' : 'create');
      sentRows.current = rows;
      return contact
        ? send<Contact>(`/contacts/${contact.id}`, {
            method: 'PATCH',
            body,
            headers: { 'if-match': `"${contact.version}"` },
          })
        : send<Contact>('/contacts', {
            method: 'POST',
            body,
            headers: { 'idempotency-key': key },
          });
    },
    onMutate: () => setProblems(null),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['contacts'] });
      const next = params.get('next') === 'log-call' ? '/log-call' : '';
      void navigate(`/contacts/${saved.id}${next}`);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 400)
        setProblems(problemsByField(err.details, sentRows.current));
      else if (err instanceof ApiError && err.status === 412)
        setProblems({ byField: {}, other: [], message: t('form.stale') });
      else
        setProblems({
          byField: {},
          other: [],
          message: t('form.failed', { message: err.message }),
        });
    },
  });

  // After a refusal, take the keyboard to the first field that needs attention.
  useEffect(() => {
    if (!problems) return;
    const first =
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      formRef.current?.querySelector<HTMLElement>('[role="alert"]');
    first?.focus();
  }, [problems]);

  const error = (path: string): string | undefined => {
    const message = problems?.byField[path];
    if (!message) return undefined;
    if (/^phones\.\d+\.number$/.test(path)) return t('errors.phone');
    if (/^emails\.\d+\.address$/.test(path)) return t('errors.email');
    if (/\.country$/.test(path)) return t('errors.country');
    if (path === 'givenName' && message.startsWith('a person needs')) return t('errors.personName');
    if (message.startsWith('Too small') || message === 'required') return t('errors.required');
    return message;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const person = form.kind === 'person';
  const languages = [
    ...contactLanguages,
    ...(form.preferredLanguage && !contactLanguages.includes(form.preferredLanguage)
      ? [form.preferredLanguage]
      : []),
  ];
  const owners = users.data
    ? users.data.data.filter((u) => u.active || u.id === form.ownerUserId)
    : [
        ...(me.data
          ? [{ id: me.data.user.id, name: t('form.me', { name: me.data.user.name }) }]
          : []),
        ...(contact?.owner && contact.owner.id !== me.data?.user.id ? [contact.owner] : []),
      ];
  const cancelTo = contact ? `/contacts/${contact.id}` : '/contacts';

  return (
    <Stack maw={820}>
      <Anchor component={Link} to={cancelTo} size="sm">
        ← {contact ? contact.name : t('page.back')}
      </Anchor>
      <Title order={1} size="h3">
        {contact ? t('form.editTitle', { name: contact.name }) : t('form.newTitle')}
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate style={readableErrors}>
        <Stack>
          {problems && (
            <Alert
              color="red"
              role="alert"
              tabIndex={-1}
              title={problems.message ?? t('form.fixErrors')}
            >
              {problems.other.length > 0 && (
                <List size="sm">
                  {problems.other.map((p) => (
                    <List.Item key={p.path + p.message}>
                      {p.path ? `${p.path}: ` : ''}
                      {p.message}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <Fieldset legend={t('form.kind')}>
            <Stack gap="sm">
              {contact ? (
                <Text fw={600}>{t(`kind.${form.kind}`)}</Text>
              ) : (
                <SegmentedControl
                  w="fit-content"
                  value={form.kind}
                  onChange={(v) => change({ kind: v as ContactFormState['kind'] })}
                  data={(['person', 'organization'] as const).map((k) => ({
                    value: k,
                    label: t(`kind.${k}`),
                  }))}
                />
              )}
              {person ? (
                <>
                  <Group grow align="flex-start">
                    <TextInput
                      label={t('form.givenName')}
                      value={form.givenName}
                      maxLength={contactLimits.nameMax}
                      error={error('givenName')}
                      onChange={(e) => change({ givenName: e.currentTarget.value })}
                      autoComplete="off"
                      data-autofocus
                    />
                    <TextInput
                      label={t('form.familyName')}
                      value={form.familyName}
                      maxLength={contactLimits.nameMax}
                      error={error('familyName')}
                      onChange={(e) => change({ familyName: e.currentTarget.value })}
                      autoComplete="off"
                    />
                  </Group>
                  <TextInput
                    label={t('form.displayName')}
                    description={t('form.displayNameHint')}
                    value={form.name}
                    maxLength={contactLimits.nameMax}
                    error={error('name')}
                    onChange={(e) => change({ name: e.currentTarget.value })}
                    autoComplete="off"
                  />
                </>
              ) : (
                <Group grow align="flex-start">
                  <TextInput
                    label={t('form.orgName')}
                    value={form.name}
                    required
                    maxLength={contactLimits.nameMax}
                    error={error('name')}
                    onChange={(e) => change({ name: e.currentTarget.value })}
                    autoComplete="off"
                  />
                  <NativeSelect
                    label={t('form.orgType')}
                    value={form.organizationType}
                    error={error('organizationType')}
                    data={[
                      { value: '', label: t('form.notSet') },
                      ...organizationTypes.map((o) => ({ value: o, label: t(`orgType.${o}`) })),
                    ]}
                    onChange={(e) =>
                      change({
                        organizationType: e.currentTarget
                          .value as ContactFormState['organizationType'],
                      })
                    }
                  />
                </Group>
              )}
              <Checkbox.Group
                label={t('form.roles')}
                description={t('form.rolesHint')}
                value={form.roles}
                error={error('roles')}
                onChange={(v) => change({ roles: v as ContactFormState['roles'] })}
              >
                <Group mt={6}>
                  {contactRoles.map((r) => (
                    <Checkbox key={r} value={r} label={t(`role.${r}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            </Stack>
          </Fieldset>

          <ReachFields form={form} change={change} error={error} country={country} />

          <Fieldset legend={t('page.details')}>
            <Stack gap="sm">
              <Group grow align="flex-start">
                <NativeSelect
                  label={t('form.preferredLanguage')}
                  value={form.preferredLanguage}
                  error={error('preferredLanguage')}
                  data={[
                    { value: '', label: t('form.notSet') },
                    ...languages.map((l) => ({ value: l, label: languageName(l, i18n.language) })),
                  ]}
                  onChange={(e) => change({ preferredLanguage: e.currentTarget.value })}
                />
                <NativeSelect
                  label={t('form.preferredChannel')}
                  value={form.preferredChannel}
                  error={error('preferredChannel')}
                  data={[
                    { value: '', label: t('form.notSet') },
                    ...preferredChannels.map((c) => ({
                      value: c,
                      label: t(`preferredChannel.${c}`),
                    })),
                  ]}
                  onChange={(e) =>
                    change({
                      preferredChannel: e.currentTarget
                        .value as ContactFormState['preferredChannel'],
                    })
                  }
                />
                <NativeSelect
                  label={t('form.owner')}
                  value={form.ownerUserId}
                  error={error('ownerUserId')}
                  data={[
                    { value: '', label: t('page.noOwner') },
                    ...owners.map((u) => ({ value: u.id, label: u.name })),
                  ]}
                  onChange={(e) => change({ ownerUserId: e.currentTarget.value })}
                />
              </Group>
              <TagsInput
                label={t('form.tags')}
                description={t('form.tagsHint')}
                value={form.tags}
                maxTags={contactLimits.tagsMax}
                error={error('tags')}
                onChange={(tags) => change({ tags })}
              />
            </Stack>
          </Fieldset>

          <Group>
            <Button type="submit" loading={save.isPending}>
              {params.get('next') === 'log-call' ? t('form.saveAndLog') : t('form.save')}
            </Button>
            <Button component={Link} to={cancelTo} variant="default">
              {t('form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
