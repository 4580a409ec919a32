import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import type { Calendar, CalendarEntry } from "../../core/meetings/meeting-calendar.ts";
import { renderCalendar } from "./ical.ts";

const origin = "https://samraad.example";

function entry(overrides: Partial<CalendarEntry>): CalendarEntry {
  return {
    id: "0190a1b2-0000-7000-8000-000000000001",
    organizationId: "0190a1b2-0000-7000-8000-0000000000aa",
    organizationName: "KD-Net",
    title: "Møde i KD-Net",
    start: new Date("2021-05-06T08:00:00Z"),
    end: new Date("2021-05-06T10:30:00Z"),
    allDay: false,
    location: "Scandic, Udgårdsvej 2, 8600 Silkeborg",
    onlineUrl: null,
    state: "planned",
    createdAt: new Date("2021-01-01T12:00:00Z"),
    lastModified: new Date("2021-01-01T12:00:10Z"),
    agendaItems: [],
    roles: [],
    ...overrides,
  };
}

/** Content lines, unfolded (RFC 5545 3.1), without their CRLF. */
function lines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n");
}

const render = (entries: CalendarEntry[]) =>
  renderCalendar({ name: "KD-Net", lastModified: new Date(0), entries } satisfies Calendar, {
    origin,
    lang: "da",
    owner: "body",
  });

describe("the iCal writer is independent of the process's time zone", () => {
  const original = process.env.TZ;
  after(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  const summer = entry({});
  const winter = entry({
    id: "0190a1b2-0000-7000-8000-000000000002",
    start: new Date("2021-01-22T09:00:00Z"),
    end: null,
  });
  const allDay = entry({
    id: "0190a1b2-0000-7000-8000-000000000003",
    start: new Date("2021-10-30T22:00:00Z"), // midnight in Copenhagen, 31 October (the day summer time ends)
    end: null,
    allDay: true,
  });
  const outputs = new Map<string, string>();
  // The offset each zone has on 6 May 2021, to prove the process really switched zone.
  const offsets = { UTC: 0, "America/New_York": 240, "Pacific/Kiritimati": -840, "Europe/Copenhagen": -120 };
  for (const [zone, offset] of Object.entries(offsets)) {
    test(`TZ=${zone}`, () => {
      process.env.TZ = zone;
      assert.equal(new Date("2021-05-06T08:00:00Z").getTimezoneOffset(), offset);
      const ics = render([summer, winter, allDay]);
      const all = lines(ics);
      assert.ok(all.includes("DTSTART;TZID=Europe/Copenhagen:20210506T100000"), ics);
      assert.ok(all.includes("DTEND;TZID=Europe/Copenhagen:20210506T123000"));
      assert.ok(all.includes("DTSTART;TZID=Europe/Copenhagen:20210122T100000"));
      assert.ok(all.includes("DTSTART;VALUE=DATE:20211031"));
      assert.ok(all.includes("DTEND;VALUE=DATE:20211101"));
      // DTSTAMP and LAST-MODIFIED are UTC, as RFC 5545 requires.
      assert.ok(all.includes("DTSTAMP:20210101T120010Z"));
      assert.ok(all.includes("LAST-MODIFIED:20210101T120010Z"));
      outputs.set(zone, ics);
      assert.equal(ics, outputs.get("UTC") ?? ics, "the same bytes in every process time zone");
    });
  }
});

describe("the calendar's structure", () => {
  test("one VTIMEZONE for Europe/Copenhagen with both rules, X-WR- names before the events, CRLF", () => {
    const ics = render([entry({})]);
    const all = lines(ics);
    assert.equal(all[0], "BEGIN:VCALENDAR");
    assert.equal(all.at(-2), "END:VCALENDAR");
    assert.equal(all.at(-1), "", "the last line ends with CRLF too");
    assert.doesNotMatch(ics.replace(/\r\n/g, ""), /\n/, "no bare line feeds");
    assert.equal(all.filter((l) => l === "BEGIN:VTIMEZONE").length, 1);
    const tz = all.slice(all.indexOf("BEGIN:VTIMEZONE"), all.indexOf("END:VTIMEZONE") + 1);
    assert.ok(tz.includes("TZID:Europe/Copenhagen"));
    assert.ok(tz.includes("BEGIN:DAYLIGHT") && tz.includes("BEGIN:STANDARD"));
    assert.ok(tz.includes("TZOFFSETTO:+0200") && tz.includes("TZOFFSETTO:+0100"));
    const firstEvent = all.indexOf("BEGIN:VEVENT");
    for (const property of [
      "X-WR-CALNAME:Møder i KD-Net",
      "X-WR-TIMEZONE:Europe/Copenhagen",
      "VERSION:2.0",
    ]) {
      const at = all.indexOf(property);
      assert.ok(at > 0 && at < firstEvent, `${property} among the calendar's properties`);
    }
    assert.ok(all.includes(`UID:0190a1b2-0000-7000-8000-000000000001@samraad.example`));
    assert.ok(all.includes(`URL;VALUE=URI:${origin}/moeder/0190a1b2-0000-7000-8000-000000000001`));
    assert.ok(all.includes("SUMMARY:KD-Net: Møde i KD-Net"));
    assert.ok(all.includes("LOCATION:Scandic\\, Udgårdsvej 2\\, 8600 Silkeborg"));
    assert.ok(all.includes("SEQUENCE:10"));
    assert.ok(all.includes("STATUS:CONFIRMED"));
  });

  test("long Danish lines fold at 75 octets without splitting a letter", () => {
    const title = "Økonomiudvalgets møde om æblehaver og ålegræs i Århus ".repeat(4).trim();
    const ics = render([entry({ title })]);
    for (const line of ics.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, line);
    assert.ok(lines(ics).includes(`SUMMARY:KD-Net: ${title}`));
    assert.doesNotMatch(ics, /\uFFFD/);
  });

  test("a cancelled meeting stays in, marked CANCELLED and transparent", () => {
    const all = lines(render([entry({ state: "cancelled" })]));
    assert.ok(all.includes("STATUS:CANCELLED"));
    assert.ok(all.includes("TRANSP:TRANSPARENT"));
    assert.ok(all.includes("SUMMARY:Aflyst: KD-Net: Møde i KD-Net"));
  });

  test("a multi-day all-day meeting ends after its last day", () => {
    const all = lines(
      render([
        entry({
          allDay: true,
          start: new Date("2021-03-27T23:00:00Z"), // 28 March, the day summer time starts
          end: new Date("2021-03-29T22:00:00Z"), // midnight starting 30 March: the 29th is the last day
        }),
      ]),
    );
    assert.ok(all.includes("DTSTART;VALUE=DATE:20210328"));
    assert.ok(all.includes("DTEND;VALUE=DATE:20210330"));
  });

  test("an empty calendar is still a valid calendar", () => {
    const all = lines(render([]));
    assert.equal(all[0], "BEGIN:VCALENDAR");
    assert.ok(all.includes("X-WR-TIMEZONE:Europe/Copenhagen"));
    assert.equal(all.at(-2), "END:VCALENDAR");
  });
});
