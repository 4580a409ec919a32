import { fromDanishLocalTime, toDanishIsoString } from "../../platform/time.ts";

/** A meeting's date and times as a form gives them, read as Copenhagen wall-clock time. */
interface MeetingTime {
  start: string | null;
  end: string | null;
  allDay: boolean;
  error?: "date" | "startTime" | "endTime" | "endBeforeStart";
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;

function validDate(date: string): boolean {
  if (!datePattern.test(date)) return false;
  const parsed = new Date(`${date}T12:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** Without a start time the meeting is all-day (the date is set, the time is not). */
export function parseMeetingTime(date: string, startTime: string, endTime: string): MeetingTime {
  const day = date.trim();
  if (!validDate(day)) return { start: null, end: null, allDay: false, error: "date" };
  const startMatch = timePattern.exec(startTime.trim());
  if (startTime.trim() && !startMatch) return { start: null, end: null, allDay: false, error: "startTime" };
  const endMatch = timePattern.exec(endTime.trim());
  if (endTime.trim() && !endMatch) return { start: null, end: null, allDay: false, error: "endTime" };
  const at = (match: RegExpExecArray | null) => (match ? `${match[1]}:${match[2]}` : "00:00");
  const start = fromDanishLocalTime(`${day}T${at(startMatch)}`);
  const end = endMatch ? fromDanishLocalTime(`${day}T${at(endMatch)}`) : null;
  if (end && end <= start) return { start: null, end: null, allDay: false, error: "endBeforeStart" };
  return {
    start: toDanishIsoString(start),
    end: end ? toDanishIsoString(end) : null,
    allDay: !startMatch,
  };
}

/** The form's values for a meeting already on the record. */
export function meetingTimeFields(start: string, end: string | null, allDay: boolean) {
  return {
    date: start.slice(0, 10),
    startTime: allDay ? "" : start.slice(11, 16),
    endTime: end && !allDay ? end.slice(11, 16) : "",
  };
}
