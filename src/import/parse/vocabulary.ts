import { dk, dkAny } from "./danish.ts";

/** The kinds of section an item's text is split into. */
export type SectionKind =
  | "background"
  | "recommendation"
  | "casePresentation"
  | "finance"
  | "decision"
  | "history"
  | "attachments"
  | "other";

export interface SectionHeading {
  kind: SectionKind;
  /** The heading as printed, without a trailing colon. */
  heading: string;
  /** Text after `Heading:` on the same line. */
  inline: string | null;
  /** `Beslutning i <body> den <date>`: the body named, if any. */
  qualifierBody: string | null;
  /** ... and the date as printed. */
  qualifierDate: string | null;
}

const KEYWORDS: Record<Exclude<SectionKind, "other">, string[]> = {
  background: ["baggrund", "sagens baggrund", "resumé", "kort fortalt", "indledning"],
  recommendation: [
    "indstilling",
    "indstillinger",
    "forslag til beslutning",
    "forslag til indstilling",
    "forslag",
    "anbefaling",
    "indstilling og beslutning",
  ],
  casePresentation: [
    "sagsfremstilling",
    "sagsfremstilling og vurdering",
    "supplerende sagsfremstilling",
    "sagsbeskrivelse",
    "sagens indhold",
    "sagen",
    "beskrivelse",
    "beskrivelse af sagen",
    "redegørelse",
  ],
  finance: [
    "økonomi",
    "økonomi og finansiering",
    "økonomi og personale",
    "økonomiske konsekvenser",
    "økonomiske forhold",
    "økonomisk vurdering",
    "bevillingsmæssige konsekvenser",
    "finansiering",
  ],
  decision: ["beslutning", "beslutninger", "referat", "protokol", "afgørelse", "referat og beslutning"],
  history: [
    "sagsforløb",
    "tidligere behandling",
    "tidligere behandlinger",
    "tidligere beslutninger",
    "tidligere politisk behandling",
    "sagens tidligere behandling",
    "politisk behandling",
    "historik",
    "behandling i andre udvalg",
  ],
  attachments: [
    "bilag",
    "bilagsliste",
    "bilagsfortegnelse",
    "vedlagte bilag",
    "vedhæftede bilag",
    "bilag til punktet",
  ],
};

const OTHER_KEYWORDS = [
  "lovgrundlag",
  "retsgrundlag",
  "lovgivning",
  "høring",
  "kommunikation",
  "tidsplan",
  "videre proces",
  "proces",
  "vurdering",
  "administrationens vurdering",
  "konsekvenser",
  "klimakonsekvenser",
  "handicappolitiske konsekvenser",
  "borgerinddragelse",
  "personale",
  "kompetence",
  "beslutningskompetence",
  "beslutningsproces",
];

const EXACT: { kind: SectionKind; re: RegExp; inlineRe: RegExp }[] = [
  ...Object.entries(KEYWORDS).map(([kind, words]) => ({
    kind: kind as SectionKind,
    re: new RegExp(`^${dkAny(words)}\\s*:?$`, "i"),
    inlineRe: new RegExp(`^(${dkAny(words)})\\s*:\\s*(\\S.*)$`, "i"),
  })),
  {
    kind: "other",
    re: new RegExp(`^${dkAny(OTHER_KEYWORDS)}\\s*:?$`, "i"),
    inlineRe: new RegExp(`^(${dkAny(OTHER_KEYWORDS)})\\s*:\\s*(\\S.*)$`, "i"),
  },
];

