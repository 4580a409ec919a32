import type { Attendance, MeetingKind } from "../parsed-meeting.ts";
import { copenhagenIso, dk, dkAny, isoDate, MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN } from "./danish.ts";
import { splitNames } from "./item-body.ts";
import type { Line } from "./normalize.ts";
import { ABSENT_LABEL, PRESENT_LABEL, SUBSTITUTE_LABEL } from "./vocabulary.ts";

interface FoundDate {
  date: string;
  index: number;
  length: number;
}

const LONG_DATE = new RegExp(
  `(?:${WEEKDAY_PATTERN}\\s*,?\\s+)?(?:den\\s+)?(\\d{1,2})\\.?\\s*${MONTH_PATTERN}\\.?,?\\s+(\\d{4})`,
  "i",
);
const NUMERIC_DATE = /(?<![\d.])(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})(?![\d])/;
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const TIME_KL =
  /(?:\bkl\.?|\bklokken)\s*(\d{1,2})(?:[.:](\d{2}))?(?:\s*(?:-|–|—|til)\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?)?/i;
const TIME_CLOCK = /(?<![\d.:/-])(\d{1,2})[:.](\d{2})(?:\s*(?:-|–|—|til)\s*(\d{1,2})[:.](\d{2}))?(?![\d])/;
const TIME_LABEL = new RegExp(
  `^(?:${dkAny(["tid", "tidspunkt", "mødetid", "mødetidspunkt", "starttidspunkt", "start", "mødestart", "kl"])})\\.?\\s*:\\s*(.*)$`,
  "i",
);
const END_LABEL = new RegExp(
  `^(?:${dkAny(["sluttidspunkt", "slut", "mødeslut", "afsluttet"])})\\s*:\\s*(.*)$`,
  "i",
);
const MEETING_ENDED = new RegExp(
  `${dk("mødet")}\\s+(?:blev\\s+)?(?:sluttede|${dk("hævet")}|${dk("hævedes")}|afsluttet|afsluttedes|slut|sluttet)\\s*(?:kl\\.?|klokken)\\s*(\\d{1,2})(?:[.:](\\d{2}))?`,
  "i",
);
const LOCATION_LABEL = new RegExp(
  `^(?:${dkAny(["sted", "mødested", "mødelokale", "lokale", "lokation", "adresse", "placering", "mødelokation"])})\\s*:\\s*(.*)$`,
  "i",
);
const TIME_AND_PLACE = new RegExp(
  `^(?:${dkAny(["tid og sted", "dato og sted", "tid/sted", "dato, tid og sted"])})\\s*:\\s*(.*)$`,
  "i",
);
const DATE_LABEL = new RegExp(`^(?:${dkAny(["dato", "mødedato", "mødedag"])})\\s*:\\s*(.*)$`, "i");
const HELD_AS = new RegExp(
  `^(?:${dk("mødet")}\\s+)?(?:${dk("afholdes")}|blev\\s+afholdt|afholdt)\\s+(?:som|på|i|hos|via)\\s+`,
  "i",
);
const ANY_LABEL = /^[\p{L} /.-]{2,30}:\s*/u;
const BODY_LABEL = new RegExp(
  `^(?:${dkAny(["udvalg", "mødeforum", "forum", "organ", "råd", "netværk", "styregruppe", "bestyrelse", "mødeorgan"])})\\s*:\\s*(.+)$`,
  "i",
);
const KIND_MINUTES = new RegExp(
  `(?<!\\p{L})(?:referat|beslutningsprotokol|protokol|${dk("mødereferat")})(?!\\p{L})`,
  "iu",
);
const KIND_AGENDA = new RegExp(
  `(?<!\\p{L})(?:dagsorden|indkaldelse|${dk("mødeindkaldelse")})(?!\\p{L})`,
  "iu",
);
const MEETING_OF = new RegExp(
  `(?:${dk("møde")}|${dk("mødet")})\\s+(?:i|for)\\s+((?:[A-ZÆØÅ][\\p{L}\\d-]*|og)(?:\\s+(?:[A-ZÆØÅ][\\p{L}\\d-]*|og|for|i))*?)(?=\\s*(?:,|\\s+den\\s|\\s+d\\.|\\s+\\d|$))`,
  "u",
);
const OWNER_MEETING = new RegExp(
  `^((?:[A-ZÆØÅ][\\p{L}-]*\\s+(?:og\\s+)?)*[A-ZÆØÅ][\\p{L}-]*?)s\\s+(?:ordinære\\s+|ekstraordinære\\s+)?${dk("møde")}\\b`,
  "u",
);
const SUBSTITUTE_ENTRY = new RegExp(
  `^(.+?)\\s+(?:(?:deltog|${dk("mødte")})\\s+)?\\(?(?:(?:som\\s+)?(?:suppleant|${dk("stedfortræder")})\\s+)?(?:for|i\\s+stedet\\s+for)\\s+(.+?)\\)?\\.?$`,
  "i",
);
const PERSON_NAME = /^[A-ZÆØÅ][\p{L}'.-]+(?:\s+(?:[A-ZÆØÅ][\p{L}'.-]+|de|van|von|la))+$/u;
const BODY_WORD =
  /(?:udvalg|udvalget|råd|rådet|bestyrelse|bestyrelsen|styregruppe|styregruppen|netværk|netværket|forum|kommission|gruppe|gruppen|repræsentantskab|repræsentantskabet)$/i;
