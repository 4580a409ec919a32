import { type Static, Type } from "typebox";
import { Outcome } from "../agenda/agenda-item.schema.ts";
import { DateOnly, DateTime, Id, Nullable } from "../shared/schema.ts";

export const searchScopes = ["all", "agenda", "minutes"] as const;
export const matchedParts = ["title", "sections", "decision", "attachments"] as const;
export type MatchedPart = (typeof matchedParts)[number];

export const SEARCH_PAGE_SIZE = 20;
export const MAX_SEARCH_PAGE_SIZE = 50;

export const SearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 500,
      description:
        'Words to find, Danish stemming (uddannelse finds uddannelserne). "quoted words" = a phrase, -word = without it, OR = either',
    }),
    organizationId: Type.Optional(Id),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    scope: Type.Optional(
      Type.Enum(searchScopes, {
        default: "all",
        description: "all; agenda = the agenda's text and attachments; minutes = the decisions",
      }),
    ),
    outcome: Type.Optional(Outcome),
    personId: Type.Optional(
      Type.String({
        format: "uuid",
        description: "Items the person presented, or items of meetings the person attended (present)",
      }),
    ),
    caseId: Type.Optional(Id),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_SEARCH_PAGE_SIZE, default: SEARCH_PAGE_SIZE }),
    ),
    cursor: Type.Optional(Type.String({ description: "The nextCursor of the previous page" })),
  },
  { additionalProperties: false, title: "SearchQuery" },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchHit = Type.Object(
  {
    agendaItemId: Id,
    meetingId: Id,
    organizationId: Id,
    organizationName: Type.String(),
    meetingTitle: Type.String(),
    meetingStart: DateTime,
    itemNumber: Type.String({ description: "The item's number on the agenda, e.g. 3.1" }),
    itemTitle: Type.String(),
    titleHighlight: Type.String({
      description: "The title with the matched words between the markers \\uE000 and \\uE001",
    }),
    snippet: Type.String({
      description:
        "Passages around the matches, between the markers \\uE000 and \\uE001 (escape the text, then turn the markers into <mark>); empty when only the title matched",
    }),
    matchedIn: Type.Array(Type.Enum(matchedParts), {
      description:
        "Where the words were found: title, sections (Indstilling, Baggrund, ...), decision, attachments",
    }),
    rank: Type.Number({ description: "Relevance; higher is better, comparable within one search" }),
  },
  { title: "SearchHit" },
);
export type SearchHit = Static<typeof SearchHit>;

export const SearchResults = Type.Object(
  {
    data: Type.Array(SearchHit),
    total: Type.Integer({ description: "Number of matching items (exact or estimated, see totalIsExact)" }),
    totalIsExact: Type.Boolean(),
    query: Type.String({ description: "The words searched for (after any correction)" }),
    correctedFrom: Nullable(
      Type.String({ description: "The words as typed, when nothing matched them and a similar name did" }),
    ),
    nextCursor: Nullable(Type.String({ description: "Pass as cursor for the next page; null on the last" })),
  },
  { title: "SearchResults" },
);
export type SearchResults = Static<typeof SearchResults>;
