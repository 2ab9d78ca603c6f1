import type { Database } from '../../db/connection';
import { requestEventsChannel } from '../../db/repositories/requests';

type Listener = (requestId: string) => void;

/**
 * Fans committed request changes out to the browsers of their organization. One LISTEN per
 * process, opened with the first subscriber; every process sees every commit (NOTIFY), so live
 * updates work behind a load balancer too.
 */
export class RequestEventHub {
  private readonly byOrg = new Map<string, Set<Listener>>();
  private listening: Promise<() => Promise<void>> | undefined;

  constructor(private readonly database: Database) {}

  /** Subscribes to an organization's request changes; returns the unsubscribe function. */
  async subscribe(orgId: string, listener: Listener): Promise<() => void> {
    this.listening ??= this.database.listen(requestEventsChannel, (payload?: string) =>
      this.dispatch(payload),
    );
    await this.listening;
    const set = this.byOrg.get(orgId) ?? new Set();
    set.add(listener);
    this.byOrg.set(orgId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byOrg.delete(orgId);
    };
  }

  private dispatch(payload: string | undefined): void {
    try {
      const { o, r } = JSON.parse(payload ?? '') as { o: string; r: string };
      for (const listener of this.byOrg.get(o) ?? []) listener(r);
    } catch {
      // not ours or malformed: ignore
    }
  }

  /** Stops listening. */
  async close(): Promise<void> {
    if (this.listening) await (await this.listening)();
  }
}