/** `Beslutning i Økonomiudvalget den 14-03-2023`, `Referat fra Byrådet`. */
const QUALIFIED_DECISION = new RegExp(
  `^(?:${dkAny(["beslutning", "beslutninger", "referat", "protokol", "behandling"])})\\s+(?:i|fra|for|på)\\s+([A-ZÆØÅ0-9][^\\s]*(?:\\s+[^\\s]+){0,5}?)(?:\\s*,?\\s+(?:den|d\\.)\\s+(\\S.*?)|\\s*,\\s*(\\d.*?)|\\s+(\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}.*?))?\\s*:?$`,
  "i",
);
/** `Beslutning Økonomiudvalget den 14-03-2023` (FirstAgenda without the `i`): a date is required. */
const QUALIFIED_DECISION_BARE = new RegExp(
  `^(?:${dkAny(["beslutning", "beslutninger", "referat", "protokol"])})\\s+([A-ZÆØÅ][^\\s]*(?:\\s+[^\\s]+){0,4}?)\\s*,?\\s+(?:den\\s+|d\\.\\s+)?(\\d{1,2}(?:[-./]\\d{1,2}[-./]\\d{2,4}|\\.\\s*[a-zæøå]+\\.?\\s+\\d{4}).*?)\\s*:?$`,
  "i",
);
/** `Økonomiudvalgets beslutning den 14. marts 2023`, `Forvaltningens indstilling`. */
const POSSESSIVE = new RegExp(
  `^([A-ZÆØÅ][^\\s]*(?:\\s+[^\\s]+){0,3}?)s\\s+(${dkAny(["beslutning", "beslutninger", "indstilling", "behandling", "vurdering"])})(?:\\s+(?:den|d\\.)\\s+(\\S.*?))?\\s*:?$`,
  "i",
);
const INDSTILLING_FROM = new RegExp(`^${dk("indstilling")}\\s+(?:fra|til)\\s+[A-ZÆØÅ].{0,60}$`, "i");
const MARKDOWN_BOLD = /^\*{1,2}(.+?)\*{1,2}$/;
const HAS_DIGIT = /\d/;
const LOWER_WORD = /^[a-zæøå]/;

function stripMarkup(text: string): string {
  const bold = MARKDOWN_BOLD.exec(text);
  return (bold ? (bold[1] ?? text) : text).trim();
}

function kindOfVerb(verb: string): SectionKind {
  const v = verb.toLowerCase();
  if (v.startsWith("indstil")) return "recommendation";
  if (v.startsWith("vurder")) return "other";
  if (v.startsWith("behandl")) return "history";
  return "decision";
}

/** The section heading a line is, or null. Headings are short lines; prose never matches. */
export function matchSectionHeading(raw: string): SectionHeading | null {
  if (raw.length > 120) return null;
  const text = stripMarkup(raw);
  for (const def of EXACT) {
    if (def.re.test(text)) {
      return {
        kind: def.kind,
        heading: text.replace(/\s*:$/, ""),
        inline: null,
        qualifierBody: null,
        qualifierDate: null,
      };
    }
  }
  const qualified = QUALIFIED_DECISION.exec(text);
  if (qualified && !text.endsWith(".")) {
    const body = qualified[1] ?? "";
    const date = qualified[2] ?? qualified[3] ?? qualified[4] ?? null;
    if (
      (date === null || HAS_DIGIT.test(date)) &&
      !body.split(/\s+/).some((w, i) => i === 0 && LOWER_WORD.test(w))
    ) {
      const kind: SectionKind = /^behandling/i.test(text) ? "history" : "decision";
      return {
        kind,
        heading: text.replace(/\s*:$/, ""),
        inline: null,
        qualifierBody: body,
        qualifierDate: date,
      };
    }
  }
  const bare = QUALIFIED_DECISION_BARE.exec(text);
  if (bare && !text.endsWith(".") && /^[A-ZÆØÅ]/.test(bare[1] ?? "")) {
    return {
      kind: "decision",
      heading: text.replace(/\s*:$/, ""),
      inline: null,
      qualifierBody: bare[1] ?? null,
      qualifierDate: bare[2] ?? null,
    };
  }
  const possessive = POSSESSIVE.exec(text);
  if (possessive && !text.endsWith(".")) {
    const date = possessive[3] ?? null;
    const owner = (possessive[1] ?? "").split(/\s+/);
    const properName = owner.every((word) => /^[A-ZÆØÅ]/.test(word) || word === "og" || word.endsWith("-"));
    if (properName && (date === null || HAS_DIGIT.test(date))) {
      return {
        kind: kindOfVerb(possessive[2] ?? ""),
        heading: text.replace(/\s*:$/, ""),
        inline: null,
        qualifierBody: possessive[1] ?? null,
        qualifierDate: date,
      };
    }
  }
  if (INDSTILLING_FROM.test(text) && !text.endsWith(".")) {
    return { kind: "recommendation", heading: text, inline: null, qualifierBody: null, qualifierDate: null };
  }
  // `Beslutning: Godkendt.` — a heading with its first line of text beside it.
  if (text.length <= 600) {
    for (const def of EXACT) {
      const inline = def.inlineRe.exec(raw);
      if (inline) {
        return {
          kind: def.kind,
          heading: inline[1] ?? "",
          inline: inline[2] ?? null,
          qualifierBody: null,
          qualifierDate: null,
        };
      }
    }
  }
  return null;
}

