import type { ChangeClock } from "../../platform/db/change-clock.ts";

interface Entry {
  changes: number;
  body: Buffer;
}

/**
 * Rendered pages kept in memory, each with the database's change count at the moment its reading
 * began. An entry answers only while the count is unchanged: any committed write (this process's,
 * or another's on a shared server) makes every entry stale. That is coarse, and it is exact: a page
 * is never served from before a change that committed before the request came. Bounded: the least
 * recently used entry goes when the cache is full.
 */
export class PageCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  /** The page under `key`, rendered anew unless an entry of the current change count exists. */
  async get(key: string, clock: ChangeClock | undefined, render: () => Promise<string>): Promise<Buffer> {
    // Read before rendering: a write committing during the render moves the count past this one.
    const changes = clock?.current ?? null;
    if (changes === null) return Buffer.from(await render());
    const entry = this.#entries.get(key);
    if (entry && entry.changes === changes) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry.body;
    }
    const body = Buffer.from(await render());
    this.#entries.delete(key);
    this.#entries.set(key, { changes, body });
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return body;
  }

  get size(): number {
    return this.#entries.size;
  }
}