const LETTERHEAD = /^(?:tlf|telefon|fax|e-?mail|mail|cvr|ean|www\.|https?:|web)\b/i;

/** The first date in a text, as `YYYY-MM-DD`, with where it was found. */
export function findDate(text: string): FoundDate | null {
  const found: FoundDate[] = [];
  const long = LONG_DATE.exec(text);
  if (long) {
    const month = MONTHS[(long[2] ?? "").toLowerCase()] ?? 0;
    const date = isoDate(Number(long[3]), month, Number(long[1]));
    if (date) found.push({ date, index: long.index, length: long[0].length });
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    let year = Number(numeric[3]);
    if ((numeric[3] ?? "").length === 2) year += 2000;
    const date = isoDate(year, Number(numeric[2]), Number(numeric[1]));
    if (date) found.push({ date, index: numeric.index, length: numeric[0].length });
  }
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) found.push({ date, index: iso.index, length: iso[0].length });
  }
  found.sort((a, b) => a.index - b.index);
  return found[0] ?? null;
}

interface TimeRange {
  start: [number, number];
  end: [number, number] | null;
}

function findTime(text: string): TimeRange | null {
  const kl = TIME_KL.exec(text);
  const clock = TIME_CLOCK.exec(text);
  const match = kl ?? clock;
  if (!match) return null;
  const start: [number, number] = [Number(match[1]), Number(match[2] ?? 0)];
  const end: [number, number] | null = match[3] ? [Number(match[3]), Number(match[4] ?? 0)] : null;
  if (start[0] > 23 || start[1] > 59) return null;
  return { start, end: end && end[0] <= 23 && end[1] <= 59 ? end : null };
}

interface HeaderInfo {
  kind: MeetingKind | null;
  /** The word the document calls itself by (`Referat`, `Beslutningsprotokol`), title-cased. */
  kindWord: string | null;
  title: string | null;
  titleLine: string | null;
  body: string | null;
  date: string | null;
  start: string | null;
  end: string | null;
  location: string | null;
  participants: string[];
  attendance: Attendance;
}

function withoutDateAndTime(text: string): string {
  let out = text;
  const date = findDate(out);
  if (date) out = out.slice(0, date.index) + out.slice(date.index + date.length);
  out = out.replace(new RegExp(TIME_KL.source, "gi"), " ").replace(new RegExp(TIME_CLOCK.source, "g"), " ");
  out = out.replace(new RegExp(`^\\s*${WEEKDAY_PATTERN}\\b`, "i"), "");
  return out.replace(/^[\s,;.–-]+|[\s,;.–-]+$/g, "").trim();
}

