import fs from "node:fs";
import path from "node:path";
import { sha256Hex } from "../../platform/files/file-store.ts";
import { fromDanishLocalTime } from "../../platform/time.ts";
import { Prng } from "./prng.ts";
import {
  attachmentNames,
  bodyTemplates,
  decisionTemplates,
  financeTemplates,
  firstNames,
  lastNames,
  places,
  positions,
  rareWords,
  recommendationTemplates,
  sentenceTemplates,
  titleTemplates,
  topics,
} from "./vocabulary.ts";

/**
 * The synthetic corpus: a deterministic record of any size for benchmarks and demos. The same
 * options give the same rows, ids included, on every run: the corpus is cut into batches of
 * meetings, each generated from its own derived random stream, so a load that was interrupted can
 * skip the batches already stored and regenerate only the rest.
 */

/** Bump when the output changes: caches of generated stores are keyed by it. */
export const SYNTHETIC_VERSION = 1;

export interface SyntheticOptions {
  /** Agenda items in the whole corpus (exactly). */
  items: number;
  seed?: number;
  /** Folder of the seed documents, whose words join the rare tail of the vocabulary. */
  seedsDir?: string | undefined;
}

/** "Now" in the corpus: meetings after it are planned; fixed so that runs agree. */
const SYNTHETIC_NOW = Date.parse("2026-11-01T00:00:00Z");
const FIRST_DAY = Date.parse("2010-01-04T00:00:00Z");
const LAST_DAY = Date.parse("2027-06-30T00:00:00Z");
const DAY_MS = 86_400_000;
const ITEMS_PER_MEETING = 16;
/** Meetings per batch: one transaction each, about 1,000 items. */
export const MEETINGS_PER_BATCH = 64;
const ACTOR = "synthetic";

type Row = Record<string, unknown>;

