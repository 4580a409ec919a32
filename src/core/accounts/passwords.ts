import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { AppError } from "../../platform/errors.ts";

/**
 * Passwords: argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's minimum
 * configuration; about 22 ms per hash here). Length is the only rule (NIST SP 800-63B): at least
 * 12 characters, at most 256 so that a request cannot make the server hash a megabyte.
 */
export const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 256;

/** The password rule's message in both languages: the web shows one, the CLI prints the English. */
export const passwordRuleText = {
  da: `Adgangskoden skal være mellem ${PASSWORD_MIN_LENGTH} og ${PASSWORD_MAX_LENGTH} tegn lang.`,
  en: `The password must be from ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long.`,
} as const;

export function assertPasswordAcceptable(password: string): void {
  // Characters as people count them: "æ" is one, however it is encoded.
  const length = [...password.normalize("NFC")].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw new AppError("validation.invalid", `password: ${passwordRuleText.en}`, {
      field: "password",
      rule: "password.length",
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
    });
  }
}

/** The PHC string of the password (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize("NFC"));
  } catch {
    // A damaged hash verifies nothing.
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification when there is no hash to check (unknown e-mail, disabled
 * user, no password yet), so that the answer's timing does not tell which it was.
 */
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword("samraad-decoy-password-never-valid");
  await verifyPassword(await decoyHash, password);
  return false;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied. */
const alphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679";

/** A new random password to hand over once: 20 characters, about 112 bits. */
export function generatePassword(): string {
  let password = "";
  for (let i = 0; i < 20; i++) password += alphabet[randomInt(alphabet.length)];
  return password;
}