function cleanLocation(text: string): string | null {
  const out = text
    .replace(HELD_AS, "")
    .replace(/^[\s,;.–-]+|[\s,;.–-]+$/g, "")
    .trim();
  return out && /\p{L}/u.test(out) ? out : null;
}

/** A value that runs on: the labelled text plus following lines until a blank or another label. */
function labelledValue(lines: readonly Line[], index: number, first: string, maxExtra = 3): string {
  if (!first.trim()) {
    // `Deltagere:` alone on its line, the names below it, one a line.
    const names: string[] = [];
    for (let i = index + 1; i < lines.length && i <= index + 60; i++) {
      const text = lines[i]?.text ?? "";
      if (!text || ANY_LABEL.test(text)) break;
      names.push(text.replace(/^[-•*]\s*/, ""));
    }
    return names.join(", ");
  }
  const parts = [first];
  for (let i = index + 1; i < lines.length && i <= index + maxExtra; i++) {
    const text = lines[i]?.text ?? "";
    if (!text || ANY_LABEL.test(text)) break;
    const previous = parts[parts.length - 1] ?? "";
    if (previous && !/[,;]$/.test(previous) && !/^(?:og|samt)\b/.test(text)) break;
    parts.push(text);
  }
  return parts.join(" ").trim();
}

function titleCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** The spelling a name has in running text, for names printed in capitals in a letterhead. */
export function recase(name: string, fullText: string): string {
  if (name !== name.toUpperCase()) return name;
  const pattern = new RegExp(
    `(?<!\\p{L})${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+")}(?!\\p{L})`,
    "giu",
  );
  const counts = new Map<string, number>();
  for (const match of fullText.matchAll(pattern)) {
    if (match[0] !== name) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [spelling, count] of counts) if (!best || count > (counts.get(best) ?? 0)) best = spelling;
  return best ?? titleCase(name);
}

/** Attendance entries are people: drop role words and groups written in lower case (`formand`). */
function people(names: string[]): string[] {
  return names.filter((name) => /^[A-ZÆØÅ]/.test(name));
}

function substitute(entry: string): { name: string; for: string } | null {
  const match = SUBSTITUTE_ENTRY.exec(entry);
  if (!match) return null;
  const name = (match[1] ?? "").trim();
  const whom = (match[2] ?? "").replace(/\s*\([^)]{1,6}\)$/, "").trim();
  if (!PERSON_NAME.test(name) || !PERSON_NAME.test(whom)) return null;
  return { name, for: whom };
}

