import type { Queryable } from "../../platform/db/database.ts";
import type { Actor, OrganizationRole } from "../shared/context.ts";

/** What sessions and API tokens know of their user before its roles are read. */
interface SignedInUser {
  id: string;
  email: string;
  name: string;
  administrator: boolean;
}

/** Columns of `users u` that make a `SignedInUser`. */
export const signedInUserColumns = `u.id AS "userId", u.email, u.name, u.is_administrator AS "administrator"`;

/** The actor a user acts as: its administrator flag and its role per body, read now. */
export async function actorForUser(db: Queryable, user: SignedInUser): Promise<Actor> {
  const rows = await db.query<{ organizationId: string; role: OrganizationRole }>(
    `SELECT organization_id AS "organizationId", role FROM user_roles WHERE user_id = $1`,
    [user.id],
  );
  return {
    id: user.id,
    authenticated: true,
    administrator: user.administrator,
    roles: Object.fromEntries(rows.map((row) => [row.organizationId, row.role])),
    user: { id: user.id, email: user.email, name: user.name },
  };
}
