import { linesFromPlainText } from "./extract/source-lines.ts";
import { parseSourceLines } from "./parse/parse-meeting.ts";
import type { ParsedMeeting } from "./parsed-meeting.ts";

/** Parses text already extracted (UTF-8, lines, form feeds between pages) into a meeting. */
export function parseText(text: string, fileName: string | null = null): ParsedMeeting {
  const { lines, pages } = linesFromPlainText(text);
  return parseSourceLines(lines, { fileName, format: "text", pages, encoding: null });
}
