/**
 * Counts the changes committed to the record, as this process learns of them: its own writes when
 * they finish, and (on a PostgreSQL server, which other processes may write to) everyone's through
 * the change notices that triggers on the record's tables send (migration
 * `20261124150000_record_change_notices.sql`). A cache keeps the count it was filled at and is
 * stale as soon as the count moves on; so the count moves only after a write has committed.
 */
export class ChangeClock {
  #count = 0;
  #blind = false;

  /** The count so far; null while changes may go unseen (then no cache may answer). */
  get current(): number | null {
    return this.#blind ? null : this.#count;
  }

  /** A change has committed (or may have: a failed write ticks too, which only costs a cache miss). */
  tick(): void {
    this.#count++;
  }

  /** Changes may go unseen until `see` is called (the notice connection was lost). */
  blind(): void {
    this.#blind = true;
  }

  /** Changes are seen again; what happened meanwhile counts as a change. */
  see(): void {
    this.#count++;
    this.#blind = false;
  }
}

/** The channel of the record's change notices. */
export const CHANGE_CHANNEL = "samraad_record_changed";

/** Whether a statement run on its own may write: anything but a plain `SELECT`. */
export function statementMayWrite(sql: string): boolean {
  return !/^\s*select\b/i.test(sql);
}
