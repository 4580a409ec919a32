import type { FastifyInstance } from "fastify";
import { type Static, type TSchema, Type } from "typebox";
import type { Context } from "../../core/shared/context.ts";
import { Id, Page } from "../../core/shared/schema.ts";
import type { Page as PageResult } from "../../platform/db/keyset.ts";
import { ProblemSchema } from "./problem-schema.ts";

/** The doors every record type has: list, read, create, update, and delete where it may. Thin: core does the work. */
interface ResourceDefinition<
  Entity extends TSchema,
  Detail extends TSchema,
  Create extends TSchema,
  Update extends TSchema,
  Query extends TSchema,
> {
  /** URL segment, e.g. `organizations`. */
  path: string;
  /** Name in the API documentation. */
  tag: string;
  schemas: { entity: Entity; detail?: Detail; create: Create; update: Update; query: Query };
  find(ctx: Context, query: Static<Query>): Promise<PageResult<Static<Entity>>>;
  get(ctx: Context, id: string): Promise<Static<Detail>>;
  /** Absent where creation needs its own route (file uploads). */
  create?(ctx: Context, input: Static<Create>): Promise<Static<Detail>>;
  update(ctx: Context, id: string, patch: Static<Update>): Promise<Static<Detail>>;
  /** Absent where records are not deleted through this door. */
  remove?(ctx: Context, id: string): Promise<void>;
}

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const IdParams = Type.Object({ id: Id });

export function registerResource<
  Entity extends TSchema,
  Detail extends TSchema,
  Create extends TSchema,
  Update extends TSchema,
  Query extends TSchema,
>(app: FastifyInstance, resource: ResourceDefinition<Entity, Detail, Create, Update, Query>): void {
  const { path, tag, schemas } = resource;
  const detail = schemas.detail ?? schemas.entity;
  app.get(
    `/${path}`,
    {
      schema: {
        tags: [tag],
        summary: `List ${tag.toLowerCase()}`,
        querystring: schemas.query,
        response: { 200: Page(schemas.entity), ...errors },
      },
    },
    (request) => resource.find(request.ctx, request.query as Static<Query>),
  );
  app.get(
    `/${path}/:id`,
    { schema: { tags: [tag], summary: `Read one`, params: IdParams, response: { 200: detail, ...errors } } },
    (request) => resource.get(request.ctx, (request.params as Static<typeof IdParams>).id),
  );
  const create = resource.create;
  if (create) {
    app.post(
      `/${path}`,
      {
        schema: {
          tags: [tag],
          summary: `Create`,
          body: schemas.create,
          response: { 201: detail, ...errors },
        },
      },
      async (request, reply) => {
        const created = await create(request.ctx, request.body as Static<Create>);
        return reply.status(201).send(created);
      },
    );
  }
  app.patch(
    `/${path}/:id`,
    {
      schema: {
        tags: [tag],
        summary: `Change`,
        params: IdParams,
        body: schemas.update,
        response: { 200: detail, ...errors },
      },
    },
    (request) =>
      resource.update(
        request.ctx,
        (request.params as Static<typeof IdParams>).id,
        request.body as Static<Update>,
      ),
  );
  const remove = resource.remove;
  if (remove) {
    app.delete(
      `/${path}/:id`,
      {
        schema: {
          tags: [tag],
          summary: "Delete (refused while other records refer to it)",
          params: IdParams,
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (request, reply) => {
        await remove(request.ctx, (request.params as Static<typeof IdParams>).id);
        return reply.status(204).send();
      },
    );
  }
}
