import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { readFileContent } from "../../core/files/files.ts";
import {
  entryExists,
  findTombstone,
  installationTimes,
  isOParlId,
  listEntries,
  type OParlType,
} from "../../core/oparl/oparl-entries.ts";
import { loadAllLegislativeTerms } from "../../core/oparl/oparl-records.ts";
import { anonymousReader, type Context } from "../../core/shared/context.ts";
import { DEFAULT_INSTALLATION_NAME } from "../../platform/config.ts";
import { notFound } from "../../platform/errors.ts";
import type { FileStore } from "../../platform/files/file-store.ts";
import { sendProblem, toProblem } from "../problem.ts";
import { agendaItemKind } from "./agenda-item.ts";
import { presentBody } from "./body.ts";
import { consultationKind } from "./consultation.ts";
import { fileKind } from "./file.ts";
import { legislativeTermKind } from "./legislative-term.ts";
import { locationKind } from "./location.ts";
import { meetingKind } from "./meeting.ts";
import { membershipKind } from "./membership.ts";
import { type ListRequest, listPage, parseListRequest, passesTimeFilter } from "./oparl-lists.ts";
import { type OParlObject, type OParlReader, readerOf, tombstone } from "./oparl-object.ts";
import { BODY_KEY, OParlUrls, segments } from "./oparl-urls.ts";
import { organizationKind } from "./organization.ts";
import { paperKind } from "./paper.ts";
import { personKind } from "./person.ts";
import { presentSystem } from "./system.ts";

interface OParlOptions {
  files: FileStore;
  config: { installationName?: string; publicUrl?: string | null };
}

const readers: readonly OParlReader[] = [
  readerOf(organizationKind),
  readerOf(personKind),
  readerOf(membershipKind),
  readerOf(legislativeTermKind),
  readerOf(meetingKind),
  readerOf(agendaItemKind),
  readerOf(paperKind),
  readerOf(consultationKind),
  readerOf(fileKind),
  readerOf(locationKind),
];
const meetingReader = readerOf(meetingKind);

/** Ids are canonical (lower case); anything else names no object. */
function assertId(type: OParlType, id: string): void {
  if (!isOParlId(type, id)) throw notFound(type, id);
}

/**
 * OParl 1.1 at `/oparl/v1`: read-only and anonymous, so it shows exactly what the public may see
 * (core's visibility decides). Every response allows any origin (CORS).
 */