/** The recommendation written as prose without a heading: `Det indstilles, at ...`, `Direktionen indstiller, at ...`. */
export const RECOMMENDATION_PROSE = new RegExp(
  `^(?:det\\s+${dk("indstilles")}|[A-ZÆØÅ][^\\s,]*(?:\\s+[^\\s,]+){0,3}\\s+${dk("indstiller")}(?:\\s+til\\s+[^,]+)?)\\s*,?\\s*(?:at|til)\\b`,
  "i",
);

/** `Åbent punkt`, `Lukket punkt`, `Lukket`, `Fortroligt`: a line that only marks an item open or closed. */
export const OPEN_CLOSED_MARKER = new RegExp(
  `^\\(?(${dkAny(["åbent punkt", "åben punkt", "åbent", "åben sag", "åben"])}|${dkAny(["lukket punkt", "lukket sag", "lukket", "fortroligt", "fortrolig"])})\\)?\\s*:?$`,
  "i",
);

/** `Lukket dagsorden`, `Lukkede punkter`: everything after is closed, until `Åben dagsorden`. */
export const CLOSED_REGION = new RegExp(
  `^(?:${dkAny(["lukket dagsorden", "lukkede punkter", "lukkede sager", "lukket møde", "lukket del", "fortrolige punkter"])})\\s*:?$`,
  "i",
);
export const OPEN_REGION = new RegExp(
  `^(?:${dkAny(["åben dagsorden", "åbne punkter", "åbne sager", "åbent møde", "åben del"])})\\s*:?$`,
  "i",
);

export const CLOSED_WORD = new RegExp(`^${dkAny(["lukket", "fortroligt", "fortrolig"])}`, "i");

/** Case file numbers as the Danish ESDH systems print them. */
export const CASE_NUMBER =
  /(?<![\w/.-])(?:[A-ZÆØÅ]{2,6}-\d{4}-\d{3,8}|\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2}|\d{2}\/\d{3,7}(?:-\d{1,4})?|\d{4}-\d{4,7})(?![\w/]|\.\d)/;
/** KL journal numbers: KLE subject `27.12.00`, facet `A00`, serial and year. */
export const JOURNAL_NUMBER = /(?<![\w.])\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2}(?:-\d{1,6}-\d{2})?)?(?![\w.])/;
/** `Sagsnr.: 23/1234`, `Sag nr. 2023-0042`, `J.nr. 27.12.00-A00-1-21`. */
export const CASE_LABEL = new RegExp(
  `^(?:(${dkAny(["sagsnr", "sags nr", "sagsnummer", "sag nr", "esdh nr", "esdh-nr"])})|(${dkAny(["j nr", "j.nr", "jnr", "journalnr", "journal nr", "journalnummer", "kle", "kle-nr", "kle nr"])}))\\.?\\s*[:.]?\\s*(\\S+)`,
  "i",
);

/** Metadata lines under an item heading that are neither prose nor sections. */
export const ITEM_METADATA = new RegExp(
  `^(?:${dkAny([
    "sagsnr",
    "sagsnummer",
    "sag nr",
    "sagsansvarlig",
    "sagsbehandler",
    "ansvarlig",
    "ansvarlig afdeling",
    "forfatter",
    "dok nr",
    "dok.nr",
    "dokumentnr",
    "j nr",
    "j.nr",
    "journalnr",
    "journalnummer",
    "kle",
    "område",
    "afdeling",
    "forvaltning",
    "center",
    "udvalg",
    "mødedato",
    "åben/lukket",
    "status",
    "behandles i",
    "tidligere behandlet",
    "beslutningskompetence",
  ])})\\.?\\s*:`,
  "i",
);

/** `Fraværende: Bo Johansen`, `Afbud: ...` under an item or in the header. */
export const ABSENT_LABEL = new RegExp(
  `^(?:${dkAny(["fraværende", "fraværende med afbud", "afbud", "afbud fra", "ikke til stede", "ikke mødt", "forfald"])})\\s*:\\s*(.*)$`,
  "i",
);
export const PRESENT_LABEL = new RegExp(
  `^(?:${dkAny(["til stede", "tilstede", "deltagere", "deltager", "mødedeltagere", "fremmødte", "medlemmer", "deltog", "deltagende"])})\\s*:\\s*(.*)$`,
  "i",
);
export const SUBSTITUTE_LABEL = new RegExp(
  `^(?:${dkAny(["stedfortræder", "stedfortrædere", "suppleant", "suppleanter", "mødt som suppleant", "indkaldt suppleant"])})\\s*:\\s*(.*)$`,
  "i",
);