/** Reads the lines above the first item: kind, title, body, date and time, place, who attended. */
export function parseHeader(lines: readonly Line[], skip: ReadonlySet<number>, fullText: string): HeaderInfo {
  const info: HeaderInfo = {
    kind: null,
    kindWord: null,
    title: null,
    titleLine: null,
    body: null,
    date: null,
    start: null,
    end: null,
    location: null,
    participants: [],
    attendance: { present: [], absent: [], substitutes: [] },
  };
  const header: { text: string; index: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? "";
    if (text && !skip.has(i) && !LETTERHEAD.test(text)) header.push({ text, index: i });
  }

  // Kind and title: the first line that says Referat or Dagsorden.
  for (const { text } of header.slice(0, 12)) {
    const minutes = KIND_MINUTES.exec(text);
    const agenda = KIND_AGENDA.exec(text);
    if (!minutes && !agenda) continue;
    const word = minutes && (!agenda || minutes.index < agenda.index) ? minutes : agenda;
    info.kind = word === minutes ? "minutes" : "agenda";
    info.kindWord = titleCase((word?.[0] ?? "").toUpperCase());
    info.titleLine = text;
    break;
  }

  // Body: an explicit label, or `møde i <Name>` in the title.
  for (const { text } of header) {
    const label = BODY_LABEL.exec(text);
    if (label?.[1]) {
      info.body = label[1].trim();
      break;
    }
  }
  if (!info.body && info.titleLine) {
    const of = MEETING_OF.exec(info.titleLine);
    if (of?.[1] && !/^(?:og|for|i)$/.test(of[1])) info.body = of[1].trim();
  }
  if (!info.body) {
    // `Byrådets møde tirsdag den ...`, `Regionsrådets møde ...`
    for (const { text } of header.slice(0, 12)) {
      const owner = OWNER_MEETING.exec(text);
      if (owner?.[1]) {
        info.body = owner[1];
        break;
      }
    }
  }

  // Date and time.
  // A labelled date (`Mødedato:`, `Tid og sted:`) beats one with a time, which beats the first
  // date in the header (`Udsendt den ...` may come before the meeting's own date).
  let dateLine = -1;
  let dateRank = 0;
  for (let h = 0; h < header.length; h++) {
    const entry = header[h] as { text: string; index: number };
    const found = findDate(entry.text);
    if (!found) continue;
    const rank =
      DATE_LABEL.test(entry.text) || TIME_AND_PLACE.test(entry.text) || TIME_LABEL.test(entry.text)
        ? 3
        : findTime(entry.text.slice(found.index + found.length))
          ? 2
          : 1;
    if (rank > dateRank) {
      info.date = found.date;
      dateLine = h;
      dateRank = rank;
      if (rank === 3) break;
    }
  }
  let time: TimeRange | null = null;
  if (info.date) {
    for (const entry of header) {
      const found = findDate(entry.text);
      if (found?.date !== info.date) continue;
      const rest =
        entry.text.slice(0, found.index) +
        " ".repeat(found.length) +
        entry.text.slice(found.index + found.length);
      time = findTime(rest);
      if (time) break;
    }
    if (!time) {
      for (const entry of header) {
        const label = TIME_LABEL.exec(entry.text);
        if (label) {
          time = findTime(withoutDate(label[1] ?? ""));
          if (time) break;
        }
      }
    }
    if (!time) {
      for (const entry of header.slice(dateLine, dateLine + 4)) {
        const kl = TIME_KL.exec(entry.text);
        if (kl) {
          time = findTime(kl[0]);
          break;
        }
      }
    }
  }
  let endClock: [number, number] | null = time?.end ?? null;
  for (const entry of header) {
    const label = END_LABEL.exec(entry.text);
    if (label) {
      const t = findTime(withoutDate(label[1] ?? ""));
      if (t) endClock = t.start;
    }
  }
  if (!endClock) {
    const ended = MEETING_ENDED.exec(fullText);
    if (ended) endClock = [Number(ended[1]), Number(ended[2] ?? 0)];
  }
  if (info.date && time) info.start = copenhagenIso(info.date, time.start[0], time.start[1]);
  if (info.date && endClock && info.start) info.end = copenhagenIso(info.date, endClock[0], endClock[1]);

  // Place.
  for (const entry of header) {
    const i = header.indexOf(entry);
    const label = LOCATION_LABEL.exec(entry.text);
    const both = label ? null : TIME_AND_PLACE.exec(entry.text);
    const dateLabel = label || both ? null : DATE_LABEL.exec(entry.text);
    if (!label && !both && !dateLabel) continue;
    let value = label
      ? labelledValue(lines, entry.index, label[1] ?? "")
      : withoutDateAndTime(both?.[1] ?? dateLabel?.[1] ?? "");
    if (both || dateLabel) {
      // `Tid og sted: <date>, kl. 10.00 – 13.00,` + `Mødet afholdes som Teams-møde`.
      const next = header[i + 1];
      const raw = both?.[1] ?? dateLabel?.[1] ?? "";
      if (!value && next && /[,;]\s*$/.test(raw) && !ANY_LABEL.test(next.text)) value = next.text;
      if (!value && next && HELD_AS.test(next.text)) value = next.text;
      if (dateLabel && !HELD_AS.test(value) && !both) continue;
    }
    const location = cleanLocation(value);
    if (location) {
      info.location = location;
      break;
    }
  }
  if (!info.location) {
    for (const entry of header) {
      if (HELD_AS.test(entry.text)) {
        info.location = cleanLocation(entry.text);
        if (info.location) break;
      }
    }
  }

  // Who: participants, absence, substitutes.
  for (const entry of header) {
    const present = PRESENT_LABEL.exec(entry.text);
    const absent = ABSENT_LABEL.exec(entry.text);
    const subs = SUBSTITUTE_LABEL.exec(entry.text);
    if (present) {
      const value = labelledValue(lines, entry.index, present[1] ?? "", 12);
      const entries = value
        .split(/\s*(?:[,;]|\bsamt\b)\s*/)
        .map((part) => part.replace(/\.$/, "").trim())
        .filter(Boolean);
      info.participants.push(...entries);
      for (const name of entries.flatMap((part) => (substitute(part) ? [part] : splitNames(part)))) {
        const sub = substitute(name);
        if (sub) info.attendance.substitutes.push(sub);
        else info.attendance.present.push(name);
      }
    } else if (absent) {
      info.attendance.absent.push(...splitNames(labelledValue(lines, entry.index, absent[1] ?? "", 12)));
    } else if (subs) {
      for (const part of labelledValue(lines, entry.index, subs[1] ?? "", 12).split(/\s*[,;]\s*/)) {
        const sub = substitute(part);
        if (sub) info.attendance.substitutes.push(sub);
      }
    } else {
      const sub = entry.text.length < 80 ? substitute(entry.text) : null;
      if (sub) info.attendance.substitutes.push(sub);
    }
  }

  const unique = (names: string[]) => [...new Set(names)];
  info.attendance.present = unique(people(info.attendance.present));
  info.attendance.absent = unique(people(info.attendance.absent));
  const seenSubstitutes = new Set<string>();
  info.attendance.substitutes = info.attendance.substitutes.filter((sub) => {
    const key = `${sub.name}\u0000${sub.for}`;
    if (seenSubstitutes.has(key)) return false;
    seenSubstitutes.add(key);
    return true;
  });

  // Title: the Referat/Dagsorden line without its date, unless it says no more than the kind.
  if (info.titleLine) {
    let title = info.titleLine;
    const found = findDate(title);
    if (found) title = title.slice(0, found.index);
    title = title
      .replace(/[\s,;–-]+(?:den|d\.)?\s*$/i, "")
      .replace(/\s+\d{4}$/, "")
      .trim();
    const bare = /^(?:referat|dagsorden|beslutningsprotokol|protokol|indkaldelse)$/i.test(title);
    info.title = bare ? null : titleCase(title);
  }
  void fullText;
  return info;
}

