import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type DemoMembership,
  legislativeTerms,
  meetings,
  memberships,
  organizations,
  people,
  unplacedCalendarEntries,
} from "./world.data.ts";

const orgKeys = new Set(organizations.map((o) => o.key));
const personKeys = new Set(people.map((p) => p.key));

/** A real calendar date in yyyy-mm-dd (rejects 2021-02-30). */
function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A real local wall-clock time in yyyy-mm-ddThh:mm, without zone. */
function isLocalDateTime(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (match === null) return false;
  const [, date, hours, minutes] = match;
  return isIsoDate(date ?? "") && Number(hours) < 24 && Number(minutes) < 60;
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

function membershipOf(personKey: string, organizationKey: string): DemoMembership {
  const found = memberships.filter((m) => m.personKey === personKey && m.organizationKey === organizationKey);
  assert.equal(found.length, 1, `one membership of ${personKey} in ${organizationKey}`);
  return found[0] as DemoMembership;
}

test("keys are unique", () => {
  assert.deepEqual(duplicates(organizations.map((o) => o.key)), []);
  assert.deepEqual(duplicates(people.map((p) => p.key)), []);
  assert.deepEqual(duplicates(legislativeTerms.map((t) => t.key)), []);
  const meetingKeys = meetings.map((m) => m.key).filter((k): k is string => k !== undefined);
  assert.deepEqual(duplicates(meetingKeys), []);
});

test("organisation names are unique", () => {
  assert.deepEqual(duplicates(organizations.map((o) => o.name)), []);
});

test("every referenced key exists", () => {
  for (const o of organizations) {
    if (o.parentKey !== null) assert.ok(orgKeys.has(o.parentKey), `${o.key}: parent ${o.parentKey}`);
    assert.notEqual(o.parentKey, o.key, `${o.key} is its own parent`);
  }
  for (const p of people) {
    for (const a of p.affiliations) {
      if (a.organizationKey !== null) {
        assert.ok(orgKeys.has(a.organizationKey), `${p.key}: affiliation ${a.organizationKey}`);
      }
    }
  }
  for (const m of memberships) {
    assert.ok(personKeys.has(m.personKey), `membership person ${m.personKey}`);
    assert.ok(orgKeys.has(m.organizationKey), `membership organisation ${m.organizationKey}`);
    if (m.onBehalfOfKey !== null) assert.ok(orgKeys.has(m.onBehalfOfKey), `on behalf of ${m.onBehalfOfKey}`);
    if (m.principalPersonKey !== null) {
      assert.ok(personKeys.has(m.principalPersonKey), `principal ${m.principalPersonKey}`);
    }
    if (m.decidedBy !== undefined) assert.ok(orgKeys.has(m.decidedBy.organizationKey));
  }
  for (const t of legislativeTerms) {
    if (t.organizationKey !== null) assert.ok(orgKeys.has(t.organizationKey), `term ${t.key}`);
  }
  for (const m of meetings) assert.ok(orgKeys.has(m.organizationKey), `meeting ${m.organizationKey}`);
});

test("the parent chain has no cycles", () => {
  const byKey = new Map(organizations.map((o) => [o.key, o]));
  for (const o of organizations) {
    const seen = new Set<string>();
    let current: string | null = o.key;
    while (current !== null) {
      assert.ok(!seen.has(current), `cycle through ${current}`);
      seen.add(current);
      current = byKey.get(current)?.parentKey ?? null;
    }
  }
});

test("every record names its source", () => {
  const sources = [
    ...organizations.map((o) => o.source),
    ...people.map((p) => p.source),
    ...people.flatMap((p) => p.affiliations.map((a) => a.source)),
    ...memberships.map((m) => m.source),
    ...legislativeTerms.map((t) => t.source),
    ...meetings.map((m) => m.source),
    ...unplacedCalendarEntries.map((e) => e.source),
  ];
  for (const source of sources) assert.match(source, /\b00[0-4]\b/, `source "${source}" names a seed`);
});

test("the 19 municipalities of Region Midtjylland", () => {
  const names = organizations
    .filter((o) => o.kind === "municipality")
    .map((o) => o.name)
    .sort();
  const expected = [
    "Favrskov",
    "Hedensted",
    "Herning",
    "Holstebro",
    "Horsens",
    "Ikast-Brande",
    "Lemvig",
    "Norddjurs",
    "Odder",
    "Randers",
    "Ringkøbing-Skjern",
    "Samsø",
    "Silkeborg",
    "Skanderborg",
    "Skive",
    "Struer",
    "Syddjurs",
    "Viborg",
    "Aarhus",
  ]
    .map((place) => `${place} Kommune`)
    .sort();
  assert.equal(names.length, 19);
  assert.deepEqual(names, expected);
});

test("the bodies the issue names are present", () => {
  const names = new Set(organizations.map((o) => o.shortName ?? o.name));
  const fullNames = new Set(organizations.map((o) => o.name));
  for (const n of ["KKR", "KD-Net", "DASSOS", "KOSU", "DKS", "KL", "VIA", "Region Midt"]) {
    assert.ok(names.has(n), n);
  }
  for (const n of [
    "Uddannelsesstyregruppen",
    "Rådet for Fremtidens Kompetencer",
    "Region Midtjylland",
    "VIA University College",
    "Midttrafik",
    "Midttrafiks Repræsentantskab",
    "Erhvervshus Midtjylland",
  ]) {
    assert.ok(fullNames.has(n), n);
  }
  assert.equal(organizations.find((o) => o.key === "midttrafik-repraesentantskab")?.parentKey, "midttrafik");
  assert.ok(organizations.some((o) => o.shortName?.startsWith("RAR")));
});

test("dates are valid ISO dates and periods run forwards", () => {
  const check = (value: string | null | undefined, what: string) => {
    if (value !== null && value !== undefined) assert.ok(isIsoDate(value), `${what}: "${value}"`);
  };
  const ordered = (start: string | null | undefined, end: string | null | undefined, what: string) => {
    if (start && end) assert.ok(start <= end, `${what}: ${start} after ${end}`);
  };
  for (const o of organizations) {
    check(o.activeFrom, o.key);
    check(o.activeTo, o.key);
    ordered(o.activeFrom, o.activeTo, o.key);
  }
  for (const p of people) {
    for (const a of p.affiliations) {
      check(a.startDate, p.key);
      check(a.endDate, p.key);
      ordered(a.startDate, a.endDate, p.key);
    }
  }
  for (const m of memberships) {
    const what = `${m.personKey}@${m.organizationKey}`;
    check(m.startDate, what);
    check(m.endDate, what);
    ordered(m.startDate, m.endDate, what);
    if (m.decidedBy !== undefined) check(m.decidedBy.meetingDate, what);
  }
  for (const t of legislativeTerms) {
    check(t.startDate, t.key);
    check(t.endDate, t.key);
    ordered(t.startDate, t.endDate, t.key);
  }
  for (const m of meetings) {
    assert.ok(isLocalDateTime(m.start), `meeting start "${m.start}"`);
    if (m.end !== null) {
      assert.ok(isLocalDateTime(m.end), `meeting end "${m.end}"`);
      assert.ok(m.start < m.end, `meeting ${m.start} ends before it starts`);
    }
    if (m.allDay === true) {
      assert.ok(m.start.endsWith("T00:00"), `all-day meeting ${m.start} starts at midnight`);
      assert.equal(m.end, null);
    }
  }
  for (const e of unplacedCalendarEntries) check(e.date, e.text);
});

test("no two memberships of one person, organisation and role overlap", () => {
  // Inclusive periods: an end equal to the next start is an overlap. Null is open-ended.
  const overlaps = (a: DemoMembership, b: DemoMembership) =>
    (a.startDate ?? "0000-01-01") <= (b.endDate ?? "9999-12-31") &&
    (b.startDate ?? "0000-01-01") <= (a.endDate ?? "9999-12-31");
  for (const [i, a] of memberships.entries()) {
    for (const b of memberships.slice(i + 1)) {
      if (a.personKey !== b.personKey || a.organizationKey !== b.organizationKey || a.role !== b.role)
        continue;
      assert.ok(!overlaps(a, b), `${a.personKey} ${a.role} in ${a.organizationKey} overlaps`);
    }
  }
});

test("substitutes name their principal, and only substitutes do", () => {
  for (const m of memberships) {
    assert.equal(
      m.role === "substitute",
      m.principalPersonKey !== null,
      `${m.personKey}@${m.organizationKey}`,
    );
    assert.notEqual(m.principalPersonKey, m.personKey);
  }
});

test("item 18: Rasmus Møller's seats end and Hans Minor Vedel's begin", () => {
  const term = legislativeTerms.find((t) => t.startDate === "2018-01-01" && t.endDate === "2021-12-31");
  assert.ok(term, "the municipal term 2018-2021 exists");

  for (const org of ["uddannelsesstyregruppen", "raadet-for-fremtidens-kompetencer"]) {
    const old = membershipOf("rasmus-moller", org);
    const next = membershipOf("hans-minor-vedel", org);
    assert.equal(old.endDate, "2021-01-21", `${org}: Rasmus Møller's seat ends`);
    assert.equal(next.startDate, "2021-01-22", `${org}: Hans Minor Vedel's seat begins`);
    assert.ok((old.endDate ?? "") < (next.startDate ?? ""), `${org}: no gap-free overlap of the seat`);
    assert.equal(old.onBehalfOfKey, "favrskov");
    assert.equal(next.onBehalfOfKey, "favrskov");
    assert.equal(next.role, "member");
    assert.deepEqual(next.decidedBy, {
      organizationKey: "kd-net",
      meetingDate: "2021-01-22",
      itemNumber: "18",
    });
  }
  // "for resten af denne valgperiode" is stated for Uddannelsesstyregruppen only.
  assert.equal(membershipOf("hans-minor-vedel", "uddannelsesstyregruppen").endDate, term.endDate);
  assert.equal(membershipOf("hans-minor-vedel", "raadet-for-fremtidens-kompetencer").endDate, null);

  // Lisbeth Gormsen left Holstebro on 31 December 2020; Henrik Schou Zacho takes the seat.
  assert.equal(membershipOf("lisbeth-gormsen", "kultur-landdistrikter-styregruppe").endDate, "2020-12-31");
  const zacho = membershipOf("henrik-schou-zacho", "kultur-landdistrikter-styregruppe");
  assert.equal(zacho.startDate, "2021-01-22");
  assert.equal(zacho.onBehalfOfKey, "holstebro");
});

test("municipal directors 001 identifies sit in KD-Net for their municipality", () => {
  assert.equal(membershipOf("rasmus-moller", "kd-net").onBehalfOfKey, "syddjurs");
  assert.equal(membershipOf("thomas-lindberg", "kd-net").onBehalfOfKey, "skive");
  const rasmus = people.find((p) => p.key === "rasmus-moller");
  assert.ok(
    rasmus?.affiliations.some((a) => a.organizationKey === "syddjurs" && a.position === "kommunaldirektør"),
  );
});

test("no employer or title is invented for people 001 does not place", () => {
  for (const key of ["jesper-kaas-schmidt", "pernille-blach-hansen", "hans-minor-vedel", "lars-moller"]) {
    const person = people.find((p) => p.key === key);
    assert.ok(person, key);
    assert.equal(person.title, null, key);
    assert.deepEqual(person.affiliations, [], key);
  }
});

test("item 20: the 2021 calendars are present", () => {
  const datesOf = (organizationKey: string) =>
    meetings
      .filter((m) => m.organizationKey === organizationKey)
      .map((m) => m.start.slice(0, 10))
      .sort();
  assert.deepEqual(datesOf("kkr-midtjylland"), [
    "2021-02-01",
    "2021-04-23",
    "2021-06-08",
    "2021-08-30",
    "2021-10-11",
  ]);
  assert.deepEqual(datesOf("kd-net"), ["2021-04-09", "2021-05-21", "2021-08-20", "2021-09-24"]);
  assert.deepEqual(datesOf("kvartalsmoederne"), ["2021-01-26", "2021-03-01", "2021-10-04"]);
  assert.deepEqual(datesOf("kontaktudvalget"), ["2021-03-12", "2021-10-04"]);
  assert.deepEqual(datesOf("midttrafik-repraesentantskab"), ["2021-06-18"]);
  // The seeds give no times or places for these meetings.
  for (const m of meetings) {
    assert.equal(m.allDay, true);
    assert.equal(m.location, null);
  }
  assert.deepEqual(
    unplacedCalendarEntries.map((e) => e.text),
    ["Januarkonference den 11. maj 2021", "Klimatopmøde efterår 2021", "Ungetopmøde efterår 2021"],
  );
});

test("the meetings of seeds 001 and 002 are left to the importer", () => {
  const days = new Set(meetings.map((m) => m.start.slice(0, 10)));
  assert.ok(!days.has("2021-01-22"), "KD-Net 22 January 2021 (seed 001)");
  assert.ok(!days.has("2016-11-22"), "KKR Midtjylland 22 November 2016 (seed 002)");
});
