/**
 * The structured meeting that `parse` reads out of a legacy agenda (dagsorden) or minutes
 * (referat) document. It is a proposal for the record, not the record: nothing here has been
 * matched against existing people, bodies or cases. `parsed-meeting.schema.json` documents the
 * same shape for `samraad parse --json`; keep the two in step.
 */

import { outcomes as recordOutcomes } from "../core/agenda/agenda-item.schema.ts";

/** The record's outcomes that a text can state; "none" is the parser's null. */
export type Outcome = Exclude<(typeof recordOutcomes)[number], "none">;
export const outcomes: readonly Outcome[] = recordOutcomes.filter((o): o is Outcome => o !== "none");

export type MeetingKind = "agenda" | "minutes";

/** The formats `parseDocument` reads. */
export type SourceFormat = "text" | "pdf" | "docx" | "html";

/** The texts of one item, by the house names of the Danish sections; null where absent. */
export interface ItemSections {
  /** Baggrund, Resumé. */
  background: string | null;
  /** Indstilling, Forslag til beslutning, or an unheaded `Det indstilles, at ...` paragraph. */
  recommendation: string | null;
  /** Sagsfremstilling, Sagsbeskrivelse, Sagens indhold. */
  casePresentation: string | null;
  /** Økonomi, Økonomiske konsekvenser. */
  finance: string | null;
  /** This meeting's Beslutning / Referat; never an earlier decision of another body. */
  decision: string | null;
  /**
   * Sagsforløb, Tidligere behandling, and `Beslutning i <other body> den <other date>`: earlier
   * treatments quoted for context. Kept apart so they are never taken for this meeting's decision.
   */
  history: string | null;
  /** Any other recognised heading (Lovgrundlag, Høring, Tidsplan ...), in document order. */
  other: { heading: string; text: string }[];
}

export interface ParsedItem {
  /** The body's own number as printed (`3`, `3.1`, `715`), or null for a single item without one. */
  number: string | null;
  /** The title of the numbered group heading the item sits under (`Regionalpolitiske sager`). */
  group: string | null;
  title: string;
  /** Names from `v. Name og Name` in the heading. */
  presenters: string[];
  /** The case file number (`SAG-2016-04709`, `EMN-2025-008468`, `12/27845`, `27.12.00-A00-1-21`). */
  caseNumber: string | null;
  /** A KL journal number (KLE subject and facet, `27.12.00-A00-1-21`) when printed apart from the case number. */
  journalNumber: string | null;
  /** A closed item (lukket punkt): only members may see its content. */
  closed: boolean;
  sections: ItemSections;
  /** Read from the decision text only; null where it does not state an outcome in so many words. */
  outcome: Outcome | null;
  /** Attachment (bilag) titles, in document order. */
  attachments: string[];
  /** People recorded as absent for this item only (`Fraværende:` under the item). */
  absent: string[];
}

export interface Substitute {
  /** The person who attended. */
  name: string;
  /** The member they stood in for. */
  for: string;
}

export interface Attendance {
  present: string[];
  absent: string[];
  substitutes: Substitute[];
}

/** Something the parser noticed and a person should check; `code` is stable, `message` is English. */
export interface ParseWarning {
  code: string;
  message: string;
}

export interface ParsedMeeting {
  kind: MeetingKind;
  /** The body that meets (`KKR Midtjylland`), as spelled in the document; null when not found. */
  body: string | null;
  title: string | null;
  /** The meeting day (`2021-01-22`), also when no time is printed. */
  date: string | null;
  /** ISO 8601 with the Copenhagen offset of that day (`2021-01-22T10:00:00+01:00`); null without a time. */
  start: string | null;
  end: string | null;
  location: string | null;
  /** The `Deltagere` line(s) as printed, split into entries (people or groups). */
  participants: string[];
  attendance: Attendance;
  items: ParsedItem[];
  warnings: ParseWarning[];
  /** Where the text came from. */
  source: {
    fileName: string | null;
    format: SourceFormat;
    /** Pages of a PDF, or form-feed separated pages of text; null when unknown. */
    pages: number | null;
    /** Character encoding of a text file (`utf-8`, `windows-1252`, `utf-16le`). */
    encoding: string | null;
  };
}
