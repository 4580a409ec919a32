import type { Database, Queryable } from "../../platform/db/database.ts";
import type { Actor } from "../shared/context.ts";
import { actorForUser, signedInUserColumns } from "./actors.ts";
import { newSecret, secretSha256 } from "./secrets.ts";

/** A session ends after this long without use… */
const SESSION_IDLE_MINUTES = 8 * 60;
/** …and at the latest this long after login, used or not. */
const SESSION_MAX_DAYS = 7;
/** Use moves the idle expiry forward at most this often, so that reads do not all write. */
const TOUCH_EVERY_MINUTES = 5;

export interface Session {
  tokenSha256: string;
  userId: string;
  /** The synchronizer token forms of this session carry. */
  csrfToken: string;
  expiresAt: Date;
}

/** A new session for the user; the token goes to the browser, only its hash is stored. */
export async function createSession(
  db: Database,
  userId: string,
): Promise<{ token: string; session: Session }> {
  const token = newSecret();
  const csrfToken = newSecret();
  const [row] = await db.query<{ expiresAt: Date }>(
    `INSERT INTO sessions (token_sha256, user_id, csrf_token, expires_at, absolute_expires_at)
     VALUES ($1, $2, $3, now() + make_interval(mins => $4), now() + make_interval(days => $5))
     RETURNING expires_at AS "expiresAt"`,
    [secretSha256(token), userId, csrfToken, SESSION_IDLE_MINUTES, SESSION_MAX_DAYS],
  );
  // Expired sessions are pruned here: logins are rare enough, and the index makes it cheap.
  await db.query("DELETE FROM sessions WHERE expires_at < now() OR absolute_expires_at < now()");
  if (!row) throw new Error("session insert returned no row");
  return {
    token,
    session: { tokenSha256: secretSha256(token), userId, csrfToken, expiresAt: row.expiresAt },
  };
}

/** The session and its actor, or null when the token is unknown, expired, or its user disabled. */
export async function resolveSession(
  db: Database,
  token: string,
): Promise<{ session: Session; actor: Actor } | null> {
  const tokenSha256 = secretSha256(token);
  const [row] = await db.query<{
    userId: string;
    email: string;
    name: string;
    administrator: boolean;
    csrfToken: string;
    expiresAt: Date;
    stale: boolean;
  }>(
    `SELECT ${signedInUserColumns}, s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt",
       (s.last_seen_at < now() - make_interval(mins => $2)) AS "stale"
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_sha256 = $1 AND s.expires_at > now() AND s.absolute_expires_at > now()
       AND u.disabled_at IS NULL`,
    [tokenSha256, TOUCH_EVERY_MINUTES],
  );
  if (!row) return null;
  let expiresAt = row.expiresAt;
  if (row.stale) {
    const [touched] = await db.query<{ expiresAt: Date }>(
      `UPDATE sessions SET last_seen_at = now(),
         expires_at = LEAST(now() + make_interval(mins => $2), absolute_expires_at)
       WHERE token_sha256 = $1 RETURNING expires_at AS "expiresAt"`,
      [tokenSha256, SESSION_IDLE_MINUTES],
    );
    expiresAt = touched?.expiresAt ?? expiresAt;
  }
  const actor = await actorForUser(db, { ...row, id: row.userId });
  return { session: { tokenSha256, userId: row.userId, csrfToken: row.csrfToken, expiresAt }, actor };
}

/** Ends the session of this token (logout); an unknown token ends nothing. */
export async function revokeSession(db: Queryable, token: string): Promise<void> {
  await db.query("DELETE FROM sessions WHERE token_sha256 = $1", [secretSha256(token)]);
}

/** Ends every session of the user (new password, disabled account). */
export async function revokeSessionsOf(db: Queryable, userId: string): Promise<void> {
  await db.query("DELETE FROM sessions WHERE user_id = $1", [userId]);
}
