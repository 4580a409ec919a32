import type { Database, Queryable } from "../../platform/db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { toDanishIsoString } from "../../platform/time.ts";
import { assertAdministrator } from "../publication/permissions.ts";
import type { Context, OrganizationRole } from "../shared/context.ts";
import { inTransaction } from "../shared/transaction.ts";
import { assertPasswordAcceptable, hashPassword } from "./passwords.ts";
import { revokeSessionsOf } from "./sessions.ts";

/** A user account as administrators see it; never its password hash. */
export interface User {
  id: string;
  email: string;
  name: string;
  personId: string | null;
  administrator: boolean;
  disabled: boolean;
  /** False until a password is set (a user restored from an export has none). */
  hasPassword: boolean;
  roles: { organizationId: string; organizationName: string; role: OrganizationRole }[];
  createdAt: string;
  updatedAt: string;
}

interface UserCreate {
  email: string;
  name: string;
  personId?: string | null;
  administrator?: boolean;
  /** Without one the user cannot log in until a password is set. */
  password?: string;
}

interface UserUpdate {
  email?: string;
  name?: string;
  personId?: string | null;
  administrator?: boolean;
  disabled?: boolean;
}

type Row = Omit<User, "roles" | "createdAt" | "updatedAt"> & { createdAt: Date; updatedAt: Date };

const selectUsers = `SELECT u.id, u.email, u.name, u.person_id AS "personId",
    u.is_administrator AS "administrator", (u.disabled_at IS NOT NULL) AS "disabled",
    EXISTS (SELECT 1 FROM user_passwords p WHERE p.user_id = u.id) AS "hasPassword",
    u.created_at AS "createdAt", u.updated_at AS "updatedAt"
  FROM users u`;

/** E-mail addresses compare without case; they are kept as typed, trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function checkedEmail(email: string): string {
  const trimmed = email.trim();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(trimmed) || trimmed.length > 320) {
    throw new AppError("validation.invalid", "email: this is not an e-mail address", { field: "email" });
  }
  return trimmed;
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "" || trimmed.length > 200) {
    throw new AppError("validation.invalid", "name: give the user's name (at most 200 characters)", {
      field: "name",
    });
  }
  return trimmed;
}

async function withRoles(db: Queryable, rows: Row[]): Promise<User[]> {
  if (rows.length === 0) return [];
  const roles = await db.query<{
    userId: string;
    organizationId: string;
    organizationName: string;
    role: OrganizationRole;
  }>(
    `SELECT r.user_id AS "userId", r.organization_id AS "organizationId", o.name AS "organizationName", r.role
     FROM user_roles r JOIN organizations o ON o.id = r.organization_id
     WHERE r.user_id = ANY($1::uuid[]) ORDER BY o.name, o.id`,
    [rows.map((row) => row.id)],
  );
  return rows.map((row) => ({
    ...row,
    createdAt: toDanishIsoString(row.createdAt),
    updatedAt: toDanishIsoString(row.updatedAt),
    roles: roles.filter((r) => r.userId === row.id).map(({ userId: _, ...role }) => role),
  }));
}

export async function getUserById(ctx: Context, id: string): Promise<User> {
  assertAdministrator(ctx.actor);
  const rows = await ctx.db.query<Row>(`${selectUsers} WHERE u.id = $1`, [id]);
  const [user] = await withRoles(ctx.db, rows);
  if (!user) throw notFound("user", id);
  return user;
}

export async function getUserByEmail(ctx: Context, email: string): Promise<User> {
  assertAdministrator(ctx.actor);
  const rows = await ctx.db.query<Row>(`${selectUsers} WHERE lower(u.email) = $1`, [normalizeEmail(email)]);
  const [user] = await withRoles(ctx.db, rows);
  if (!user) {
    throw new AppError("record.not_found", `there is no user with the e-mail ${email}`, { field: "email" });
  }
  return user;
}

/** Every user, by name; an installation has tens or hundreds of them, not more. */
export async function listUsers(ctx: Context): Promise<User[]> {
  assertAdministrator(ctx.actor);
  const rows = await ctx.db.query<Row>(`${selectUsers} ORDER BY lower(u.name), u.id`);
  return withRoles(ctx.db, rows);
}

async function setPasswordHash(tx: Queryable, userId: string, passwordHash: string): Promise<void> {
  await tx.query(
    `INSERT INTO user_passwords (user_id, hash) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET hash = EXCLUDED.hash, changed_at = now()`,
    [userId, passwordHash],
  );
}

