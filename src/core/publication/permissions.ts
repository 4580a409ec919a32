import { AppError } from "../../platform/errors.ts";
import type { Actor } from "../shared/context.ts";

/**
 * What an actor may do, from its administrator flag and its role per body. Visibility
 * (`visibility.ts`) builds on `mayReadAllOf`; every write in core asks one of the `assert…`.
 *
 * - The administrator may do everything, and manages users.
 * - The secretariat of a body prepares and publishes it: its meetings, agenda items, files,
 *   consultations, appointments and terms.
 * - A member of a body reads all of it (closed items, draft agendas) and writes nothing.
 * - Registers that belong to no one body (people, organisations, cases, installation-wide terms)
 *   are kept by any secretariat; an organisation that is itself prepared for by someone is
 *   changed only by its own secretariat.
 * - Everyone else, the public and the members of other bodies, sees the public view.
 */

/** Whether the actor reads everything of the body: closed items, drafts, attendance. */
export function mayReadAllOf(actor: Actor, organizationId: string): boolean {
  return actor.administrator || Object.hasOwn(actor.roles, organizationId);
}

/** Whether the actor prepares and publishes for the body. */
export function mayPrepareFor(actor: Actor, organizationId: string): boolean {
  return actor.administrator || actor.roles[organizationId] === "secretariat";
}

/** Whether the actor keeps the shared registers: any secretariat, or the administrator. */
export function mayKeepRegisters(actor: Actor): boolean {
  return actor.administrator || Object.values(actor.roles).includes("secretariat");
}

/** The bodies whose restricted content the actor reads: every body, or these ids. */
export function readableOrganizations(actor: Actor): "all" | string[] {
  return actor.administrator ? "all" : Object.keys(actor.roles);
}

/** 401 for the public (who should sign in), 403 for a signed-in actor without the right. */
function refuse(actor: Actor, reason: string): AppError {
  if (!actor.authenticated) {
    return new AppError(
      "auth.required",
      "Writing to the record needs a session or an API token (Authorization: Bearer ...)",
    );
  }
  return new AppError("auth.forbidden", reason);
}

/**
 * Refuses an actor that may write nothing at all (the public, members only). It is also the whole
 * rule for the shared registers: people, organisations, cases.
 */
export function assertMayWrite(actor: Actor): void {
  if (!mayKeepRegisters(actor)) {
    throw refuse(actor, "Writing to the record needs the secretariat role for a body");
  }
}

export function assertMayPrepareFor(actor: Actor, organizationId: string): void {
  if (!mayPrepareFor(actor, organizationId)) {
    throw refuse(
      actor,
      `Preparing and publishing for organisation ${organizationId} needs its secretariat role`,
    );
  }
}

export function assertAdministrator(actor: Actor): void {
  if (!actor.administrator) throw refuse(actor, "Managing users needs an administrator");
}