function withoutDate(text: string): string {
  const found = findDate(text);
  return found ? text.slice(0, found.index) + text.slice(found.index + found.length) : text;
}

/** A standalone short line in the header that names the body (`KKR MIDTJYLLAND`, `Økonomiudvalget`). */
export function bodyFromHeaderLines(
  lines: readonly Line[],
  skip: ReadonlySet<number>,
  end: number,
): string | null {
  for (let i = 0; i < end && i < 30; i++) {
    const text = lines[i]?.text ?? "";
    if (!text || skip.has(i) || text.length > 60 || /[:.,;]/.test(text) || /\d/.test(text)) continue;
    if (KIND_MINUTES.test(text) || KIND_AGENDA.test(text)) continue;
    const words = text.split(/\s+/);
    if (words.length > 5 || !/^[A-ZÆØÅ]/.test(text)) continue;
    if (!words.every((word) => /^[A-ZÆØÅ0-9-]/.test(word) || /^(?:og|for|i)$/.test(word))) continue;
    const capitals = text === text.toUpperCase() && /\p{L}{2}/u.test(text);
    const acronym = words.some((word) => /^[A-ZÆØÅ]{2,}(?:-|$)/.test(word));
    if (capitals || acronym || BODY_WORD.test(text)) return text;
  }
  return null;
}
