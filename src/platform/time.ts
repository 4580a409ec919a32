/** All times are shown in Danish local time, whatever the machine's own zone. */
export const DANISH_TIME_ZONE = "Europe/Copenhagen";

const partsFormatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: DANISH_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function offsetMinutes(date: Date): number {
  const parts = Object.fromEntries(partsFormatter.formatToParts(date).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** `2021-01-22T10:00:00+01:00`: an instant written in Copenhagen wall-clock time with its offset. */
export function toDanishIsoString(date: Date): string {
  const offset = offsetMinutes(date);
  const local = new Date(Math.floor(date.getTime() / 1000) * 1000 + offset * 60_000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local.toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}

/**
 * The instant of a Copenhagen wall-clock time such as `2021-04-09T09:00`. In the autumn's repeated
 * hour the earlier instant is taken; in the spring's missing hour, the time after the gap.
 */
export function fromDanishLocalTime(local: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) throw new Error(`"${local}" is not a local time of the form yyyy-mm-ddThh:mm`);
  const [, y, mo, d, h, mi, s] = match;
  const wallAsUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  // Try the offsets in force around that time; the first that maps back to the wall clock wins.
  for (const probe of [wallAsUtc - 3 * 3_600_000, wallAsUtc + 3 * 3_600_000]) {
    const candidate = new Date(wallAsUtc - offsetMinutes(new Date(probe)) * 60_000);
    if (toDanishIsoString(candidate).slice(0, 19) === new Date(wallAsUtc).toISOString().slice(0, 19)) {
      return candidate;
    }
  }
  return new Date(wallAsUtc - offsetMinutes(new Date(wallAsUtc)) * 60_000);
}

/** The latest of some instants (when a record or a feed last changed); at least one is needed. */
export function latestInstant(instants: readonly Date[]): Date {
  return new Date(Math.max(...instants.map((instant) => instant.getTime())));
}
