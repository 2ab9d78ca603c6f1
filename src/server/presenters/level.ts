import type { LevelDonorRow, LevelRow } from '../db/repositories/levels';

/** The staff view of a donor level. */
export function presentLevel(l: LevelRow, donorCount: number) {
  return {
    id: l.id,
    name: l.name,
    slug: l.slug,
    minAmount: Number(l.minAmount),
    currency: l.currency,
    window: l.window,
    donorCount,
    version: l.version,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}
/** A donor level as the API answers it. */
export type LevelView = ReturnType<typeof presentLevel>;

/** A donor in a level, with their qualifying total in the level's window and currency. */
export function presentLevelDonor(r: LevelDonorRow, currency: string) {
  return {
    contact: { id: r.id, name: r.name },
    total: Number(r.total),
    currency,
    placedAt: new Date(r.placed_at).toISOString(),
  };
}
