import type { FastifyInstance } from "fastify";
import { type Static, Type } from "typebox";
import { Id } from "../core/shared/schema.ts";
import { ProblemSchema } from "../http/api/problem-schema.ts";
import type { FileStore } from "../platform/files/file-store.ts";
import type { DocumentKind } from "./meeting-document.ts";
import { meetingPdf } from "./meeting-pdf.ts";

const Params = Type.Object({ id: Id });
const Query = Type.Object({
  udgave: Type.Optional(
    Type.Enum(["offentlig", "medlemmer"], {
      default: "offentlig",
      description: "offentlig: what the public may see; medlemmer: with closed items (needs a token)",
    }),
  ),
  bilag: Type.Optional(
    Type.Enum(["med", "uden"], {
      default: "uden",
      description: "med: one PDF with the attachments that are PDFs appended after their item",
    }),
  ),
});

const documents: { path: string; kind: DocumentKind; summary: string }[] = [
  { path: "dagsorden.pdf", kind: "agenda", summary: "The agenda (dagsorden) as an accessible PDF" },
  { path: "referat.pdf", kind: "minutes", summary: "The minutes (referat) as an accessible PDF" },
];

/** `GET /moeder/:id/dagsorden.pdf` and `/referat.pdf`: thin; `documents/` does the work. */
export async function documentRoutes(app: FastifyInstance, options: { files: FileStore }) {
  for (const { path, kind, summary } of documents) {
    app.get(
      `/moeder/:id/${path}`,
      {
        schema: {
          tags: ["Documents"],
          summary,
          params: Params,
          querystring: Query,
          response: {
            200: {
              description: "The PDF",
              content: { "application/pdf": { schema: { type: "string", format: "binary" } } },
            },
            400: ProblemSchema,
            401: ProblemSchema,
            403: ProblemSchema,
            404: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const { id } = request.params as Static<typeof Params>;
        const query = request.query as Static<typeof Query>;
        const edition = query.udgave === "medlemmer" ? "members" : "public";
        const pdf = await meetingPdf(
          { ...request.ctx, files: options.files },
          { meetingId: id, kind, edition, withAttachments: query.bilag === "med" },
        );
        return reply
          .type("application/pdf")
          .header(
            "content-disposition",
            `inline; filename="${pdf.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(pdf.fileName)}`,
          )
          .header("cache-control", edition === "members" ? "private, no-store" : "no-cache")
          .send(Buffer.from(pdf.bytes));
      },
    );
  }
}
