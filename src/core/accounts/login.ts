import type { Database } from "../../platform/db/database.ts";
import { newId } from "../../platform/ids.ts";
import { verifyDecoy, verifyPassword } from "./passwords.ts";
import { normalizeEmail } from "./users.ts";

/**
 * Login throttling: failures are counted per e-mail address (guessing one account's password) and
 * per client address (trying many accounts). Past the limit, attempts are refused without looking
 * at the password, for the rest of the window. The client limit is higher because an office's
 * users may share one address. Counted in the database, so it holds across restarts and servers.
 */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_CLIENT = 20;

type LoginResult =
  | { outcome: "success"; userId: string }
  /** Wrong e-mail, wrong password, disabled user, no password: one answer, so none is revealed. */
  | { outcome: "failure" }
  | { outcome: "throttled"; retryAfterSeconds: number };

const emailKey = (email: string) => `email:${normalizeEmail(email)}`;
const clientKey = (client: string) => `client:${client}`;

/**
 * Checks an e-mail and password. Each attempt is first written as a failure and counted, so that
 * parallel attempts cannot slip past the limit; a success takes its rows back and clears the
 * e-mail's failures.
 */
export async function verifyLogin(
  db: Database,
  attempt: { email: string; password: string; client: string },
): Promise<LoginResult> {
  const keys = [emailKey(attempt.email), clientKey(attempt.client)] as const;
  const ids = [newId(), newId()] as const;
  await db.query(`INSERT INTO login_failures (id, key) VALUES ($1, $3), ($2, $4)`, [
    ids[0],
    ids[1],
    keys[0],
    keys[1],
  ]);
  const counts = await db.query<{ key: string; failures: number; oldest: Date }>(
    `SELECT key, count(*)::int AS failures, min(failed_at) AS oldest FROM login_failures
     WHERE key = ANY($1::text[]) AND failed_at > now() - make_interval(mins => $2) GROUP BY key`,
    [keys, LOGIN_WINDOW_MINUTES],
  );
  const over = counts.filter(
    (c) => c.failures > (c.key === keys[0] ? MAX_FAILURES_PER_EMAIL : MAX_FAILURES_PER_CLIENT),
  );
  if (over.length > 0) {
    // A refused attempt is not a failure: the window ends 15 minutes after the last real one.
    await db.query("DELETE FROM login_failures WHERE id = ANY($1::uuid[])", [ids]);
    const until = Math.max(...over.map((c) => c.oldest.getTime() + LOGIN_WINDOW_MINUTES * 60_000));
    return { outcome: "throttled", retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)) };
  }
  const [user] = await db.query<{ id: string; hash: string | null }>(
    `SELECT u.id, p.hash FROM users u LEFT JOIN user_passwords p ON p.user_id = u.id
     WHERE lower(u.email) = $1 AND u.disabled_at IS NULL`,
    [normalizeEmail(attempt.email)],
  );
  const valid = user?.hash
    ? await verifyPassword(user.hash, attempt.password)
    : await verifyDecoy(attempt.password);
  if (!valid || !user) {
    await db.query(`DELETE FROM login_failures WHERE failed_at < now() - make_interval(mins => $1)`, [
      LOGIN_WINDOW_MINUTES,
    ]);
    return { outcome: "failure" };
  }
  await db.query("DELETE FROM login_failures WHERE key = $1 OR id = $2", [keys[0], ids[1]]);
  return { outcome: "success", userId: user.id };
}
