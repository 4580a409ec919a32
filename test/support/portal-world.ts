import { createCase, createConsultation } from "../../src/core/cases/cases.ts";
import { addFile } from "../../src/core/files/files.ts";
import { createMeeting, updateMeeting } from "../../src/core/meetings/meetings.ts";
import { createMembership } from "../../src/core/memberships/memberships.ts";
import { createOrganization } from "../../src/core/organizations/organizations.ts";
import { createPerson } from "../../src/core/people/people.ts";
import type { MeetingState } from "../../src/core/publication/visibility.ts";
import { systemActor } from "../../src/core/shared/context.ts";
import type { TestStore } from "./databases.ts";

/** A word that appears only in what the public must never see. */
export const SECRET = "Hemmeligholdt-zebra";

const life: readonly MeetingState[] = ["agenda_published", "held", "minutes_approved", "minutes_published"];

/**
 * A small world for the portal: a case travelling KD-Net → KD-Net → KKR → Repræsentantskab (as
 * seed 001 item 6 plans it), a closed item full of secrets, a draft agenda, members now and before.
 */
export async function buildPortalWorld(store: TestStore) {
  const ctx = { db: store.db, actor: systemActor };
  const org = (
    name: string,
    shortName: string,
    kind: "administrative_network" | "political_body" | "committee" | "municipality",
  ) => createOrganization(ctx, { name, shortName, kind }).then((o) => o.id);
  const kdNet = await org("Kommunaldirektørnetværket i Testregionen", "KD-Net", "administrative_network");
  const kkr = await org("KKR Testregionen", "KKR", "political_body");
  const council = await org("Midttrafiks Repræsentantskab", "Repræsentantskabet", "committee");
  const municipality = await org("Syddjurs Kommune", "Syddjurs", "municipality");
  const person = (name: string) => createPerson(ctx, { name }).then((p) => p.id);
  const anne = await person("Anne Andersen");
  const bo = await person("Bo Bertelsen");
  const cai = await person("Cai Christensen");
  const dan = await person("Dan Dalgaard");
  const secretPresenter = await person(`Oplægsholder ${SECRET}`);
  await createMembership(ctx, {
    personId: anne,
    organizationId: kkr,
    role: "chair",
    onBehalfOfId: municipality,
    startDate: "2022-01-01",
  });
  await createMembership(ctx, {
    personId: bo,
    organizationId: kdNet,
    role: "member",
    onBehalfOfId: municipality,
    startDate: "2021-01-01",
  });
  await createMembership(ctx, {
    personId: cai,
    organizationId: kdNet,
    role: "substitute",
    principalPersonId: bo,
    startDate: "2021-01-01",
  });
  await createMembership(ctx, {
    personId: dan,
    organizationId: kdNet,
    role: "member",
    onBehalfOfId: municipality,
    startDate: "2018-01-01",
    endDate: "2020-12-31",
  });

  const theCase = await createCase(ctx, { reference: "SAG-2021-0001", title: "Indtægtsfordelingsmodellen" });
  const secretCase = await createCase(ctx, { reference: `SAG-${SECRET}`, title: `Sag om ${SECRET}` });

  const minutes = await createMeeting(ctx, {
    organizationId: kdNet,
    title: "Møde i KD-Net",
    start: "2021-01-22T10:00:00+01:00",
    end: "2021-01-22T13:00:00+01:00",
    location: "Teams-møde",
    attendance: [
      { personId: bo, status: "excused" },
      { personId: cai, status: "present", substituteForPersonId: bo },
    ],
    agendaItems: [
      {
        number: "1",
        groupHeading: "Sager til drøftelse",
        title: "Indtægtsfordelingsmodellen",
        recommendation: "Det indstilles, at KD-Net **drøfter** processen.",
        decision: "KD-Net godkendte processen.",
        outcome: "approved",
        presenterIds: [bo],
        caseId: theCase.id,
        casePurpose: "discussion",
      },
      {
        number: "2",
        groupHeading: "Sager til drøftelse",
        title: `Lukket: ${SECRET}`,
        isPublic: false,
        background: SECRET,
        recommendation: SECRET,
        casePresentation: SECRET,
        finance: SECRET,
        decision: SECRET,
        outcome: "approved",
        presenterIds: [secretPresenter],
        caseId: secretCase.id,
      },
      { number: "3", title: "Eventuelt", decision: "Intet." },
    ],
  });
  const [openItem, closedItem, lastItem] = minutes.agendaItems;
  if (!openItem || !closedItem || !lastItem) throw new Error("items missing");
  const file = (name: string, target: { agendaItemId?: string; caseId?: string }) =>
    addFile(
      { ...ctx, files: store.files },
      { name, mediaType: "text/plain", bytes: new TextEncoder().encode(`Indhold af ${name}`), ...target },
    ).then((f) => f.id);
  const openFile = await file("Bilag 1 - notat.txt", { agendaItemId: openItem.id });
  const closedFile = await file(`Bilag ${SECRET}.txt`, { agendaItemId: closedItem.id });
  for (const state of life) await updateMeeting(ctx, minutes.id, { state });

  const agendaOnly = await createMeeting(ctx, {
    organizationId: kdNet,
    title: "Møde i KD-Net",
    start: "2021-04-09T09:00:00+02:00",
    agendaItems: [
      {
        number: "1",
        title: "Indtægtsfordelingsmodellen: forberedelse til KKR",
        decision: `Endnu ikke offentlig beslutning ${SECRET}`,
        outcome: "recommended_onward",
        caseId: theCase.id,
        casePurpose: "discussion",
      },
    ],
  });
  await updateMeeting(ctx, agendaOnly.id, { state: "agenda_published" });

  const draft = await createMeeting(ctx, {
    organizationId: kkr,
    title: "Møde i KKR",
    start: "2021-04-23T10:00:00+02:00",
    agendaItems: [{ number: "1", title: `Udkast ${SECRET}`, caseId: theCase.id }],
  });
  await createConsultation(ctx, {
    caseId: theCase.id,
    organizationId: kkr,
    plannedDate: "2021-04-23",
    purpose: "discussion",
  });
  await createConsultation(ctx, {
    caseId: theCase.id,
    organizationId: council,
    plannedDate: "2021-06-18",
    purpose: "decision",
  });
  const future = await createMeeting(ctx, {
    organizationId: kkr,
    title: "Fremtidigt møde i KKR",
    start: "2099-03-01T10:00:00+01:00",
  });
  const agendaOnlyItem = agendaOnly.agendaItems[0];
  const draftItem = draft.agendaItems[0];
  if (!agendaOnlyItem || !draftItem) throw new Error("items missing");
  return {
    organizations: { kdNet, kkr, council, municipality },
    people: { anne, bo, cai, dan, secretPresenter },
    cases: { theCase: theCase.id, secretCase: secretCase.id },
    meetings: { minutes: minutes.id, agendaOnly: agendaOnly.id, draft: draft.id, future: future.id },
    items: {
      open: openItem.id,
      closed: closedItem.id,
      last: lastItem.id,
      agendaOnly: agendaOnlyItem.id,
      draft: draftItem.id,
    },
    files: { open: openFile, closed: closedFile },
  };
}

export type PortalWorld = Awaited<ReturnType<typeof buildPortalWorld>>;
