import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import {
  AgendaItem,
  AgendaItemCreate,
  AgendaItemQuery,
  AgendaItemUpdate,
} from "../../core/agenda/agenda-item.schema.ts";
import {
  createAgendaItem,
  findAgendaItems,
  getAgendaItemById,
  updateAgendaItem,
} from "../../core/agenda/agenda-items.ts";
import {
  Case,
  CaseCreate,
  CaseQuery,
  CaseUpdate,
  Consultation,
  ConsultationCreate,
  ConsultationQuery,
  ConsultationUpdate,
} from "../../core/cases/case.schema.ts";
import {
  createCase,
  createConsultation,
  deleteCase,
  deleteConsultation,
  findCases,
  findConsultations,
  getCaseById,
  getConsultationById,
  updateCase,
  updateConsultation,
} from "../../core/cases/cases.ts";
import { FileQuery, FileUpdate, FileUpload, StoredFile } from "../../core/files/file.schema.ts";
import {
  addFile,
  deleteFile,
  findFiles,
  getFileById,
  readFileContent,
  updateFile,
} from "../../core/files/files.ts";
import {
  LegislativeTerm,
  LegislativeTermCreate,
  LegislativeTermQuery,
  LegislativeTermUpdate,
} from "../../core/legislative-terms/legislative-term.schema.ts";
import {
  createLegislativeTerm,
  deleteLegislativeTerm,
  findLegislativeTerms,
  getLegislativeTermById,
  updateLegislativeTerm,
} from "../../core/legislative-terms/legislative-terms.ts";
import {
  Meeting,
  MeetingCreate,
  MeetingDetail,
  MeetingQuery,
  MeetingUpdate,
} from "../../core/meetings/meeting.schema.ts";
import {
  createMeeting,
  deleteMeeting,
  findMeetings,
  getMeetingById,
  updateMeeting,
} from "../../core/meetings/meetings.ts";
import {
  Membership,
  MembershipCreate,
  MembershipQuery,
  MembershipUpdate,
} from "../../core/memberships/membership.schema.ts";
import {
  createMembership,
  deleteMembership,
  findMemberships,
  getMembershipById,
  updateMembership,
} from "../../core/memberships/memberships.ts";
import {
  Organization,
  OrganizationCreate,
  OrganizationQuery,
  OrganizationUpdate,
} from "../../core/organizations/organization.schema.ts";
import {
  createOrganization,
  deleteOrganization,
  findOrganizations,
  getOrganizationById,
  updateOrganization,
} from "../../core/organizations/organizations.ts";
import {
  createPerson,
  deletePerson,
  findPeople,
  getPersonById,
  updatePerson,
} from "../../core/people/people.ts";
import { Person, PersonCreate, PersonQuery, PersonUpdate } from "../../core/people/person.schema.ts";
import { SearchQuery, SearchResults } from "../../core/search/search.schema.ts";
import { searchAgendaItems } from "../../core/search/search-agenda-items.ts";
import { Id } from "../../core/shared/schema.ts";
import type { FileStore } from "../../platform/files/file-store.ts";
import { meRoute } from "./me-route.ts";
import { ProblemSchema } from "./problem-schema.ts";
import { registerResource } from "./resource-routes.ts";

