import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalEventStatus, ICalEventTransparency } from "ical-generator";
import type { Calendar, CalendarEntry } from "../../core/meetings/meeting-calendar.ts";
import { agendaIsPublic, minutesArePublic } from "../../core/publication/visibility.ts";
import { DANISH_TIME_ZONE } from "../../platform/time.ts";
import type { Lang } from "../i18n.ts";
import { label } from "../labels.ts";
import { feedText, fill } from "./feed-texts.ts";

/** Whose calendar it is: the words of its name and description differ. */
export type CalendarOwner = "body" | "person";

interface CalendarOptions {
  /** `https://host`: links and UIDs are absolute. */
  origin: string;
  lang: Lang;
  owner: CalendarOwner;
}

/** The Danish calendar day of an instant, as a zoned midnight (what VALUE=DATE is written from). */
function danishDay(instant: Date, plusDays = 0): TZDate {
  const zoned = new TZDate(instant.getTime(), DANISH_TIME_ZONE);
  return new TZDate(zoned.getFullYear(), zoned.getMonth(), zoned.getDate() + plusDays, DANISH_TIME_ZONE);
}

/**
 * Start and end as ical-generator must get them: zoned dates, never plain `Date`s (those it
 * writes in the process's own zone). An all-day meeting ends, exclusively, after its last day.
 */
function period(entry: CalendarEntry): { start: TZDate; end: TZDate | null } {
  if (entry.allDay) {
    const lastDay = entry.end && entry.end > entry.start ? new Date(entry.end.getTime() - 1) : entry.start;
    return { start: danishDay(entry.start), end: danishDay(lastDay, 1) };
  }
  return {
    start: new TZDate(entry.start.getTime(), DANISH_TIME_ZONE),
    end: entry.end ? new TZDate(entry.end.getTime(), DANISH_TIME_ZONE) : null,
  };
}

const onlyAsSubstitute = (entry: CalendarEntry) =>
  entry.roles.length > 0 && entry.roles.every((role) => role === "substitute");

function summary(entry: CalendarEntry, lang: Lang): string {
  const t = feedText[lang];
  const text = `${entry.organizationName}: ${entry.title}`;
  const marked = onlyAsSubstitute(entry) ? `${text} (${t.asSubstitute})` : text;
  return entry.state === "cancelled" ? `${t.cancelled}: ${marked}` : marked;
}

/** What a subscriber reads in the entry: the public agenda's items, never a draft's. */
function description(entry: CalendarEntry, meetingUrl: string, lang: Lang): string {
  const t = feedText[lang];
  const lines: string[] = [];
  if (entry.roles.length > 0) {
    const roles = entry.roles.map((role) => label.role(lang, role).toLowerCase());
    lines.push(`${t.role}: ${roles.join(", ")}`, "");
  }
  if (entry.state === "cancelled") lines.push(t.meetingCancelled);
  else if (!agendaIsPublic(entry.state)) lines.push(t.agendaNotPublished);
  if (entry.agendaItems.length > 0) {
    lines.push(`${t.agenda}:`);
    let heading: string | null = null;
    for (const item of entry.agendaItems) {
      if (item.groupHeading && item.groupHeading !== heading) lines.push(item.groupHeading);
      heading = item.groupHeading;
      lines.push(`${item.number} ${item.title}`);
    }
  }
  if (minutesArePublic(entry.state)) lines.push("", t.minutesPublished);
  if (entry.onlineUrl) lines.push("", `${t.online}: ${entry.onlineUrl}`);
  lines.push("", `${t.seeMeeting}: ${meetingUrl}`);
  return lines.join("\n").trim();
}

/**
 * ical-generator writes calendar-level X- properties after the events, where RFC 5545 does not
 * allow them, so X-WR-TIMEZONE goes in before the first component instead.
 */
function withCalendarTimeZone(ics: string): string {
  const firstComponent = ics.indexOf("\r\nBEGIN:");
  const at = firstComponent >= 0 ? firstComponent : ics.indexOf("\r\nEND:VCALENDAR");
  return `${ics.slice(0, at)}\r\nX-WR-TIMEZONE:${DANISH_TIME_ZONE}${ics.slice(at)}`;
}

/**
 * An iCalendar (RFC 5545) of meetings, times in Europe/Copenhagen with its VTIMEZONE. It is a
 * published calendar (no METHOD): cancelled meetings stay in with STATUS:CANCELLED so subscribed
 * calendars remove or strike them; DTSTAMP and LAST-MODIFIED are the entry's last change, so the
 * same record gives the same bytes (and the same ETag).
 */
export function renderCalendar(calendar: Calendar, options: CalendarOptions): string {
  const t = feedText[options.lang];
  const host = new URL(options.origin).hostname;
  const cal = ical({
    prodId: { company: "Samraad", product: "Samraad", language: options.lang.toUpperCase() },
    name: fill(options.owner === "body" ? t.meetingsOf : t.meetingsOfPerson, { name: calendar.name }),
    description: fill(options.owner === "body" ? t.bodyCalendarDescription : t.personCalendarDescription, {
      name: calendar.name,
    }),
    // No calendar-wide zone name: with one, ical-generator writes DTSTAMP and LAST-MODIFIED as
    // local times, where RFC 5545 requires UTC. The generator still adds the events' VTIMEZONE.
    timezone: { name: null, generator: getVtimezoneComponent },
    ttl: 3600,
  });
  for (const entry of calendar.entries) {
    const meetingUrl = `${options.origin}/moeder/${entry.id}`;
    const { start, end } = period(entry);
    const sequence = Math.max(
      0,
      Math.floor((entry.lastModified.getTime() - entry.createdAt.getTime()) / 1000),
    );
    const transparent = entry.state === "cancelled" || onlyAsSubstitute(entry);
    cal.createEvent({
      id: `${entry.id}@${host}`,
      start,
      end,
      allDay: entry.allDay,
      timezone: DANISH_TIME_ZONE,
      stamp: entry.lastModified,
      lastModified: entry.lastModified,
      sequence,
      summary: summary(entry, options.lang),
      description: description(entry, meetingUrl, options.lang),
      location: entry.location ?? entry.onlineUrl,
      url: meetingUrl,
      status: entry.state === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: transparent ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    });
  }
  return `${withCalendarTimeZone(cal.toString())}\r\n`;
}
