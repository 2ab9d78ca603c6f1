import { Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A titled card of a stewardship page (`id` names its title for the screen reader), with a line
 * of help under the title.
 */
export function Section({
  id,
  title,
  help,
  helpGap = 'sm',
  children,
}: {
  id: string;
  title: string;
  help: string;
  /** The space between the help and what follows. */
  helpGap?: 'xs' | 'sm';
  children: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h5" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb={helpGap}>
        {help}
      </Text>
      {children}
    </Card>
  );
}