/** The JSON API, `/api/v1`: every record type, through the same core functions as the CLI. */
export async function apiRoutes(app: FastifyInstance, options: { files: FileStore; maxUploadBytes: number }) {
  meRoute(app);
  registerResource(app, {
    path: "organizations",
    tag: "Organizations",
    schemas: {
      entity: Organization,
      create: OrganizationCreate,
      update: OrganizationUpdate,
      query: OrganizationQuery,
    },
    find: findOrganizations,
    get: getOrganizationById,
    create: createOrganization,
    update: updateOrganization,
    remove: deleteOrganization,
  });
  registerResource(app, {
    path: "people",
    tag: "People",
    schemas: { entity: Person, create: PersonCreate, update: PersonUpdate, query: PersonQuery },
    find: findPeople,
    get: getPersonById,
    create: createPerson,
    update: updatePerson,
    remove: deletePerson,
  });
  registerResource(app, {
    path: "memberships",
    tag: "Memberships",
    schemas: {
      entity: Membership,
      create: MembershipCreate,
      update: MembershipUpdate,
      query: MembershipQuery,
    },
    find: findMemberships,
    get: getMembershipById,
    create: createMembership,
    update: updateMembership,
    remove: deleteMembership,
  });
  registerResource(app, {
    path: "legislative-terms",
    tag: "Legislative terms",
    schemas: {
      entity: LegislativeTerm,
      create: LegislativeTermCreate,
      update: LegislativeTermUpdate,
      query: LegislativeTermQuery,
    },
    find: findLegislativeTerms,
    get: getLegislativeTermById,
    create: createLegislativeTerm,
    update: updateLegislativeTerm,
    remove: deleteLegislativeTerm,
  });
  registerResource(app, {
    path: "meetings",
    tag: "Meetings",
    schemas: {
      entity: Meeting,
      detail: MeetingDetail,
      create: MeetingCreate,
      update: MeetingUpdate,
      query: MeetingQuery,
    },
    find: findMeetings,
    get: getMeetingById,
    create: createMeeting,
    update: updateMeeting,
    remove: deleteMeeting,
  });
  registerResource(app, {
    path: "agenda-items",
    tag: "Agenda items",
    schemas: {
      entity: AgendaItem,
      create: AgendaItemCreate,
      update: AgendaItemUpdate,
      query: AgendaItemQuery,
    },
    find: findAgendaItems,
    get: getAgendaItemById,
    create: createAgendaItem,
    update: updateAgendaItem,
  });
  registerResource(app, {
    path: "cases",
    tag: "Cases",
    schemas: { entity: Case, create: CaseCreate, update: CaseUpdate, query: CaseQuery },
    find: findCases,
    get: getCaseById,
    create: createCase,
    update: updateCase,
    remove: deleteCase,
  });
  registerResource(app, {
    path: "consultations",
    tag: "Consultations",
    schemas: {
      entity: Consultation,
      create: ConsultationCreate,
      update: ConsultationUpdate,
      query: ConsultationQuery,
    },
    find: findConsultations,
    get: getConsultationById,
    create: createConsultation,
    update: updateConsultation,
    remove: deleteConsultation,
  });
  registerResource(app, {
    path: "files",
    tag: "Files",
    schemas: { entity: StoredFile, create: FileUpload, update: FileUpdate, query: FileQuery },
    find: findFiles,
    get: getFileById,
    update: updateFile,
    remove: deleteFile,
  });

  app.get(
    "/search",
    {
      schema: {
        tags: ["Search"],
        summary: "Search agenda items: titles, sections, decisions, attachments (Danish stemming)",
        description:
          'Ranked hits with highlighted snippets. Syntax: words, "a phrase", -word (without), OR. A name that matches nothing is corrected to the most similar person or body name (correctedFrom). The public finds only open items of published agendas, and decisions once the minutes are published.',
        querystring: SearchQuery,
        response: { 200: SearchResults, 400: ProblemSchema },
      },
    },
    (request) => searchAgendaItems(request.ctx, request.query as SearchQuery),
  );

  // Uploads carry the bytes as the body and the metadata in the query string.
  app.register(async (uploads) => {
    // Every media type arrives as bytes here, text and JSON included.
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: options.maxUploadBytes },
      (_req, body, done) => done(null, body),
    );
    uploads.post(
      "/files",
      {
        bodyLimit: options.maxUploadBytes,
        schema: {
          tags: ["Files"],
          summary: "Upload a file: the body is the bytes, Content-Type their media type",
          querystring: FileUpload,
          response: {
            201: StoredFile,
            400: ProblemSchema,
            401: ProblemSchema,
            403: ProblemSchema,
            409: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const bytes = new Uint8Array(request.body as Buffer);
        const mediaType = (request.headers["content-type"] ?? "application/octet-stream")
          .split(";")[0]
          ?.trim();
        const created = await addFile(
          { ...request.ctx, files: options.files },
          { ...(request.query as FileUpload), mediaType: mediaType || "application/octet-stream", bytes },
        );
        return reply.status(201).send(created);
      },
    );
  });
  app.get(
    "/files/:id/content",
    { schema: { tags: ["Files"], summary: "The file's bytes", params: Type.Object({ id: Id }) } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { file, bytes } = await readFileContent({ ...request.ctx, files: options.files }, id);
      return reply
        .type(file.mediaType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(Buffer.from(bytes));
    },
  );
}
