import { Checkbox, NativeSelect, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition, CustomValue } from '../../../shared/custom-fields';
import type { RequestItem } from '../api';

type Values = Record<string, CustomValue>;

/**
 * The request's custom fields, each edited in its own kind of input and saved when it is left
 * (text, number, date) or chosen (yes/no, choice). Fields needed to solve say so.
 */
export function CustomFields({
  request,
  definitions,
  disabled,
  onChange,
}: {
  request: RequestItem;
  definitions: readonly CustomFieldDefinition[];
  disabled: boolean;
  onChange: (values: Values) => void;
}) {
  const values = request.customFields ?? {};
  return (
    <>
      {definitions.map((d) => (
        <Field
          key={d.key}
          definition={d}
          value={values[d.key] ?? null}
          disabled={disabled}
          onSave={(v) => v !== (values[d.key] ?? null) && onChange({ [d.key]: v })}
        />
      ))}
    </>
  );
}

function Field({
  definition: d,
  value,
  disabled,
  onSave,
}: {
  definition: CustomFieldDefinition;
  value: CustomValue;
  disabled: boolean;
  onSave: (v: CustomValue) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => setText(value === null ? '' : String(value)), [value]);
  const description = d.requiredToSolve ? t('request.requiredToSolve') : undefined;
  if (d.type === 'boolean')
    return (
      <Checkbox
        label={d.label}
        description={description}
        checked={value === true}
        disabled={disabled}
        onChange={(e) => onSave(e.currentTarget.checked)}
      />
    );
  if (d.type === 'choice')
    return (
      <NativeSelect
        label={d.label}
        description={description}
        value={typeof value === 'string' ? value : ''}
        disabled={disabled}
        data={[
          { value: '', label: '—' },
          ...(d.choices ?? []).map((c) => ({ value: c, label: c })),
        ]}
        onChange={(e) => onSave(e.currentTarget.value || null)}
      />
    );
  const save = () => {
    const v = text.trim();
    if (v === '') return onSave(null);
    if (d.type === 'number') return Number.isFinite(Number(v)) && onSave(Number(v));
    onSave(v);
  };
  return (
    <TextInput
      label={d.label}
      description={description}
      type={d.type === 'number' ? 'number' : d.type === 'date' ? 'date' : 'text'}
      value={text}
      disabled={disabled}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={save}
      onKeyDown={(e) => e.key === 'Enter' && save()}
    />
  );
}