export async function createUser(ctx: Context, input: UserCreate): Promise<User> {
  assertAdministrator(ctx.actor);
  const email = checkedEmail(input.email);
  const name = checkedName(input.name);
  if (input.password !== undefined) assertPasswordAcceptable(input.password);
  // Hashed before the transaction: it takes a while and needs no lock.
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    await tx.query(
      `INSERT INTO users (id, email, name, person_id, is_administrator, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [id, email, name, input.personId ?? null, input.administrator ?? false, ctx.actor.id],
    );
    if (passwordHash) await setPasswordHash(tx, id, passwordHash);
    return getUserById({ ...ctx, db: tx }, id);
  });
}

/** An installation always keeps one administrator who can log in: the last is not taken away. */
async function assertAnotherAdministrator(tx: Database, userId: string): Promise<void> {
  const [other] = await tx.query(
    "SELECT 1 FROM users WHERE is_administrator AND disabled_at IS NULL AND id <> $1 LIMIT 1",
    [userId],
  );
  if (!other) {
    throw new AppError(
      "record.conflict",
      "this is the last active administrator: make another user administrator first",
      { field: "administrator" },
    );
  }
}

export async function updateUser(ctx: Context, id: string, patch: UserUpdate): Promise<User> {
  assertAdministrator(ctx.actor);
  const sets: string[] = [];
  const params: unknown[] = [id, ctx.actor.id];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (patch.email !== undefined) set("email", checkedEmail(patch.email));
  if (patch.name !== undefined) set("name", checkedName(patch.name));
  if (patch.personId !== undefined) set("person_id", patch.personId);
  if (patch.administrator !== undefined) set("is_administrator", patch.administrator);
  if (patch.disabled !== undefined)
    sets.push(`disabled_at = ${patch.disabled ? "COALESCE(disabled_at, now())" : "NULL"}`);
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx.query<{ administrator: boolean; disabled: boolean }>(
      `SELECT is_administrator AS "administrator", (disabled_at IS NOT NULL) AS "disabled" FROM users WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!current) throw notFound("user", id);
    const losesAdministrator = current.administrator && !current.disabled;
    if (losesAdministrator && (patch.administrator === false || patch.disabled === true)) {
      await assertAnotherAdministrator(tx, id);
    }
    if (sets.length > 0) {
      await tx.query(
        `UPDATE users SET ${sets.join(", ")}, updated_by = $2, updated_at = now() WHERE id = $1`,
        params,
      );
    }
    if (patch.disabled === true) await revokeSessionsOf(tx, id);
    return getUserById({ ...ctx, db: tx }, id);
  });
}

/** Gives the user a role for the body, changes it, or (`null`) takes it away. */
export async function setRole(
  ctx: Context,
  userId: string,
  organizationId: string,
  role: OrganizationRole | null,
): Promise<User> {
  assertAdministrator(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.query("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", [userId]);
    if (!user) throw notFound("user", userId);
    if (role === null) {
      await tx.query("DELETE FROM user_roles WHERE user_id = $1 AND organization_id = $2", [
        userId,
        organizationId,
      ]);
    } else {
      await tx.query(
        `INSERT INTO user_roles (user_id, organization_id, role, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, organization_id) DO UPDATE SET role = EXCLUDED.role`,
        [userId, organizationId, role, ctx.actor.id],
      );
    }
    await tx.query("UPDATE users SET updated_by = $2, updated_at = now() WHERE id = $1", [
      userId,
      ctx.actor.id,
    ]);
    return getUserById({ ...ctx, db: tx }, userId);
  });
}

/**
 * Sets a new password (the administrator's reset). The user's sessions end: whoever was logged in
 * with the old password must log in again.
 */
export async function resetPassword(ctx: Context, userId: string, password: string): Promise<User> {
  assertAdministrator(ctx.actor);
  assertPasswordAcceptable(password);
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.query("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", [userId]);
    if (!user) throw notFound("user", userId);
    await setPasswordHash(tx, userId, passwordHash);
    await revokeSessionsOf(tx, userId);
    await tx.query("UPDATE users SET updated_by = $2, updated_at = now() WHERE id = $1", [
      userId,
      ctx.actor.id,
    ]);
    return getUserById({ ...ctx, db: tx }, userId);
  });
}
