import { Kbd, Modal, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

// The help dialog's table: [keys, what they do] by where they work. Keys named by a word
// (enter, esc…) are written in the reader's language.
const sections = {
  anywhere: [
    [['?'], 'help'],
    [['g', 'q'], 'goQueue'],
  ],
  queue: [
    [['j', '↓'], 'next'],
    [['k', '↑'], 'previous'],
    [['enter', 'o'], 'open'],
    [['/'], 'search'],
  ],
  request: [
    [['r'], 'reply'],
    [['n'], 'note'],
    [['ctrlEnter', 'cmdEnter'], 'send'],
    [['esc'], 'leave'],
  ],
} as const;

const named = new Set(['enter', 'esc', 'ctrlEnter', 'cmdEnter'] as const);
type Named = typeof named extends Set<infer K> ? K : never;

/** The list of every keyboard shortcut, by where it works. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('shortcuts.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('shortcuts.close') }}
    >
      {Object.entries(sections).map(([section, rows]) => (
        <Fragment key={section}>
          <Title order={3} size="h6" mt="sm">
            {t(`shortcuts.sections.${section as keyof typeof sections}`)}
          </Title>
          <Table mt={4} withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              {rows.map(([keys, action]) => (
                <Table.Tr key={action}>
                  <Table.Td w="40%">
                    {keys.map((k, i) => (
                      <Fragment key={k}>
                        {i > 0 && (
                          <Text span size="sm" c="dimmed" mx={4}>
                            {action === 'goQueue' ? t('shortcuts.then') : t('shortcuts.or')}
                          </Text>
                        )}
                        <Kbd>
                          {(named as Set<string>).has(k) ? t(`shortcuts.keys.${k as Named}`) : k}
                        </Kbd>
                      </Fragment>
                    ))}
                  </Table.Td>
                  <Table.Td>{t(`shortcuts.actions.${action}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Fragment>
      ))}
      <Text size="sm" c="dimmed" mt="md">
        {t('shortcuts.typing')}
      </Text>
    </Modal>
  );
}