interface Audit {
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const audit = (at: number): Audit => {
  const iso = new Date(at).toISOString();
  return { created_at: iso, created_by: ACTOR, updated_at: iso, updated_by: ACTOR };
};

interface SyntheticPerson {
  id: string;
  name: string;
  position: string;
}

interface Body {
  id: string;
  name: string;
  /** People appointed per term (index into terms), chair first. */
  membersByTerm: SyntheticPerson[][];
  /** Secretariat staff who present items. */
  staff: SyntheticPerson[];
}

interface ScheduledMeeting {
  id: string;
  bodyIndex: number;
  startMs: number;
  itemCount: number;
}

interface SyntheticSetup {
  key: string;
  organizations: Row[];
  people: Row[];
  memberships: Row[];
  bodies: Body[];
  schedule: ScheduledMeeting[];
  batchCount: number;
  /** The vocabulary's rare tail (curated words, then words of the seed documents). */
  rareTail: readonly string[];
}

export interface SyntheticBatch {
  index: number;
  meetings: Row[];
  agendaItems: Row[];
  presenters: Row[];
  attendance: Row[];
  cases: Row[];
  consultations: Row[];
  /** File rows with their text, which is also their bytes (text/plain). */
  files: (Row & { extracted_text: string })[];
}

const TERMS = [2010, 2014, 2018, 2022, 2026].map((year) => ({
  start: `${year}-01-01`,
  end: year === 2026 ? null : `${year + 3}-12-31`,
  startMs: Date.parse(`${year}-01-01T00:00:00Z`),
}));

const termIndexAt = (ms: number) => {
  let index = 0;
  for (const [i, term] of TERMS.entries()) if (ms >= term.startMs) index = i;
  return index;
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function seedWords(seedsDir: string | undefined): string[] {
  if (!seedsDir || !fs.existsSync(seedsDir)) return [];
  const words = new Set<string>();
  for (const file of fs.readdirSync(seedsDir).sort()) {
    if (!file.endsWith(".txt")) continue;
    const text = fs.readFileSync(path.join(seedsDir, file), "utf8");
    for (const word of text.toLowerCase().match(/[a-zæøå]{9,}/g) ?? []) words.add(word);
  }
  return [...words].sort();
}

/** Bodies, people, appointments and the schedule of meetings: everything batches build on. */
export function generateSetup(options: SyntheticOptions): SyntheticSetup {
  const seed = options.seed ?? 1;
  const key = `v${SYNTHETIC_VERSION}-n${options.items}-s${seed}`;
  const prng = Prng.derive(seed, key, "setup");
  const created = audit(FIRST_DAY - 30 * DAY_MS);

  const bodyCount = Math.min(120, Math.max(4, Math.round(options.items / 5000)));
  const peopleCount = Math.max(40, bodyCount * 9);
  const people: SyntheticPerson[] = [];
  const usedNames = new Set<string>();
  while (people.length < peopleCount) {
    const first = prng.zipf(firstNames, 0.6);
    const middle = prng.chance(0.15) ? ` ${prng.pick(lastNames)}` : "";
    const name = `${first}${middle} ${prng.zipf(lastNames, 0.5)}`;
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    people.push({ id: prng.uuidAt(FIRST_DAY - 30 * DAY_MS), name, position: prng.pick(positions) });
  }

  const organizations: Row[] = [];
  const bodies: Body[] = [];
  const usedBodyNames = new Set<string>();
  while (bodies.length < bodyCount) {
    const template = bodyTemplates[bodies.length % bodyTemplates.length] ?? bodyTemplates[0];
    const topic = prng.pick(topics)[0];
    const place = prng.pick(places);
    const name = template.name
      .replace("{Topic}", capitalize(topic))
      .replace("{topic}", topic)
      .replace("{Place}", place)
      .replace("{place}", place);
    if (usedBodyNames.has(name)) continue;
    usedBodyNames.add(name);
    const id = prng.uuidAt(FIRST_DAY - 30 * DAY_MS);
    organizations.push({
      id,
      name,
      short_name: null,
      kind: template.kind,
      parent_id: null,
      website: null,
      start_date: "2010-01-01",
      end_date: null,
      ...created,
    });
    const membersByTerm: SyntheticPerson[][] = [];
    let previous: SyntheticPerson[] = [];
    for (const _term of TERMS) {
      const size = prng.int(7, 11);
      // About half continue from the previous term, as after an election.
      const members = previous.filter(() => prng.chance(0.5)).slice(0, size);
      while (members.length < size) {
        const person = prng.pick(people);
        if (!members.includes(person)) members.push(person);
      }
      membersByTerm.push(members);
      previous = members;
    }
    const staff = Array.from({ length: 3 }, () => prng.pick(people));
    bodies.push({ id, name, membersByTerm, staff: [...new Set(staff)] });
  }

  const memberships: Row[] = [];
  for (const body of bodies) {
    for (const [termIndex, members] of body.membersByTerm.entries()) {
      const term = TERMS[termIndex];
      if (!term) continue;
      for (const [rank, person] of members.entries()) {
        memberships.push({
          id: prng.uuidAt(term.startMs),
          person_id: person.id,
          organization_id: body.id,
          role: rank === 0 ? "chair" : rank === 1 ? "vice_chair" : "member",
          on_behalf_of_id: null,
          start_date: term.start,
          end_date: term.end,
          principal_person_id: null,
          decided_by_agenda_item_id: null,
          ...audit(term.startMs),
        });
      }
    }
    for (const person of body.staff) {
      memberships.push({
        id: prng.uuidAt(FIRST_DAY),
        person_id: person.id,
        organization_id: body.id,
        role: "secretariat",
        on_behalf_of_id: null,
        start_date: "2010-01-01",
        end_date: null,
        principal_person_id: null,
        decided_by_agenda_item_id: null,
        ...audit(FIRST_DAY),
      });
    }
  }

  // Meetings spread evenly over the years, each at a body picked at random; item counts vary
  // around the mean and add up to exactly `items`.
  const meetingCount = Math.max(1, Math.ceil(options.items / ITEMS_PER_MEETING));
  const counts = Array.from({ length: meetingCount }, (_, i) =>
    i < options.items % meetingCount
      ? Math.floor(options.items / meetingCount) + 1
      : Math.floor(options.items / meetingCount),
  );
  for (let i = 0; i + 1 < counts.length; i += 2) {
    const a = counts[i] ?? 0;
    const shift = prng.int(0, Math.min(8, a - 1));
    counts[i] = a - shift;
    counts[i + 1] = (counts[i + 1] ?? 0) + shift;
  }
  const slot = (LAST_DAY - FIRST_DAY) / meetingCount;
  const schedule: ScheduledMeeting[] = counts.map((itemCount, i) => {
    const day = new Date(FIRST_DAY + Math.floor((i + prng.next() * 0.9) * slot));
    const hour = prng.pick([9, 10, 13, 14]);
    const startMs = fromDanishLocalTime(
      `${day.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`,
    ).getTime();
    return {
      id: prng.uuidAt(startMs - 21 * DAY_MS),
      bodyIndex: prng.int(0, bodyCount - 1),
      startMs,
      itemCount,
    };
  });

  const personRows = people.map((person) => ({
    id: person.id,
    name: person.name,
    title: null,
    ...created,
  }));
  return {
    key,
    organizations,
    people: personRows,
    memberships,
    bodies,
    schedule,
    batchCount: Math.ceil(schedule.length / MEETINGS_PER_BATCH),
    rareTail: [...rareWords, ...seedWords(options.seedsDir)],
  };
}

function meetingState(prng: Prng, startMs: number): string {
  const daysAhead = (startMs - SYNTHETIC_NOW) / DAY_MS;
  if (daysAhead > 10) return "planned";
  if (daysAhead > 0) return prng.chance(0.7) ? "agenda_published" : "planned";
  if (prng.chance(0.01)) return "cancelled";
  if (daysAhead > -30) return prng.pick(["held", "minutes_approved", "minutes_published"]);
  const roll = prng.next();
  return roll < 0.97 ? "minutes_published" : roll < 0.99 ? "minutes_approved" : "held";
}

const topicIndexes = topics.map((_, i) => i);
const held = new Set(["held", "minutes_approved", "minutes_published"]);
const outcomes = Object.keys(decisionTemplates) as (keyof typeof decisionTemplates)[];

/** Writes Danish prose from the templates, with the slots filled for one item. */
class Writer {
  readonly #prng: Prng;
  readonly #setup: SyntheticSetup;
  topic: readonly string[] = topics[0];
  person: SyntheticPerson | undefined;
  bodyName = "";
  year = 2020;

  constructor(prng: Prng, setup: SyntheticSetup) {
    this.#prng = prng;
    this.#setup = setup;
  }

  fill(template: string): string {
    const p = this.#prng;
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      const value = this.#slot(slot.toLowerCase(), p);
      return slot.charAt(0) === slot.charAt(0).toUpperCase() ? capitalize(value) : value;
    });
  }

