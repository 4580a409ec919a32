import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { organizationRoles } from "../../core/shared/context.ts";
import { Id, Nullable } from "../../core/shared/schema.ts";
import { ProblemSchema } from "./problem-schema.ts";

const Me = Type.Object(
  {
    authenticated: Type.Boolean(),
    administrator: Type.Boolean(),
    user: Nullable(
      Type.Object({ id: Id, email: Type.String(), name: Type.String() }, { additionalProperties: false }),
    ),
    roles: Type.Array(
      Type.Object({ organizationId: Id, role: Type.Union(organizationRoles.map((r) => Type.Literal(r))) }),
      { description: "The roles per body: secretariat prepares and publishes, member reads all of it" },
    ),
    csrfToken: Nullable(
      Type.String({ description: "With a session cookie: send it as X-CSRF-Token with every write" }),
    ),
  },
  { title: "Me" },
);

/** `GET /me`: who the credentials of this request are, and what they may do. */
export function meRoute(app: FastifyInstance): void {
  app.get(
    "/me",
    {
      schema: {
        tags: ["Accounts"],
        summary: "Who is asking: the user, its roles per body, and for a session its CSRF token",
        response: { 200: Me, 401: ProblemSchema },
      },
    },
    (request) => {
      const { actor } = request.ctx;
      return {
        authenticated: actor.authenticated,
        administrator: actor.administrator,
        user: actor.user,
        roles: Object.entries(actor.roles).map(([organizationId, role]) => ({ organizationId, role })),
        csrfToken: request.session?.csrfToken ?? null,
      };
    },
  );
}
