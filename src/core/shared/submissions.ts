import { randomBytes } from "node:crypto";
import { AppError } from "../../platform/errors.ts";
import type { Context } from "./context.ts";
import { inTransaction } from "./transaction.ts";

/**
 * One-time form submissions. Every form of the workspace carries a fresh token; the first post of
 * it does the work and stores where it led, in the same transaction as the work. A second post of
 * the same token (a double click, a reload, a browser retry) does nothing and is sent to the first
 * one's result. A failed post stores nothing, so the same form can be corrected and posted again.
 */

/** How long a used token is remembered: longer than anyone keeps a form open. */
const REMEMBER_DAYS = 30;
const tokenPattern = /^[A-Za-z0-9_-]{16,64}$/;

export function newSubmissionToken(): string {
  return randomBytes(18).toString("base64url");
}

interface SubmissionOutcome {
  /** Where the work led (or where the first post of this token led). */
  url: string;
  /** True when the token had been used: nothing was done this time. */
  repeated: boolean;
}

/**
 * Runs `work` once per token. `work` gets a context inside the transaction and returns the URL to
 * show afterwards.
 */
export async function submitOnce(
  ctx: Context,
  token: unknown,
  work: (tx: Context) => Promise<string>,
): Promise<SubmissionOutcome> {
  if (typeof token !== "string" || !tokenPattern.test(token)) {
    throw new AppError(
      "validation.invalid",
      "_submission: the form has no valid submission token; reload the page and try again",
      { field: "_submission" },
    );
  }
  return inTransaction(ctx, async (db) => {
    // A concurrent first post holds the row until it commits; this insert waits for it.
    const claimed = await db.query(
      `INSERT INTO form_submissions (token, created_by) VALUES ($1, $2)
       ON CONFLICT (token) DO NOTHING RETURNING token`,
      [token, ctx.actor.id],
    );
    if (claimed.length === 0) {
      const [first] = await db.query<{ url: string | null }>(
        `SELECT result_url AS url FROM form_submissions WHERE token = $1`,
        [token],
      );
      return { url: first?.url ?? "/sekretariat", repeated: true };
    }
    const url = await work({ ...ctx, db });
    await db.query("UPDATE form_submissions SET result_url = $2 WHERE token = $1", [token, url]);
    await db.query(
      `DELETE FROM form_submissions WHERE created_at < now() - make_interval(days => ${REMEMBER_DAYS})`,
    );
    return { url, repeated: false };
  });
}
