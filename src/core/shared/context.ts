import type { Database } from "../../platform/db/database.ts";
import { AppError } from "../../platform/errors.ts";
import type { Audience } from "../publication/visibility.ts";

/** Who acts: recorded in created_by/updated_by, and what they may see. */
export interface Actor {
  id: string;
  audience: Audience;
}

/** What every use case receives: the database (or the transaction it joins) and the actor. */
export interface Context {
  db: Database;
  actor: Actor;
}

export const anonymousReader: Actor = { id: "anonymous", audience: "public" };
export const systemActor: Actor = { id: "system", audience: "internal" };

/** Writes belong to the secretariat; until accounts exist that is whoever holds the API token. */
export function assertMayWrite(actor: Actor): void {
  if (actor.audience !== "internal") {
    throw new AppError(
      "auth.required",
      "Writing to the record needs an API token (Authorization: Bearer ...)",
    );
  }
}