  #slot(slot: string, p: Prng): string {
    switch (slot) {
      case "topic":
        return p.pick(this.topic);
      case "topic2":
        return p.pick(p.zipf(topics, 0.7));
      case "year":
        return String(this.year + p.int(-1, 1));
      case "year2":
        return String(this.year + p.int(2, 4));
      case "place":
        return p.zipf(places, 0.8);
      case "body":
        return this.bodyName;
      case "person":
        return (this.person ?? p.pick(this.#setup.bodies[0]?.staff ?? [])).name;
      case "position":
        return this.person?.position ?? p.pick(positions);
      case "amount":
        return String(p.int(1, 250));
      case "percent":
        return String(p.int(55, 95));
      case "rare":
      case "rare2":
        return p.zipf(this.#setup.rareTail, 1.05);
      case "n":
        return String(p.int(1, 9));
      default:
        return slot;
    }
  }

  paragraph(min: number, max: number): string {
    const p = this.#prng;
    const sentences: string[] = [];
    const count = p.int(min, max);
    for (let i = 0; i < count; i++) {
      const templates = p.chance(0.08) ? sentenceTemplates.rare : sentenceTemplates.common;
      sentences.push(this.fill(p.zipf(templates, 0.5)));
    }
    return sentences.join(" ");
  }
}

/** One batch of meetings with their items, presenters, attendance, files, cases and consultations. */
export function generateBatch(setup: SyntheticSetup, index: number, seed = 1): SyntheticBatch {
  const prng = Prng.derive(seed, setup.key, "batch", index);
  const writer = new Writer(prng, setup);
  const scheduled = setup.schedule.slice(index * MEETINGS_PER_BATCH, (index + 1) * MEETINGS_PER_BATCH);
  const batch: SyntheticBatch = {
    index,
    meetings: [],
    agendaItems: [],
    presenters: [],
    attendance: [],
    cases: [],
    consultations: [],
    files: [],
  };
  interface ItemRef {
    row: Row;
    bodyIndex: number;
    startMs: number;
    topicIndex: number;
  }
  const substantive: ItemRef[] = [];

  for (const meeting of scheduled) {
    const body = setup.bodies[meeting.bodyIndex];
    if (!body) throw new Error(`synthetic: no body ${meeting.bodyIndex}`);
    const state = meetingState(prng, meeting.startMs);
    const date = new Date(meeting.startMs);
    const year = date.getUTCFullYear();
    const createdAt = meeting.startMs - 21 * DAY_MS;
    batch.meetings.push({
      id: meeting.id,
      organization_id: body.id,
      title: `Møde i ${body.name}`,
      start_at: date.toISOString(),
      end_at: new Date(meeting.startMs + 2 * 3_600_000).toISOString(),
      all_day: false,
      location: `${prng.pick(places)} Rådhus, mødelokale ${prng.int(1, 12)}`,
      online_url: null,
      state,
      ...audit(createdAt),
    });
    const members = body.membersByTerm[termIndexAt(meeting.startMs)] ?? [];
    if (held.has(state)) {
      for (const person of members) {
        const roll = prng.next();
        batch.attendance.push({
          meeting_id: meeting.id,
          person_id: person.id,
          status: roll < 0.85 ? "present" : roll < 0.95 ? "excused" : "absent",
          substitute_for_person_id: null,
          note: null,
        });
      }
    }
    writer.bodyName = body.name;
    writer.year = year;
    for (let position = 0; position < meeting.itemCount; position++) {
      const procedural =
        (position === 0 && prng.chance(0.5)) || (position === meeting.itemCount - 1 && prng.chance(0.6));
      const topicIndex = Math.min(topics.length - 1, prng.zipf(topicIndexes, 0.8));
      writer.topic = topics[topicIndex] ?? topics[0];
      const presenters = prng.chance(0.7) ? [prng.pick(body.staff.length ? body.staff : members)] : [];
      if (presenters.length && prng.chance(0.15)) {
        const second = prng.pick(members);
        if (second && !presenters.includes(second)) presenters.push(second);
      }
      writer.person = presenters[0] ?? prng.pick(members);
      const id = prng.uuidAt(createdAt + position);
      const titleTemplate = procedural
        ? position === 0
          ? "Godkendelse af dagsorden"
          : "Eventuelt"
        : prng.zipf(titleTemplates.slice(0, 14), 0.4);
      const outcome = held.has(state) ? (procedural ? "noted" : prng.zipf(outcomes, 0.9)) : null;
      const row: Row = {
        id,
        meeting_id: meeting.id,
        position,
        number: String(position + 1),
        group_heading: null,
        title: writer.fill(titleTemplate),
        is_public: !prng.chance(0.04),
        background: procedural ? null : writer.paragraph(2, 4),
        recommendation: procedural ? null : writer.fill(prng.pick(recommendationTemplates)),
        case_presentation: procedural ? null : writer.paragraph(3, 8),
        finance: procedural || prng.chance(0.5) ? null : writer.fill(prng.pick(financeTemplates)),
        decision: outcome
          ? writer.fill(prng.pick(decisionTemplates[outcome as keyof typeof decisionTemplates]))
          : null,
        outcome,
        ...audit(createdAt),
      };
      batch.agendaItems.push(row);
      for (const [rank, person] of presenters.entries()) {
        batch.presenters.push({ agenda_item_id: id, person_id: person.id, position: rank });
      }
      if (!procedural) {
        substantive.push({ row, bodyIndex: meeting.bodyIndex, startMs: meeting.startMs, topicIndex });
        if (prng.chance(0.25)) {
          const fileCount = prng.chance(0.3) ? 2 : 1;
          for (let f = 0; f < fileCount; f++) {
            const text = `${writer.fill(prng.pick(titleTemplates.slice(0, 14)))}\n\n${writer.paragraph(6, 16)}`;
            const bytes = Buffer.from(text, "utf8");
            batch.files.push({
              id: prng.uuidAt(createdAt + position),
              name: writer.fill(prng.pick(attachmentNames)),
              media_type: "text/plain; charset=utf-8",
              size_bytes: bytes.length,
              sha256: sha256Hex(bytes),
              extracted_text: text,
              agenda_item_id: id,
              meeting_id: null,
              case_id: null,
              ...audit(createdAt + DAY_MS),
            });
          }
        }
      }
    }
  }

  // Cases travel: each goes through two to four different bodies of this batch, in date order.
  const taken = new Set<Row>();
  const caseCount = Math.floor(substantive.length * 0.04);
  for (let c = 0; c < caseCount; c++) {
    const first = prng.pick(substantive);
    if (taken.has(first.row)) continue;
    const stops = [first];
    const wanted = prng.int(2, 4);
    for (const candidate of substantive) {
      if (stops.length >= wanted) break;
      const last = stops[stops.length - 1];
      if (
        last &&
        candidate.startMs > last.startMs &&
        !taken.has(candidate.row) &&
        !stops.some((s) => s.bodyIndex === candidate.bodyIndex) &&
        prng.chance(0.3)
      ) {
        stops.push(candidate);
      }
    }
    if (stops.length < 2) continue;
    const caseYear = new Date(first.startMs).getUTCFullYear();
    const caseTopic = topics[first.topicIndex] ?? topics[0];
    const caseId = prng.uuidAt(first.startMs - 30 * DAY_MS);
    const plannedNext = prng.chance(0.2);
    batch.cases.push({
      id: caseId,
      reference: `SAG-${caseYear}-${String(index * 1000 + c).padStart(6, "0")}`,
      title: `${capitalize(caseTopic[0])}: ${first.row.title as string}`,
      status: plannedNext ? "open" : "closed",
      ...audit(first.startMs - 30 * DAY_MS),
    });
    for (const [rank, stop] of stops.entries()) {
      taken.add(stop.row);
      batch.consultations.push({
        id: prng.uuidAt(stop.startMs - 21 * DAY_MS),
        case_id: caseId,
        agenda_item_id: stop.row.id,
        organization_id: null,
        planned_date: null,
        purpose: rank === stops.length - 1 ? "decision" : rank === 0 ? "information" : "discussion",
        ...audit(stop.startMs - 21 * DAY_MS),
      });
    }
    if (plannedNext) {
      const last = stops[stops.length - 1] ?? first;
      const nextBody = setup.bodies[(last.bodyIndex + 1) % setup.bodies.length];
      batch.consultations.push({
        id: prng.uuidAt(last.startMs),
        case_id: caseId,
        agenda_item_id: null,
        organization_id: nextBody?.id,
        planned_date: new Date(last.startMs + 60 * DAY_MS).toISOString().slice(0, 10),
        purpose: "decision",
        ...audit(last.startMs),
      });
    }
  }
  return batch;
}
