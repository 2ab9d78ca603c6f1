import {
  Button,
  CloseButton,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  TextInput,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryCodes, countryName } from './format';
import { blank, type ContactFormState } from './form-state';

type Props = {
  form: ContactFormState;
  change: (patch: Partial<ContactFormState>) => void;
  /** The (localized) problem of a field, by the form's path. */
  error: (path: string) => string | undefined;
  /** The organization's country: national numbers are read in it, new addresses start in it. */
  country: string;
};

const numbered = (label: string, i: number, count: number) =>
  count > 1 ? `${label} ${i + 1}` : label;

/** Emails, phones and addresses: rows to add and remove; the first row is the main one. */
export function ReachFields({ form, change, error, country }: Props) {
  const { t, i18n } = useTranslation('contacts');
  const countries = useMemo(
    () =>
      countryCodes
        .map((code) => ({ value: code, label: countryName(code, i18n.language) }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [i18n.language],
  );
  const update = <K extends 'emails' | 'phones' | 'addresses'>(
    list: K,
    i: number,
    patch: Partial<ContactFormState[K][number]>,
  ) => change({ [list]: form[list].map((row, j) => (j === i ? { ...row, ...patch } : row)) });
  const remove = (list: 'emails' | 'phones' | 'addresses', i: number) =>
    change({ [list]: form[list].filter((_, j) => j !== i) });

  return (
    <>
      <Fieldset legend={t('form.emails')}>
        <Stack gap="xs">
          {form.emails.map((e, i) => (
            <Group key={e.key} align="flex-start" wrap="nowrap">
              <TextInput
                type="email"
                autoComplete="off"
                label={numbered(t('form.email'), i, form.emails.length)}
                value={e.address}
                error={error(`emails.${i}.address`)}
                onChange={(ev) => update('emails', i, { address: ev.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <TextInput
                label={t('form.label')}
                placeholder={t('form.labelPlaceholder')}
                value={e.label}
                error={error(`emails.${i}.label`)}
                onChange={(ev) => update('emails', i, { label: ev.currentTarget.value })}
                w={160}
              />
              <CloseButton
                mt={28}
                aria-label={t('form.removeEmail', { n: i + 1 })}
                onClick={() => remove('emails', i)}
              />
            </Group>
          ))}
          <Button
            variant="subtle"
            size="compact-sm"
            w="fit-content"
            onClick={() => change({ emails: [...form.emails, blank.email()] })}
          >
            + {t('form.addEmail')}
          </Button>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('form.phones')}>
        <Stack gap="xs">
          {form.phones.map((p, i) => (
            <Group key={p.key} align="flex-start" wrap="nowrap">
              <TextInput
                type="tel"
                autoComplete="off"
                label={numbered(t('form.phone'), i, form.phones.length)}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                description={
                  i === 0
                    ? t('form.phoneHint', { country: countryName(country, i18n.language) })
                    : undefined
                }
                value={p.number}
                error={error(`phones.${i}.number`)}
                onChange={(ev) => update('phones', i, { number: ev.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <TextInput
                label={t('form.label')}
                placeholder={t('form.labelPlaceholder')}
                value={p.label}
                error={error(`phones.${i}.label`)}
                onChange={(ev) => update('phones', i, { label: ev.currentTarget.value })}
                w={160}
              />
              <CloseButton
                mt={28}
                aria-label={t('form.removePhone', { n: i + 1 })}
                onClick={() => remove('phones', i)}
              />
            </Group>
          ))}
          <Button
            variant="subtle"
            size="compact-sm"
            w="fit-content"
            onClick={() => change({ phones: [...form.phones, blank.phone()] })}
          >
            + {t('form.addPhone')}
          </Button>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('form.addresses')}>
        <Stack gap="md">
          {form.addresses.map((a, i) => (
            <Stack key={a.key} gap={6}>
              <Group align="flex-start" wrap="nowrap">
                <TextInput
                  label={numbered(t('form.line1'), i, form.addresses.length)}
                  value={a.line1}
                  error={error(`addresses.${i}.line1`)}
                  onChange={(ev) => update('addresses', i, { line1: ev.currentTarget.value })}
                  style={{ flex: 1 }}
                />
                <CloseButton
                  mt={28}
                  aria-label={t('form.removeAddress', { n: i + 1 })}
                  onClick={() => remove('addresses', i)}
                />
              </Group>
              <TextInput
                label={t('form.line2')}
                value={a.line2}
                error={error(`addresses.${i}.line2`)}
                onChange={(ev) => update('addresses', i, { line2: ev.currentTarget.value })}
                mr={44}
              />
              <Group align="flex-start" grow mr={44}>
                <TextInput
                  label={t('form.postalCode')}
                  value={a.postalCode}
                  error={error(`addresses.${i}.postalCode`)}
                  onChange={(ev) => update('addresses', i, { postalCode: ev.currentTarget.value })}
                />
                <TextInput
                  label={t('form.city')}
                  value={a.city}
                  error={error(`addresses.${i}.city`)}
                  onChange={(ev) => update('addresses', i, { city: ev.currentTarget.value })}
                />
                <NativeSelect
                  label={t('form.country')}
                  value={a.country}
                  data={countries}
                  error={error(`addresses.${i}.country`)}
                  onChange={(ev) => update('addresses', i, { country: ev.currentTarget.value })}
                />
              </Group>
            </Stack>
          ))}
          <Button
            variant="subtle"
            size="compact-sm"
            w="fit-content"
            onClick={() => change({ addresses: [...form.addresses, blank.address(country)] })}
          >
            + {t('form.addAddress')}
          </Button>
        </Stack>
      </Fieldset>
    </>
  );
}
