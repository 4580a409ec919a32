import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { type Actor, anonymousReader, systemActorNamed } from "../core/shared/context.ts";
import { AppError } from "../platform/errors.ts";

/**
 * Who is asking: the holder of the API token acts for the secretariat (writes, sees drafts and
 * closed items); everyone else reads what is public. Accounts and roles replace this later.
 */
export function actorFromRequest(request: FastifyRequest, apiToken: string | null): Actor {
  const header = request.headers.authorization;
  if (!header) return anonymousReader;
  const match = /^Bearer (\S+)$/.exec(header);
  const given = Buffer.from(match?.[1] ?? "");
  const expected = Buffer.from(apiToken ?? "");
  if (!apiToken || !match || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError("auth.required", "Authorization: the token is not valid", { field: "authorization" });
  }
  return systemActorNamed("api-token");
}
