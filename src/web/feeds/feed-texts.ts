import { messages } from "../i18n.ts";

/** The words of the calendars and feeds, Danish first (a subscription URL may add `?lang=en`). */
export const feedText = messages(
  {
    meetingsOf: "Møder i {name}",
    meetingsOfPerson: "Møder for {name}",
    bodyCalendarDescription: "Møderne i {name}, med dagsordenens punkter når den er offentliggjort",
    personCalendarDescription: "Møderne i de organer, {name} var udpeget til på mødedagen",
    cancelled: "Aflyst",
    meetingCancelled: "Mødet er aflyst.",
    asSubstitute: "som suppleant",
    role: "Rolle",
    agenda: "Dagsorden",
    minutes: "Referat",
    agendaNotPublished: "Dagsordenen er ikke offentliggjort endnu.",
    minutesPublished: "Referatet er offentliggjort.",
    online: "Online",
    seeMeeting: "Se mødet",
    publicationsOf: "{name}: dagsordener og referater",
    publicationsDescription: "Offentliggjorte dagsordener og referater fra {name}, nyeste først",
    version: "version {n}",
    changesInVersion: "Ændringer i denne version",
    agendaFor: "Dagsorden til {title}, {when}.",
    minutesFor: "Referat af {title}, {when}.",
    caseFeedTitle: "Sag: {title}",
    caseFeedDescription: "Behandlinger af sagen i organerne, nyeste først",
    planned: "Planlagt",
    treatedAt: "{body} behandlede sagen {purpose} på {meeting}, {when}.",
    plannedAt: "Sagen er planlagt til behandling i {body} {when}, {purpose}.",
    item: "Punkt {number}: {title}",
    outcome: "Udfald",
    decision: "Beslutning",
    decisionFollows: "Beslutningen offentliggøres med referatet.",
    seeCase: "Se sagen",
  },
  {
    meetingsOf: "Meetings of {name}",
    meetingsOfPerson: "Meetings for {name}",
    bodyCalendarDescription: "The meetings of {name}, with the agenda's items once it is published",
    personCalendarDescription: "The meetings of the bodies {name} was appointed to on the day",
    cancelled: "Cancelled",
    meetingCancelled: "The meeting is cancelled.",
    asSubstitute: "as substitute",
    role: "Role",
    agenda: "Agenda",
    minutes: "Minutes",
    agendaNotPublished: "The agenda is not published yet.",
    minutesPublished: "The minutes are published.",
    online: "Online",
    seeMeeting: "See the meeting",
    publicationsOf: "{name}: agendas and minutes",
    publicationsDescription: "Published agendas and minutes of {name}, newest first",
    version: "version {n}",
    changesInVersion: "Changes in this version",
    agendaFor: "Agenda for {title}, {when}.",
    minutesFor: "Minutes of {title}, {when}.",
    caseFeedTitle: "Case: {title}",
    caseFeedDescription: "Treatments of the case by the bodies, newest first",
    planned: "Planned",
    treatedAt: "{body} treated the case {purpose} at {meeting}, {when}.",
    plannedAt: "The case is planned for {body} on {when}, {purpose}.",
    item: "Item {number}: {title}",
    outcome: "Outcome",
    decision: "Decision",
    decisionFollows: "The decision is published with the minutes.",
    seeCase: "See the case",
  },
);

export const roleText = messages(
  {
    chair: "formand",
    vice_chair: "næstformand",
    member: "medlem",
    substitute: "suppleant",
    observer: "observatør",
    secretariat: "sekretariat",
  },
  {
    chair: "chair",
    vice_chair: "vice-chair",
    member: "member",
    substitute: "substitute",
    observer: "observer",
    secretariat: "secretariat",
  },
);

export const outcomeText = messages(
  {
    approved: "godkendt",
    approved_with_changes: "godkendt med ændringer",
    noted: "taget til efterretning",
    discussed: "drøftet",
    recommended_onward: "indstillet",
    postponed: "udsat",
    rejected: "afvist",
    none: "intet udfald",
  },
  {
    approved: "approved",
    approved_with_changes: "approved with changes",
    noted: "noted",
    discussed: "discussed",
    recommended_onward: "recommended onward",
    postponed: "postponed",
    rejected: "rejected",
    none: "no outcome",
  },
);

export const purposeText = messages(
  { information: "til orientering", discussion: "til drøftelse", decision: "til beslutning" },
  { information: "for information", discussion: "for discussion", decision: "for decision" },
);

/** Fills `{name}` placeholders; values are plain text (each format escapes them itself). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}
