import { v7 } from 'uuid';

/**
 * A new row id made in Node (when a write plans its rows before sending them): a time-ordered
 * UUID, like the database's default (`tend_uuidv7()`), so ids sort by creation and index
 * inserts stay on the right edge.
 */
export const newId = (): string => v7();
