import { v7 } from "uuid";

/** A new record id: UUIDv7, so that ids sort by creation time and keyset pages follow it. */
export function newId(): string {
  return v7();
}
