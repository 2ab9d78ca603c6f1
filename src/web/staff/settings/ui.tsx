import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  Stack,
  Text,
  Title,
  type ButtonProps,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** Small line icons (no icon font: they are a few paths). */
const paths = {
  up: 'M6 15l6-6 6 6',
  down: 'M6 9l6 6 6-6',
  plus: 'M12 5v14M5 12h14',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
  check: 'M5 12l5 5 9-10',
  lock: 'M6 11h12v9H6zM8 11V7a4 4 0 018 0v4',
} as const;

/** An icon, hidden from screen readers (the button around it carries the label). */
export function Icon({ name, size = 18 }: { name: keyof typeof paths; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}

/** A page's title (the page's one h1), a line saying what it is for, and its main actions. */
export function PageHeader(props: { title: string; description?: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
      <div>
        <Title order={1} size="h3">
          {props.title}
        </Title>
        {props.description && (
          <Text c="dimmed" size="sm" mt={4} maw={720}>
            {props.description}
          </Text>
        )}
      </div>
      {props.actions && <Group gap="xs">{props.actions}</Group>}
    </Group>
  );
}

/** Says that the signed-in person may look but not change (the API would answer 403). */
export function ReadOnlyNote({ who = 'managers' }: { who?: 'managers' | 'admins' }) {
  const { t } = useTranslation('settings');
  return (
    <Alert variant="light" color="gray" mb="md" icon={<Icon name="lock" />}>
      {who === 'admins' ? t('common.readOnlyAdmins') : t('common.readOnlyManagers')}
    </Alert>
  );
}

/** Error codes the pages explain in words of their own. */
const explained = [
  'forbidden',
  'precondition_failed',
  'conflict',
  'validation_failed',
  'rule_violated',
  'not_found',
  'unauthenticated',
  'rate_limited',
] as const;

/** An API error in the person's language, with the fields the server named. */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation('settings');
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'network';
  const known = (explained as readonly string[]).includes(code) ? code : 'generic';
  const details = error instanceof ApiError ? error.details.filter((d) => d.path) : [];
  return (
    <Alert color="red" variant="light" title={t(`errors.${known}`)} mt="sm">
      {details.length > 0 ? (
        <Stack gap={2}>
          {details.slice(0, 5).map((d) => (
            <Text key={d.path + d.message} size="sm">
              {d.path}: {d.message}
            </Text>
          ))}
        </Stack>
      ) : (
        error instanceof Error && known !== 'forbidden' && <Text size="sm">{error.message}</Text>
      )}
    </Alert>
  );
}

/**
 * "Saved." announced to screen readers when `show` turns true, in the theme's dark green (Mantine's
 * green.9 is 4.36:1 on white, under WCAG AA; see theme.ts).
 */
export function SavedNote({ show }: { show: boolean }) {
  const { t } = useTranslation('settings');
  return (
    <Text role="status" size="sm" fw={500} c="var(--mantine-color-green-light-color)">
      {show ? t('common.saved') : ''}
    </Text>
  );
}

/** Buttons that move an item of an ordered list up or down (keyboard-friendly reordering). */
export function MoveButtons(props: {
  name: string;
  index: number;
  count: number;
  disabled?: boolean;
  onMove: (from: number, to: number) => void;
}) {
  const { t } = useTranslation('settings');
  const { index, count } = props;
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="default"
        aria-label={t('common.moveUp', { name: props.name })}
        disabled={props.disabled || index === 0}
        onClick={() => props.onMove(index, index - 1)}
      >
        <Icon name="up" />
      </ActionIcon>
      <ActionIcon
        variant="default"
        aria-label={t('common.moveDown', { name: props.name })}
        disabled={props.disabled || index === count - 1}
        onClick={() => props.onMove(index, index + 1)}
      >
        <Icon name="down" />
      </ActionIcon>
    </Group>
  );
}

/** A button that asks before it does something that cannot be undone. */
export function ConfirmButton(
  props: ButtonProps & {
    label: string;
    title: string;
    message: string;
    confirm: string;
    onConfirm: () => void;
    'aria-label'?: string;
  },
) {
  const { t } = useTranslation('settings');
  const [open, setOpen] = useState(false);
  const { label, title, message, confirm, onConfirm, ...button } = props;
  return (
    <>
      <Button variant="subtle" color="red" size="xs" {...button} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              setOpen(false);
              onConfirm();
            }}
          >
            {confirm}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

/** Moves one item of a list to another index (a new array). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
