/**
 * Danish vocabulary for the parser: month names, tolerant keyword patterns, and the
 * Copenhagen offset of a wall-clock time.
 */
import { fromDanishLocalTime, toDanishIsoString } from "../../platform/time.ts";

const LETTER_VARIANTS: Record<string, string> = {
  æ: "(?:æ|ae|a|e)?",
  ø: "(?:ø|oe|o)?",
  å: "(?:å|aa|a)?",
  é: "[ée]",
};

/**
 * The regex source of a Danish phrase that still matches when the text lost its Danish letters
 * (`Radet`, `konomi`, `Okonomi` for `Rådet`, `Økonomi`): PDF extraction with a broken font
 * encoding drops or flattens æ, ø, å. Spaces match any run of white space. Use with the `i` flag.
 */
export function dk(phrase: string): string {
  let out = "";
  for (const char of phrase.toLowerCase()) {
    const variant = LETTER_VARIANTS[char];
    if (variant) out += variant;
    else if (char === " ") out += "\\s+";
    else if (/[.*+?^${}()|[\]\\/]/.test(char)) out += `\\${char}`;
    else out += char;
  }
  return out;
}

/** An alternation of `dk` phrases, as a non-capturing group. */
export function dkAny(phrases: readonly string[]): string {
  return `(?:${phrases.map(dk).join("|")})`;
}

export const MONTHS: Record<string, number> = {
  januar: 1,
  jan: 1,
  februar: 2,
  feb: 2,
  marts: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export const MONTH_PATTERN =
  "(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)";

export const WEEKDAY_PATTERN = `(?:mandag|tirsdag|onsdag|torsdag|fredag|${dk("lørdag")}|${dk("søndag")})`;

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** `YYYY-MM-DD`, or null when the date does not exist (31 February). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A Copenhagen wall-clock time as ISO 8601 with that moment's offset (+01:00 in winter, +02:00
 * in summer), or null for a clock that does not exist (24.00). The days the clocks change follow
 * `fromDanishLocalTime`.
 */
export function copenhagenIso(date: string, hour: number, minute: number): string | null {
  if (hour > 23 || minute > 59) return null;
  return toDanishIsoString(fromDanishLocalTime(`${date}T${pad(hour)}:${pad(minute)}`));
}
