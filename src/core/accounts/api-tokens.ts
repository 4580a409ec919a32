import type { Database } from "../../platform/db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { toDanishIsoString } from "../../platform/time.ts";
import { assertAdministrator } from "../publication/permissions.ts";
import type { Actor, Context } from "../shared/context.ts";
import { inTransaction } from "../shared/transaction.ts";
import { actorForUser, signedInUserColumns } from "./actors.ts";
import { newSecret, secretSha256 } from "./secrets.ts";

/**
 * API tokens for integrators: each belongs to a user and acts with that user's roles, so an
 * integration gets exactly the rights of the account it was made for. The token is shown once;
 * only its SHA-256 is stored. The prefix lets secret scanners recognise a leaked one.
 */
const API_TOKEN_PREFIX = "smr_";

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

/** Makes a token for the user; the returned `token` is the only time it is seen. */
export async function createApiToken(
  ctx: Context,
  userId: string,
  name: string,
): Promise<{ apiToken: ApiToken; token: string }> {
  assertAdministrator(ctx.actor);
  if (name.trim() === "" || name.length > 200) {
    throw new AppError("validation.invalid", "name: say what the token is for (at most 200 characters)", {
      field: "name",
    });
  }
  const token = newSecret(API_TOKEN_PREFIX);
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.query("SELECT 1 FROM users WHERE id = $1", [userId]);
    if (!user) throw notFound("user", userId);
    const id = newId();
    await tx.query(
      `INSERT INTO api_tokens (id, user_id, name, token_sha256, created_by) VALUES ($1, $2, $3, $4, $5)`,
      [id, userId, name.trim(), secretSha256(token), ctx.actor.id],
    );
    const [apiToken] = await listTokens(tx, "t.id = $1", [id]);
    if (!apiToken) throw notFound("API token", id);
    return { apiToken, token };
  });
}

async function listTokens(db: Database, where: string, params: unknown[]): Promise<ApiToken[]> {
  const rows = await db.query<{
    id: string;
    userId: string;
    name: string;
    createdAt: Date;
    lastUsedAt: Date | null;
    revoked: boolean;
  }>(
    `SELECT t.id, t.user_id AS "userId", t.name, t.created_at AS "createdAt", t.last_used_at AS "lastUsedAt",
       (t.revoked_at IS NOT NULL) AS "revoked"
     FROM api_tokens t WHERE ${where} ORDER BY t.created_at, t.id`,
    params,
  );
  return rows.map((row) => ({
    ...row,
    createdAt: toDanishIsoString(row.createdAt),
    lastUsedAt: row.lastUsedAt ? toDanishIsoString(row.lastUsedAt) : null,
  }));
}

export function listApiTokens(ctx: Context, userId: string): Promise<ApiToken[]> {
  assertAdministrator(ctx.actor);
  return listTokens(ctx.db, "t.user_id = $1", [userId]);
}

export async function revokeApiToken(ctx: Context, id: string): Promise<void> {
  assertAdministrator(ctx.actor);
  const rows = await ctx.db.query(
    "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING id",
    [id],
  );
  if (rows.length === 0) throw notFound("API token", id);
}

/** The actor of a token, or null when it is unknown, revoked, or its user disabled. */
export async function resolveApiToken(db: Database, token: string): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await db.query<{
    tokenId: string;
    userId: string;
    email: string;
    name: string;
    administrator: boolean;
    stale: boolean;
  }>(
    `SELECT t.id AS "tokenId", ${signedInUserColumns},
       (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS "stale"
     FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [secretSha256(token)],
  );
  if (!row) return null;
  // When a token was last used tells an administrator whether it is still needed; once a minute is enough.
  if (row.stale) await db.query("UPDATE api_tokens SET last_used_at = now() WHERE id = $1", [row.tokenId]);
  return actorForUser(db, { ...row, id: row.userId });
}
