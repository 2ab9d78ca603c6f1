import { z } from 'zod';

/** Query parameters every list accepts. */
export const pageQuery = {
  cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

/** The list envelope: `{ data, nextCursor }`. */
export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
