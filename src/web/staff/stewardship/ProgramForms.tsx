import { Button, Group, Modal, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { giftLimits } from '../../../shared/gifts';
import { ErrorNote } from '../settings/ui';
import { api, ApiError, keys, send, useFormKey, type Fund, type Program } from './api';
import { fieldProblem } from './problems';

/** Creates a program, or edits one (`saved`), in a dialog. */
export function ProgramModal(props: { saved?: Program; onClose: () => void }) {
  const { t } = useTranslation('stewardship');
  const { saved } = props;
  const client = useQueryClient();
  const [name, setName] = useState(saved?.name ?? '');
  const [description, setDescription] = useState(saved?.description ?? '');
  const key = useFormKey();
  const body = { name: name.trim(), description: description.trim() || undefined };
  const save = useMutation({
    mutationFn: () =>
      saved
        ? api<Program>(`/programs/${saved.id}`, {
            method: 'PATCH',
            headers: { 'if-match': saved.etag },
            body: { ...body, description: body.description ?? null },
          })
        : send<Program>('/programs', { method: 'POST', key, body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.programs });
      props.onClose();
    },
  });
  return (
    <NamedDialog
      title={saved ? t('programs.edit') : t('programs.new')}
      nameLabel={t('programs.name')}
      name={name}
      onName={setName}
      save={save}
      submitLabel={saved ? t('save') : t('programs.create')}
      onClose={props.onClose}
    >
      <Textarea
        label={t('programs.descriptionLabel')}
        autosize
        minRows={2}
        maxLength={giftLimits.textMax}
        value={description}
        error={fieldProblem(save.error, 'description')}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
    </NamedDialog>
  );
}

/** Creates a fund (of a program, or of none), or edits one (`saved`), in a dialog. */
export function FundModal(props: {
  saved?: Fund;
  programs: Program[];
  programId?: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('stewardship');
  const { saved } = props;
  const client = useQueryClient();
  const [name, setName] = useState(saved?.name ?? '');
  const [restricted, setRestricted] = useState(saved?.restricted ?? true);
  const [programId, setProgramId] = useState<string | null>(
    saved?.programId ?? props.programId ?? null,
  );
  const [description, setDescription] = useState(saved?.description ?? '');
  const key = useFormKey();
  const body = {
    name: name.trim(),
    restricted,
    programId: programId ?? undefined,
    description: description.trim() || undefined,
  };
  const save = useMutation({
    mutationFn: () =>
      saved
        ? api<Fund>(`/funds/${saved.id}`, {
            method: 'PATCH',
            headers: { 'if-match': saved.etag },
            body: { ...body, programId, description: body.description ?? null },
          })
        : send<Fund>('/funds', { method: 'POST', key, body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.funds });
      props.onClose();
    },
  });
  return (
    <NamedDialog
      title={saved ? t('funds.edit') : t('funds.new')}
      nameLabel={t('funds.name')}
      name={name}
      onName={setName}
      save={save}
      submitLabel={saved ? t('save') : t('funds.create')}
      onClose={props.onClose}
    >
      <Select
        label={t('funds.program')}
        placeholder={t('funds.noProgram')}
        data={props.programs.map((p) => ({ value: p.id, label: p.name }))}
        value={programId}
        onChange={setProgramId}
        clearable
        error={fieldProblem(save.error, 'programId')}
      />
      <Switch
        label={t('funds.restricted')}
        description={t('funds.restrictedHelp')}
        checked={restricted}
        onChange={(e) => setRestricted(e.currentTarget.checked)}
      />
      <Textarea
        label={t('funds.description')}
        autosize
        minRows={2}
        maxLength={giftLimits.textMax}
        value={description}
        error={fieldProblem(save.error, 'description')}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
    </NamedDialog>
  );
}

/**
 * The dialog both forms are: a required name first, their own fields, the API's problem, and
 * Cancel / submit (submitting needs a name).
 */
function NamedDialog(props: {
  title: string;
  nameLabel: string;
  name: string;
  onName: (name: string) => void;
  save: { mutate: () => void; isPending: boolean; error: unknown };
  submitLabel: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('stewardship');
  const { save } = props;
  const named = props.name.trim() !== '';
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.title}
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (named) save.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={props.nameLabel}
            required
            maxLength={giftLimits.nameMax}
            value={props.name}
            error={fieldProblem(save.error, 'name')}
            onChange={(e) => props.onName(e.currentTarget.value)}
            data-autofocus
          />
          {props.children}
          <ErrorNote error={save.error} />
          <ReloadButton error={save.error} onClose={props.onClose} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!named}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * After a 412 (a colleague changed it meanwhile): loads the latest programs and funds and closes
 * the dialog, so Edit opens again on what is saved now.
 */
function ReloadButton(props: { error: unknown; onClose: () => void }) {
  const { t } = useTranslation('stewardship');
  const client = useQueryClient();
  if (!(props.error instanceof ApiError && props.error.code === 'precondition_failed')) return null;
  return (
    <Button
      variant="default"
      w="fit-content"
      onClick={() => {
        void Promise.all([
          client.invalidateQueries({ queryKey: keys.programs }),
          client.invalidateQueries({ queryKey: keys.funds }),
        ]).then(props.onClose);
      }}
    >
      {t('reload')}
    </Button>
  );
}
