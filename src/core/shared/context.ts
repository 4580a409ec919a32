import type { Database } from "../../platform/db/database.ts";

/** What a user is for one body: the secretariat prepares and publishes; a member reads all of it. */
export type OrganizationRole = "secretariat" | "member";
export const organizationRoles = ["secretariat", "member"] as const satisfies readonly OrganizationRole[];

/**
 * Who acts: recorded in created_by/updated_by, and what they may see and do. What an actor may do
 * is decided in `core/publication/permissions.ts` from `administrator` and `roles` alone.
 */
export interface Actor {
  /** Written to created_by/updated_by: a user's id, or the name of a door (`api-token`, `import`). */
  id: string;
  /** Signed in (a user, a token, the CLI); false for the public. Decides 401 against 403. */
  authenticated: boolean;
  /** Manages users, and may do everything for every body. */
  administrator: boolean;
  /** The actor's role per organisation id. */
  roles: Readonly<Record<string, OrganizationRole>>;
  /** The user behind the actor; null for the public and for system doors. */
  user: { id: string; email: string; name: string } | null;
}

/** What every use case receives: the database (or the transaction it joins) and the actor. */
export interface Context {
  db: Database;
  actor: Actor;
}

export const anonymousReader: Actor = {
  id: "anonymous",
  authenticated: false,
  administrator: false,
  roles: {},
  user: null,
};

/** A door that acts with full rights (the CLI, an import, the bootstrap token), named in the audit columns. */
export function systemActorNamed(id: string): Actor {
  return { id, authenticated: true, administrator: true, roles: {}, user: null };
}

export const systemActor: Actor = systemActorNamed("system");
