import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Session and API tokens are 256 random bits: a plain SHA-256 of one is enough to store it safely
 * (no dictionary to guess from), and lets a request be matched by one index lookup.
 */
export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function secretSha256(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(secretSha256(given), "hex");
  const b = Buffer.from(secretSha256(expected), "hex");
  return timingSafeEqual(a, b);
}
