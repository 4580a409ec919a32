import { createCase } from "../../src/core/cases/cases.ts";
import { addFile } from "../../src/core/files/files.ts";
import { updateMeeting } from "../../src/core/meetings/meetings.ts";
import type { MeetingState } from "../../src/core/publication/visibility.ts";
import type { TestStore } from "./databases.ts";
import { makeMeeting, makeOrganization, makePerson, secretariat } from "./factories.ts";
import { samplePdf } from "./pdf-reader.ts";

/** A word that only the closed item holds, in every part of it: it must never reach the public. */
export const MARKER = "Zebrafinke";

export const OPEN_ATTACHMENT_PAGES = 3;
export const CLOSED_ATTACHMENT_PAGES = 2;

const longPresentation = Array.from(
  { length: 14 },
  (_, i) =>
    `Afsnit ${i + 1}. Børnehus Midtjylland blev etableret i 2013 med Aarhus Kommune som driftskommune. ` +
    "Børnehuset er et tilbud til børn og unge i alderen 0 til og med 17 år, og DASSOS drøfter sagen på ny, " +
    "hvorfor bemærkningerne foreligger til mødet i KKR Midtjylland.",
).join("\n\n");

export interface DocumentMeeting {
  meetingId: string;
  organizationId: string;
  bodyName: string;
  /** Advances the meeting through its life to `state` (published agenda, held, approved, published minutes). */
  advanceTo(state: MeetingState): Promise<void>;
}

/**
 * KKR Midtjylland's meeting of 6 May 2021: six items, two under a group heading, one of them
 * closed (with the marker in its title, every section, its decision, presenter, case and
 * attachment), one with a PDF attachment and a Word attachment, attendance with a substitute.
 */
export async function buildDocumentMeeting(store: TestStore): Promise<DocumentMeeting> {
  const ctx = secretariat(store.db);
  const files = { ...ctx, files: store.files };
  const body = await makeOrganization(store.db, "KKR Midtjylland");
  const chair = await makePerson(store.db, "Anders Kühnau");
  const member = await makePerson(store.db, "Jesper Kaas Schmidt");
  const substitute = await makePerson(store.db, "Hans Minor Vedel");
  const principal = await makePerson(store.db, "Rasmus Møller");
  const secretPresenter = await makePerson(store.db, `Konsulent ${MARKER}`);
  const openCase = await createCase(ctx, {
    reference: "SAG-2021-04709",
    title: "Rammeaftale for det sociale område",
  });
  const secretCase = await createCase(ctx, { reference: `SAG-${MARKER}`, title: `Sagen om ${MARKER}` });
  const meeting = await makeMeeting(store.db, {
    organizationId: body.id,
    title: "Møde i KKR Midtjylland",
    start: "2021-05-06T10:00:00+02:00",
    end: "2021-05-06T13:00:00+02:00",
    location: "Scandic, Udgårdsvej 2, 8600 Silkeborg",
    attendance: [
      { personId: chair.id, status: "present" },
      { personId: member.id, status: "present" },
      { personId: substitute.id, status: "present", substituteForPersonId: principal.id },
      { personId: principal.id, status: "excused" },
    ],
    agendaItems: [
      {
        number: "1",
        title: "Godkendelse af dagsorden",
        recommendation: "Det indstilles, at KKR Midtjylland godkender dagsordenen.",
        decision: "Dagsordenen blev godkendt.",
        outcome: "approved",
      },
      {
        number: "2",
        title: "Godkendelse af referat fra mødet den 13. september 2016",
        recommendation: "Det indstilles, at referatet godkendes.",
        decision: "Godkendt.",
        outcome: "approved",
      },
      {
        number: "3.1",
        groupHeading: "Regionalpolitiske sager",
        title: "Børnehus Midtjylland – aktiviteter og drift 2021-22",
        background:
          "Børnehuset finansieres af kommunerne (60 % objektiv finansiering, 40 % takstfinansiering).",
        recommendation:
          "Det indstilles, at:\n\n- KKR Midtjylland tager **Børnehusets redegørelse** til efterretning\n- Der igangsættes en *nærmere analyse*",
        casePresentation: longPresentation,
        finance: "Udgiften stiger med 1,4 mio. kr. i 2022.",
        decision: "KKR Midtjylland tog redegørelsen til efterretning.",
        outcome: "noted",
        presenterIds: [member.id],
        caseId: openCase.id,
      },
      {
        number: "3.2",
        groupHeading: "Regionalpolitiske sager",
        title: `Personsag om ${MARKER}`,
        isPublic: false,
        background: `Baggrund: ${MARKER} i baggrunden.`,
        recommendation: `Indstilling om ${MARKER}.`,
        casePresentation: `Sagsfremstilling om **${MARKER}**.`,
        finance: `Økonomi for ${MARKER}.`,
        decision: `Beslutning om ${MARKER}.`,
        outcome: "approved",
        presenterIds: [secretPresenter.id],
        caseId: secretCase.id,
      },
      {
        number: "4",
        title: "Rammeaftalen – ny form og indhold",
        recommendation: "Det indstilles, at KKR Midtjylland drøfter rammeaftalens form.",
        decision: "Drøftet.",
        outcome: "discussed",
      },
      { number: "5", title: "Eventuelt", decision: "Intet.", outcome: "none" },
    ],
  });
  const itemId = (number: string) => {
    const item = meeting.agendaItems.find((candidate) => candidate.number === number);
    if (!item) throw new Error(`no item ${number}`);
    return item.id;
  };
  await addFile(files, {
    name: "Rammeaftale – udkast.pdf",
    agendaItemId: itemId("4"),
    mediaType: "application/pdf",
    bytes: await samplePdf("Rammeaftalebilag", OPEN_ATTACHMENT_PAGES),
  });
  await addFile(files, {
    name: "Økonomioverblik.docx",
    agendaItemId: itemId("4"),
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    bytes: new TextEncoder().encode("not really a Word file"),
  });
  await addFile(files, {
    name: `Notat om ${MARKER}.pdf`,
    agendaItemId: itemId("3.2"),
    mediaType: "application/pdf",
    bytes: await samplePdf(`Lukket bilag ${MARKER}`, CLOSED_ATTACHMENT_PAGES),
  });
  const life: MeetingState[] = [
    "planned",
    "agenda_published",
    "held",
    "minutes_approved",
    "minutes_published",
  ];
  let current = 0;
  return {
    meetingId: meeting.id,
    organizationId: body.id,
    bodyName: body.name,
    async advanceTo(state) {
      const target = life.indexOf(state);
      while (current < target) {
        current++;
        await updateMeeting(ctx, meeting.id, { state: life[current] as MeetingState });
      }
    },
  };
}
