import { DANISH_TIME_ZONE } from "../platform/time.ts";
import type { Lang } from "./i18n.ts";

/** Dates and times as people write them, always in Copenhagen time. */
const locales: Record<Lang, string> = { da: "da-DK", en: "en-GB" };

// Made once per language: building an Intl.DateTimeFormat costs more than formatting with it.
const formatters: Record<Lang, Intl.DateTimeFormat> = {
  da: formatterFor("da"),
  en: formatterFor("en"),
};

function formatterFor(lang: Lang): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locales[lang], {
    timeZone: DANISH_TIME_ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
}

function parts(instant: Date | string, lang: Lang): Record<string, string> {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  return Object.fromEntries(formatters[lang].formatToParts(date).map((part) => [part.type, part.value]));
}

/** "torsdag den 6. maj 2021" / "Thursday 6 May 2021". A bare `yyyy-mm-dd` is a calendar date. */
export function formatDate(instant: Date | string, lang: Lang): string {
  const p = /^\d{4}-\d{2}-\d{2}$/.test(String(instant))
    ? parts(`${instant}T12:00:00Z`, lang)
    : parts(instant, lang);
  return lang === "da"
    ? `${p.weekday} den ${p.day}. ${p.month} ${p.year}`
    : `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "10.00" / "10:00". */
export function formatTime(instant: Date | string, lang: Lang): string {
  const p = parts(instant, lang);
  return lang === "da" ? `${p.hour}.${p.minute}` : `${p.hour}:${p.minute}`;
}

/** "torsdag den 6. maj 2021 kl. 10.00" / "Thursday 6 May 2021 at 10:00"; all-day meetings without time. */
export function formatDateTime(instant: Date | string, lang: Lang, allDay = false): string {
  if (allDay) return formatDate(instant, lang);
  return lang === "da"
    ? `${formatDate(instant, lang)} kl. ${formatTime(instant, lang)}`
    : `${formatDate(instant, lang)} at ${formatTime(instant, lang)}`;
}

/** "6. maj 2021" / "6 May 2021": short form for lists. */
export function formatShortDate(instant: Date | string, lang: Lang): string {
  const p = /^\d{4}-\d{2}-\d{2}$/.test(String(instant))
    ? parts(`${instant}T12:00:00Z`, lang)
    : parts(instant, lang);
  return lang === "da" ? `${p.day}. ${p.month} ${p.year}` : `${p.day} ${p.month} ${p.year}`;
}

const byteWord: Record<Lang, string> = { da: "byte", en: "bytes" };

/**
 * A file's size as a reader sizes it up: "812 byte", "12,3 kB", "1,2 MB" / "812 bytes", "12.3 kB",
 * "1.2 MB". Binary units (1 kB = 1,024 bytes), so the upload limit of 100 × 1,024² bytes reads "100 MB".
 */
export function formatFileSize(bytes: number, lang: Lang): string {
  const number = (value: number) => value.toLocaleString(locales[lang], { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} ${byteWord[lang]}`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} kB`;
  return `${number(bytes / 1024 / 1024)} MB`;
}
