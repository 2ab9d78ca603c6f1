import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../settings/ui';
import { moneyInput, parseMoney } from '../../../money';
import {
  keys,
  levelWindows,
  send,
  slugify,
  useFormKey,
  type DonorLevel,
  type LevelWindow,
} from '../api';
import { fieldProblem } from '../problems';
import { CurrencyInput } from './CurrencyInput';

/** Creates a donor level, or edits one (`saved`), in a dialog. */
export function LevelForm(props: { saved?: DonorLevel; currency: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('stewardship');
  const { saved } = props;
  const client = useQueryClient();
  const [name, setName] = useState(saved?.name ?? '');
  const [slug, setSlug] = useState(saved?.slug ?? '');
  // The slug follows the name until someone types one of their own.
  const [slugTouched, setSlugTouched] = useState(saved !== undefined);
  const [currency, setCurrency] = useState(saved?.currency ?? props.currency);
  const [minimum, setMinimum] = useState(
    saved ? moneyInput(saved.minAmount, saved.currency, i18n.language) : '',
  );
  const [window, setWindow] = useState<LevelWindow>(saved?.window ?? 'last_12_months');
  const minAmount = parseMoney(minimum, currency, i18n.language);
  const key = useFormKey();
  const body = { name: name.trim(), slug: slug.trim(), minAmount, currency, window };
  const save = useMutation({
    mutationFn: () =>
      saved
        ? send<DonorLevel>(`/donor-levels/${saved.id}`, {
            method: 'PATCH',
            version: saved.version,
            body,
          })
        : send<DonorLevel>('/donor-levels', { method: 'POST', key, body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.levels });
      props.onClose();
    },
  });
  const ok = body.name && body.slug && minAmount !== null;
  return (
    <Modal opened onClose={props.onClose} title={saved ? t('levels.edit') : t('levels.new')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) save.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('levels.name')}
            required
            maxLength={100}
            value={name}
            error={fieldProblem(save.error, 'name')}
            onChange={(e) => {
              setName(e.currentTarget.value);
              if (!slugTouched) setSlug(slugify(e.currentTarget.value));
            }}
            data-autofocus
          />
          <TextInput
            label={t('levels.slug')}
            description={t('levels.slugHelp')}
            required
            maxLength={60}
            value={slug}
            error={fieldProblem(save.error, 'slug')}
            onChange={(e) => {
              setSlug(e.currentTarget.value);
              setSlugTouched(true);
            }}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('levels.minimum')}
              required
              inputMode="decimal"
              value={minimum}
              error={
                minimum.trim() && minAmount === null
                  ? t('amountInvalid')
                  : fieldProblem(save.error, 'minAmount')
              }
              onChange={(e) => setMinimum(e.currentTarget.value)}
            />
            <CurrencyInput
              label={t('levels.currency')}
              value={currency}
              error={fieldProblem(save.error, 'currency')}
              onChange={setCurrency}
            />
          </Group>
          <NativeSelect
            label={t('levels.window')}
            value={window}
            data={levelWindows.map((w) => ({ value: w, label: t(`levels.windows.${w}`) }))}
            onChange={(e) => setWindow(e.currentTarget.value as LevelWindow)}
          />
          <ErrorNote error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!ok}>
              {saved ? t('save') : t('levels.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