export async function oparlRoutes(app: FastifyInstance, options: OParlOptions): Promise<void> {
  const installationName = options.config.installationName ?? DEFAULT_INSTALLATION_NAME;
  const urlsOf = (request: FastifyRequest) =>
    new OParlUrls(options.config.publicUrl ?? `${request.protocol}://${request.host}`);
  // A token is for the JSON API; OParl answers everyone alike.
  const contextOf = (request: FastifyRequest): Context => ({ db: request.ctx.db, actor: anonymousReader });

  app.addHook("onRoute", (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("access-control-allow-origin", "*");
    return payload;
  });
  // Errors stay JSON here, whatever the client accepts: OParl has no pages.
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, "request failed");
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      type: "https://samraad.dk/problems/record.not_found",
      title: "Not found",
      status: 404,
      detail: `${request.method} ${request.url} is not an OParl object or list of this server`,
      code: "record.not_found",
    }),
  );
  app.options("/*", (_request, reply) =>
    reply
      .status(204)
      .header("access-control-allow-methods", "GET, HEAD, OPTIONS")
      .header("access-control-allow-headers", "*")
      .header("access-control-max-age", "86400")
      .send(),
  );

  const system = async (request: FastifyRequest) =>
    presentSystem(urlsOf(request), installationName, await installationTimes(contextOf(request)));
  app.get("/", { prefixTrailingSlash: "no-slash" }, system);
  // One canonical URL per object: the others redirect to it.
  app.get("/", { prefixTrailingSlash: "slash" }, (request, reply) =>
    reply.redirect(urlsOf(request).system(), 301),
  );
  app.get("/system", (request, reply) => reply.redirect(urlsOf(request).system(), 301));

  const body = async (request: FastifyRequest) => {
    const ctx = contextOf(request);
    const [times, terms] = await Promise.all([installationTimes(ctx), loadAllLegislativeTerms(ctx)]);
    return { times, object: presentBody(urlsOf(request), installationName, terms, times) };
  };
  app.get("/body", async (request) => {
    const list = parseListRequest(request.query as Record<string, unknown>);
    const { times, object } = await body(request);
    return listPage(
      urlsOf(request).bodyList(),
      list,
      passesTimeFilter(list.filter, times) ? [object] : [],
      null,
    );
  });
  app.get("/body/:key", async (request) => {
    const { key } = request.params as { key: string };
    if (key !== BODY_KEY) throw notFound("body", key);
    return (await body(request)).object;
  });

  for (const reader of readers) {
    const segment = segments[reader.type];
    app.get(`/body/${BODY_KEY}/${segment}`, (request) =>
      listOf(request, reader, urlsOf(request).list(reader.type), parseListRequest(queryOf(request))),
    );
    app.get(`/${segment}/:id`, async (request) => {
      const { id } = request.params as { id: string };
      assertId(reader.type, id);
      const ctx = contextOf(request);
      const urls = urlsOf(request);
      const found = (await reader.read(ctx, [id], urls)).get(id);
      if (found) return found;
      const deleted = await findTombstone(ctx, reader.type, id);
      if (deleted) return tombstone(urls, reader.type, deleted);
      throw notFound(reader.type, id);
    });
  }

  app.get("/organization/:id/meeting", async (request) => {
    const { id } = request.params as { id: string };
    assertId("organization", id);
    const urls = urlsOf(request);
    const ctx = contextOf(request);
    if (!(await entryExists(ctx, "organization", id)) && !(await findTombstone(ctx, "organization", id))) {
      throw notFound("organization", id);
    }
    const list = parseListRequest(queryOf(request));
    list.filter.organizationId = id;
    return listOf(request, meetingReader, urls.organizationMeetings(id), list);
  });

  const fileBytes = async (
    request: FastifyRequest,
    reply: FastifyReply,
    disposition: "inline" | "attachment",
  ) => {
    const { id } = request.params as { id: string };
    assertId("file", id);
    const { file, bytes } = await readFileContent({ ...contextOf(request), files: options.files }, id);
    const etag = `"${file.sha256}"`;
    reply
      .header("etag", etag)
      .header("content-disposition", contentDisposition(disposition, file.name))
      // Uploaded HTML or SVG must not run as this site's page.
      .header("x-content-type-options", "nosniff")
      .header("content-security-policy", "sandbox");
    if (request.headers["if-none-match"] === etag) return reply.status(304).send();
    return reply.type(file.mediaType).send(Buffer.from(bytes));
  };
  app.get("/file/:id/access", (request, reply) => fileBytes(request, reply, "inline"));
  app.get("/file/:id/download", (request, reply) => fileBytes(request, reply, "attachment"));

  async function listOf(
    request: FastifyRequest,
    reader: OParlReader,
    listUrl: string,
    list: ListRequest,
  ): Promise<OParlObject> {
    const ctx = contextOf(request);
    const urls = urlsOf(request);
    const page = await listEntries(ctx, reader.type, list.filter, { limit: list.limit, cursor: list.cursor });
    const live = page.data.filter((entry) => !entry.deleted).map((entry) => entry.id);
    const objects = await reader.read(ctx, live, urls);
    const data = page.data.flatMap((entry) => {
      if (entry.deleted) return [tombstone(urls, reader.type, entry)];
      const object = objects.get(entry.id);
      return object ? [object] : [];
    });
    return listPage(listUrl, list, data, page.nextCursor);
  }
}

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return request.query as Record<string, unknown>;
}

/**
 * `attachment` (or `inline`) with the file's name: an ASCII fallback (æ → ae, ø → oe, å → aa,
 * other accents dropped), and the exact name in UTF-8 (RFC 6266).
 */
function contentDisposition(disposition: "inline" | "attachment", name: string): string {
  const ascii = name
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "Ae")
    .replace(/ø/g, "oe")
    .replace(/Ø/g, "Oe")
    .replace(/å/g, "aa")
    .replace(/Å/g, "Aa")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const utf8 = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
