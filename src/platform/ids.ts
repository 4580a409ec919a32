import { v7 } from "uuid";

/** A new record id: UUIDv7, so that ids sort by creation time and keyset pages follow it. */
export function newId(): string {
  return v7();
}

const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the text has the form of a record id (any UUID). */
export function isId(value: string): boolean {
  return idPattern.test(value);
}
