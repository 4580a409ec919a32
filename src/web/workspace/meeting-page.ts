import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { addItem, moveItem, removeItem } from "../../core/agenda/agenda-builder.ts";
import type { AgendaItem } from "../../core/agenda/agenda-item.schema.ts";
import { getAgendaSettings } from "../../core/agenda/agenda-settings.ts";
import { fillStandardItems } from "../../core/agenda/standard-items.ts";
import type { MeetingDetail } from "../../core/meetings/meeting.schema.ts";
import {
  approveMinutes,
  markHeld,
  moveMeeting,
  publishAgenda,
  publishMinutes,
} from "../../core/meetings/meeting-life.ts";
import { minutesAreApproved } from "../../core/meetings/meeting-state.ts";
import { peopleByName } from "../../core/meetings/workspace-reads.ts";
import { versionsOf } from "../../core/publication/versions.ts";
import { formatDateTime } from "../format.ts";
import { html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import {
  errorSummary,
  type FieldErrors,
  type FormBody,
  type FormKit,
  field,
  formBody,
  formErrorField,
  formKit,
  inputField,
  radioGroup,
  submit,
} from "./forms.ts";
import { breadcrumbs, labels, stateLabel, stateSteps } from "./labels.ts";
import { meetingTimeFields, parseMeetingTime } from "./meeting-time.ts";
import { agendaAction } from "./note-page.ts";
import { preparedMeeting, requireSecretariat, sendWorkspacePage } from "./workspace-page.ts";

const text = messages(
  {
    stateAndActions: "Status og handlinger",
    publishAgenda: "Offentliggør dagsordenen",
    markHeld: "Markér mødet som afholdt",
    minutes: "Referat",
    keepMinutes: "Skriv referatet",
    approveMinutes: "Godkend referatet",
    publishMinutes: "Offentliggør referatet",
    correct: "Ret det godkendte referat",
    versions: "Udgaver og ændringer",
    documents: "Dokumenter",
    agendaPublic: "Dagsorden, offentlig udgave (PDF)",
    agendaMembers: "Dagsorden, medlemsudgave med lukkede punkter (PDF)",
    minutesPublic: "Referat, offentlig udgave (PDF)",
    minutesMembers: "Referat, medlemsudgave (PDF)",
    move: "Flyt mødet (dato, tid, sted)",
    agenda: "Dagsorden",
    publishedNotice:
      "Dagsordenen er offentliggjort. Hver ændring bliver en ny udgave med en note om, hvad der er ændret.",
    lockedNotice: "Mødet er afholdt: dagsordenen ændres ikke længere. Beslutningerne skrives i referatet.",
    cancelledNotice: "Mødet er aflyst.",
    empty: "Dagsordenen har ingen punkter endnu.",
    edit: "Redigér",
    moveUp: "Flyt op",
    moveDown: "Flyt ned",
    remove: "Fjern",
    item: "punkt",
    presenters: "Fremlægges af",
    standard: "Standardpunkt",
    case: "Sag",
    attachments: "bilag",
    newItem: "Nyt punkt",
    title: "Titel",
    openness: "Åbent eller lukket",
    open: "Åbent punkt",
    closed: "Lukket punkt (kun for medlemmer)",
    group: "Overskrift (gruppe)",
    groupHint: "Punkter med samme overskrift nummereres samlet, for eksempel 3.1 og 3.2. Tom for ingen.",
    note: "Hvad er ændret",
    noteHint: "Dagsordenen er offentliggjort: noten vises med den nye udgave.",
    add: "Tilføj punkt",
    fillStandard: "Opdatér standardpunkterne",
    fillHint:
      "Tilføjer organets standardpunkter, der mangler, og udfylder dem igen fra kalenderen og sagerne.",
    titleRequired: "Skriv punktets titel",
    noteRequired: "Dagsordenen er offentliggjort: skriv, hvad der er ændret",
    agendaVersions: "Dagsordenens udgaver",
    version: "Udgave",
    firstVersion: "Første offentliggjorte udgave",
    allVersions: "Se alle udgaver og forskellene mellem dem",
    movedUp: "Punkt {n} ({title}) er flyttet op.",
    movedDown: "Punkt {n} ({title}) er flyttet ned.",
    removed: "Punkt {n} ({title}) er fjernet.",
    refreshed: "Standardpunkterne er opdateret.",
    moveTitle: "Flyt mødet",
    meetingTitle: "Mødets titel",
    day: "Dato",
    startTime: "Starttidspunkt",
    timeHint: "Tom, hvis tidspunktet ikke er fastlagt.",
    endTime: "Sluttidspunkt",
    location: "Sted",
    saveMove: "Gem tid og sted",
    dateInvalid: "Skriv datoen som åååå-mm-dd",
    timeInvalid: "Skriv tidspunktet som tt:mm",
    endBeforeStart: "Sluttidspunktet skal ligge efter starttidspunktet",
  },
  {
    stateAndActions: "State and actions",
    publishAgenda: "Publish the agenda",
    markHeld: "Mark the meeting as held",
    minutes: "Minutes",
    keepMinutes: "Keep the minutes",
    approveMinutes: "Approve the minutes",
    publishMinutes: "Publish the minutes",
    correct: "Correct the approved minutes",
    versions: "Versions and changes",
    documents: "Documents",
    agendaPublic: "Agenda, public edition (PDF)",
    agendaMembers: "Agenda, members' edition with closed items (PDF)",
    minutesPublic: "Minutes, public edition (PDF)",
    minutesMembers: "Minutes, members' edition (PDF)",
    move: "Move the meeting (date, time, place)",
    agenda: "Agenda",
    publishedNotice:
      "The agenda is published. Every change becomes a new version with a note of what changed.",
    lockedNotice: "The meeting has been held: the agenda no longer changes. Decisions go into the minutes.",
    cancelledNotice: "The meeting is cancelled.",
    empty: "The agenda has no items yet.",
    edit: "Edit",
    moveUp: "Move up",
    moveDown: "Move down",
    remove: "Remove",
    item: "item",
    presenters: "Presented by",
    standard: "Standard item",
    case: "Case",
    attachments: "attachments",
    newItem: "New item",
    title: "Title",
    openness: "Open or closed",
    open: "Open item",
    closed: "Closed item (members only)",
    group: "Heading (group)",
    groupHint: "Items under the same heading are numbered together, for example 3.1 and 3.2. Empty for none.",
    note: "What changed",
    noteHint: "The agenda is published: the note is shown with the new version.",
    add: "Add item",
    fillStandard: "Refresh the standard items",
    fillHint: "Adds the body's missing standard items and fills them again from the calendar and the cases.",
    titleRequired: "Enter the item's title",
    noteRequired: "The agenda is published: say what changed",
    agendaVersions: "Versions of the agenda",
    version: "Version",
    firstVersion: "First published version",
    allVersions: "See all versions and the differences between them",
    movedUp: "Item {n} ({title}) moved up.",
    movedDown: "Item {n} ({title}) moved down.",
    removed: "Item {n} ({title}) removed.",
    refreshed: "The standard items were refreshed.",
    moveTitle: "Move the meeting",
    meetingTitle: "Title of the meeting",
    day: "Date",
    startTime: "Start time",
    timeHint: "Empty if the time is not set yet.",
    endTime: "End time",
    location: "Place",
    saveMove: "Save time and place",
    dateInvalid: "Enter the date as yyyy-mm-dd",
    timeInvalid: "Enter the time as hh:mm",
    endBeforeStart: "The end time must be after the start time",
  },
);

type Texts = (typeof text)[Lang];

const fill = (template: string, item: { number: string; title: string }) =>
  template.replace("{n}", item.number).replace("{title}", item.title);

function stateActions(kit: FormKit, t: Texts, meeting: MeetingDetail): SafeHtml {
  const id = meeting.id;
  const actions: SafeHtml[] = [];
  if (meeting.state === "planned") {
    actions.push(
      kit.button({ action: `/sekretariat/moeder/${id}/offentliggoer-dagsorden`, label: t.publishAgenda }),
    );
  }
  if (meeting.state === "agenda_published") {
    actions.push(kit.button({ action: `/sekretariat/moeder/${id}/afholdt`, label: t.markHeld }));
  }
  if (meeting.state === "agenda_published" || meeting.state === "held") {
    actions.push(
      html`<a class="button secondary" href="/sekretariat/moeder/${id}/referat">${t.keepMinutes}</a>`,
    );
  }
  if (meeting.state === "held") {
    actions.push(
      kit.button({ action: `/sekretariat/moeder/${id}/godkend-referat`, label: t.approveMinutes }),
    );
  }
  if (meeting.state === "minutes_approved") {
    actions.push(
      kit.button({ action: `/sekretariat/moeder/${id}/offentliggoer-referat`, label: t.publishMinutes }),
    );
  }
  if (minutesAreApproved(meeting.state)) {
    actions.push(html`<a class="button secondary" href="/sekretariat/moeder/${id}/referat">${t.minutes}</a>`);
    actions.push(
      html`<a class="button secondary" href="/sekretariat/moeder/${id}/rettelse">${t.correct}</a>`,
    );
  }
  return html`<div class="actions-row">${actions}</div>`;
}

function documentLinks(t: Texts, meeting: MeetingDetail): SafeHtml {
  const id = meeting.id;
  const minutes = minutesAreApproved(meeting.state);
  return html`<ul>
<li><a href="/moeder/${id}/dagsorden.pdf?udgave=offentlig">${t.agendaPublic}</a></li>
<li><a href="/moeder/${id}/dagsorden.pdf?udgave=medlemmer&amp;bilag=med">${t.agendaMembers}</a></li>
${minutes ? html`<li><a href="/moeder/${id}/referat.pdf?udgave=offentlig">${t.minutesPublic}</a></li><li><a href="/moeder/${id}/referat.pdf?udgave=medlemmer">${t.minutesMembers}</a></li>` : ""}
</ul>`;
}

function itemRow(
  kit: FormKit,
  lang: Lang,
  t: Texts,
  item: AgendaItem,
  options: { first: boolean; last: boolean; editable: boolean; names: Map<string, string>; files: number },
): SafeHtml {
  const label = `${t.item} ${item.number}: ${item.title}`;
  const presenters = item.presenterIds.map((id) => options.names.get(id) ?? "").filter(Boolean);
  return html`<li class="agenda-item" id="punkt-${item.id}">
<div class="agenda-item__head"><span class="agenda-item__number">${item.number}</span>
<a class="agenda-item__title" href="/sekretariat/punkter/${item.id}">${item.title}</a>
${item.isPublic ? "" : html`<span class="badge closed">${labels[lang].closedItem}</span>`}
${item.standardKind ? html`<span class="badge">${t.standard}</span>` : ""}</div>
${presenters.length ? html`<p class="meta">${t.presenters}: ${presenters.join(", ")}</p>` : ""}
${options.files ? html`<p class="meta">${options.files} ${t.attachments}</p>` : ""}
${
  options.editable
    ? html`<div class="agenda-item__actions">
<a href="/sekretariat/punkter/${item.id}" aria-label="${t.edit} ${label}">${t.edit}</a>
${options.first ? "" : kit.button({ action: `/sekretariat/punkter/${item.id}/flyt`, label: t.moveUp, hidden: { retning: "op" }, style: "secondary", accessibleLabel: `${t.moveUp}: ${label}` })}
${options.last ? "" : kit.button({ action: `/sekretariat/punkter/${item.id}/flyt`, label: t.moveDown, hidden: { retning: "ned" }, style: "secondary", accessibleLabel: `${t.moveDown}: ${label}` })}
${kit.button({ action: `/sekretariat/punkter/${item.id}/fjern`, label: t.remove, style: "danger", accessibleLabel: `${t.remove}: ${label}` })}
</div>`
    : ""
}
</li>`;
}

/** The items, under their group headings where they have them. */
function agendaList(
  kit: FormKit,
  lang: Lang,
  t: Texts,
  items: readonly AgendaItem[],
  editable: boolean,
  names: Map<string, string>,
  fileCounts: Map<string, number>,
): SafeHtml {
  if (items.length === 0) return html`<p>${t.empty}</p>`;
  const out: SafeHtml[] = [];
  let previous: string | null = null;
  let open = false;
  items.forEach((item, index) => {
    const heading = item.groupHeading ?? null;
    if (heading !== previous || index === 0) {
      if (open) out.push(html`</ul>`);
      if (heading) out.push(html`<h3 class="agenda-group">${item.number.split(".")[0]} ${heading}</h3>`);
      out.push(html`<ul class="agenda-list">`);
      open = true;
    }
    out.push(
      itemRow(kit, lang, t, item, {
        first: index === 0,
        last: index === items.length - 1,
        editable,
        names,
        files: fileCounts.get(item.id) ?? 0,
      }),
    );
    previous = heading;
  });
  if (open) out.push(html`</ul>`);
  return html`${out}`;
}

interface MeetingPageState {
  errors?: FieldErrors;
  body?: FormBody;
  status?: number;
}

async function renderMeetingPage(
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: string,
  state: MeetingPageState = {},
) {
  const kit = formKit(request, reply);
  const { lang, ctx } = request;
  const t = text[lang];
  const { meeting, body } = await preparedMeeting(request, meetingId);
  const settings = await getAgendaSettings(ctx, meeting.organizationId);
  const names = new Map((await peopleByName(ctx)).map((p) => [p.id, p.name]));
  const fileRows = await ctx.db.query<{ itemId: string; n: number }>(
    `SELECT f.agenda_item_id AS "itemId", count(*)::int AS n FROM files f JOIN agenda_items i ON i.id = f.agenda_item_id
     WHERE i.meeting_id = $1 GROUP BY f.agenda_item_id`,
    [meetingId],
  );
  const fileCounts = new Map(fileRows.map((row) => [row.itemId, row.n]));
  const versions = await versionsOf(ctx, meetingId, "agenda");
  const published = meeting.state === "agenda_published";
  const editable = meeting.state === "planned" || published;
  const errors = state.errors ?? {};
  const posted = state.body ?? {};
  const headings = [
    ...new Set(meeting.agendaItems.map((i) => i.groupHeading).filter((h): h is string => !!h)),
  ];

  const addForm = html`<form method="post" action="/sekretariat/moeder/${meetingId}/punkter" novalidate class="add-item">
${state.body ? kit.keep(posted) : kit.fields()}
<h3 id="nyt-punkt">${t.newItem}</h3>
${errorSummary(lang, errors)}
${inputField({ lang, name: "title", label: t.title, value: field(posted, "title"), required: true, error: errors.title })}
${radioGroup({
  lang,
  name: "isPublic",
  legend: t.openness,
  value: field(posted, "isPublic") || "1",
  inline: true,
  choices: [
    { value: "1", label: t.open },
    { value: "0", label: t.closed },
  ],
})}
${inputField({ lang, name: "groupHeading", label: t.group, hint: settings.numbering === "grouped" ? t.groupHint : undefined, value: field(posted, "groupHeading"), list: "overskrifter", autocomplete: "off" })}
<datalist id="overskrifter">${headings.map((h) => html`<option value="${h}"></option>`)}</datalist>
${published ? inputField({ lang, name: "note", label: t.note, hint: t.noteHint, value: field(posted, "note"), required: true, error: errors.note }) : ""}
<p><button type="submit">${t.add}</button></p>
</form>
<form method="post" action="/sekretariat/moeder/${meetingId}/standardpunkter" class="fill-standard">
${kit.fields()}
<p class="hint" id="standard-hint">${t.fillHint}</p>
<button type="submit" class="secondary" aria-describedby="standard-hint">${t.fillStandard}</button>
</form>`;

  const notice =
    meeting.state === "cancelled"
      ? html`<p class="notice">${t.cancelledNotice}</p>`
      : published
        ? html`<p class="notice">${t.publishedNotice}</p>`
        : !editable
          ? html`<p class="notice">${t.lockedNotice}</p>`
          : "";

  const page = html`${breadcrumbs(lang, [{ href: `/sekretariat/organer/${body.id}`, label: body.shortName ?? body.name }])}
<h1>${meeting.title}</h1>
<p class="lead">${formatDateTime(meeting.start, lang, meeting.allDay)}${meeting.location ? html`, ${meeting.location}` : ""}
${editable ? html` · <a href="/sekretariat/moeder/${meetingId}/flyt">${t.move}</a>` : ""}</p>
<h2 id="status">${t.stateAndActions}</h2>
${stateSteps(lang, meeting.state)}
${stateActions(kit, t, meeting)}
<h2 id="dokumenter">${t.documents}</h2>
${documentLinks(t, meeting)}
<h2 id="dagsorden">${t.agenda}</h2>
${notice}
${agendaList(kit, lang, t, meeting.agendaItems, editable, names, fileCounts)}
${editable ? addForm : ""}
<h2 id="udgaver">${t.agendaVersions}</h2>
${
  versions.length
    ? html`<ul>${versions.map(
        (v) =>
          html`<li>${t.version} ${v.version}, ${formatDateTime(v.publishedAt, lang)}: ${v.note ?? t.firstVersion}</li>`,
      )}</ul>`
    : ""
}
<p><a href="/sekretariat/moeder/${meetingId}/udgaver">${t.allVersions}</a></p>`;
  return sendWorkspacePage(request, reply, {
    title: `${meeting.title}: ${stateLabel(lang, meeting.state)}`,
    body: page,
    status: state.status ?? 200,
  });
}

async function renderMovePage(
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: string,
  state: MeetingPageState = {},
) {
  const kit = formKit(request, reply);
  const { lang } = request;
  const t = text[lang];
  const { meeting, body } = await preparedMeeting(request, meetingId);
  const errors = state.errors ?? {};
  const current = {
    ...meetingTimeFields(meeting.start, meeting.end, meeting.allDay),
    title: meeting.title,
    location: meeting.location ?? "",
  };
  const value = (name: keyof typeof current) => (state.body ? field(state.body, name) : current[name]);
  const page = html`${breadcrumbs(lang, [
    { href: `/sekretariat/organer/${body.id}`, label: body.shortName ?? body.name },
    { href: `/sekretariat/moeder/${meetingId}`, label: meeting.title },
  ])}
<h1>${t.moveTitle}</h1>
<form method="post" action="/sekretariat/moeder/${meetingId}/flyt" novalidate>
${state.body ? kit.keep(state.body) : kit.fields()}
${errorSummary(lang, errors)}
${inputField({ lang, name: "title", label: t.meetingTitle, value: value("title"), required: true, error: errors.title })}
${inputField({ lang, name: "date", type: "date", label: t.day, value: value("date"), required: true, error: errors.date })}
${inputField({ lang, name: "startTime", type: "time", label: t.startTime, hint: t.timeHint, value: value("startTime"), error: errors.startTime })}
${inputField({ lang, name: "endTime", type: "time", label: t.endTime, value: value("endTime"), error: errors.endTime })}
${inputField({ lang, name: "location", label: t.location, value: value("location") })}
<p><button type="submit">${t.saveMove}</button></p>
</form>`;
  return sendWorkspacePage(request, reply, { title: t.moveTitle, body: page, status: state.status ?? 200 });
}

async function itemSummary(ctx: FastifyRequest["ctx"], itemId: string) {
  const [item] = await ctx.db.query<{ meetingId: string; number: string; title: string }>(
    `SELECT meeting_id AS "meetingId", number, title FROM agenda_items WHERE id = $1`,
    [itemId],
  );
  return item ?? { meetingId: "", number: "", title: "" };
}

/** `/sekretariat/moeder/:id`: the meeting's state and actions, and the agenda builder. */
export function registerMeetingPage(app: FastifyInstance): void {
  app.get<{ Params: { id: string } }>("/sekretariat/moeder/:id", async (request, reply) => {
    requireSecretariat(request);
    return renderMeetingPage(request, reply, request.params.id);
  });

  app.post<{ Params: { id: string } }>("/sekretariat/moeder/:id/punkter", async (request, reply) => {
    requireSecretariat(request);
    const t = text[request.lang];
    const body = formBody(request);
    if (!field(body, "title").trim()) {
      return renderMeetingPage(request, reply, request.params.id, {
        errors: { title: t.titleRequired },
        body,
        status: 400,
      });
    }
    try {
      return await submit(request, reply, async (ctx) => {
        const id = await addItem(ctx, request.params.id, {
          title: field(body, "title"),
          isPublic: field(body, "isPublic") !== "0",
          groupHeading: field(body, "groupHeading"),
          note: field(body, "note"),
        });
        return `/sekretariat/moeder/${request.params.id}#punkt-${id}`;
      });
    } catch (error) {
      const at = formErrorField(error);
      if (at !== "note" && at !== "title") throw error;
      return renderMeetingPage(request, reply, request.params.id, {
        errors: at === "note" ? { note: t.noteRequired } : { title: t.titleRequired },
        body,
        status: 400,
      });
    }
  });

  app.post<{ Params: { id: string } }>("/sekretariat/moeder/:id/standardpunkter", async (request, reply) => {
    requireSecretariat(request);
    const meetingId = request.params.id;
    return agendaAction(request, reply, {
      suggestion: text[request.lang].refreshed,
      backUrl: `/sekretariat/moeder/${meetingId}#dagsorden`,
      work: async (ctx, note) => {
        await fillStandardItems(ctx, meetingId, { note });
        return `/sekretariat/moeder/${meetingId}#dagsorden`;
      },
    });
  });

  app.post<{ Params: { id: string } }>("/sekretariat/punkter/:id/flyt", async (request, reply) => {
    requireSecretariat(request);
    const t = text[request.lang];
    const direction = field(formBody(request), "retning") === "ned" ? "down" : "up";
    const item = await itemSummary(request.ctx, request.params.id);
    return agendaAction(request, reply, {
      suggestion: fill(direction === "up" ? t.movedUp : t.movedDown, item),
      backUrl: `/sekretariat/moeder/${item.meetingId}#punkt-${request.params.id}`,
      work: async (ctx, note) => {
        await moveItem(ctx, request.params.id, direction, { note });
        return `/sekretariat/moeder/${item.meetingId}#punkt-${request.params.id}`;
      },
    });
  });

  app.post<{ Params: { id: string } }>("/sekretariat/punkter/:id/fjern", async (request, reply) => {
    requireSecretariat(request);
    const t = text[request.lang];
    const item = await itemSummary(request.ctx, request.params.id);
    return agendaAction(request, reply, {
      suggestion: fill(t.removed, item),
      backUrl: `/sekretariat/moeder/${item.meetingId}#punkt-${request.params.id}`,
      work: async (ctx, note) => {
        await removeItem(ctx, request.params.id, { note });
        return `/sekretariat/moeder/${item.meetingId}#dagsorden`;
      },
    });
  });

  const transition = (path: string, run: (ctx: FastifyRequest["ctx"], id: string) => Promise<void>) =>
    app.post<{ Params: { id: string } }>(`/sekretariat/moeder/:id/${path}`, async (request, reply) => {
      requireSecretariat(request);
      return submit(request, reply, async (ctx) => {
        await run(ctx, request.params.id);
        return `/sekretariat/moeder/${request.params.id}#status`;
      });
    });
  transition("offentliggoer-dagsorden", publishAgenda);
  transition("afholdt", markHeld);
  transition("godkend-referat", approveMinutes);
  transition("offentliggoer-referat", publishMinutes);

  app.get<{ Params: { id: string } }>("/sekretariat/moeder/:id/flyt", async (request, reply) => {
    requireSecretariat(request);
    return renderMovePage(request, reply, request.params.id);
  });

  app.post<{ Params: { id: string } }>("/sekretariat/moeder/:id/flyt", async (request, reply) => {
    requireSecretariat(request);
    const t = text[request.lang];
    const body = formBody(request);
    const time = parseMeetingTime(field(body, "date"), field(body, "startTime"), field(body, "endTime"));
    const errors: FieldErrors = {};
    if (!field(body, "title").trim()) errors.title = t.titleRequired;
    if (time.error === "date") errors.date = t.dateInvalid;
    if (time.error === "startTime") errors.startTime = t.timeInvalid;
    if (time.error === "endTime") errors.endTime = t.timeInvalid;
    if (time.error === "endBeforeStart") errors.endTime = t.endBeforeStart;
    if (Object.keys(errors).length > 0) {
      return renderMovePage(request, reply, request.params.id, { errors, body, status: 400 });
    }
    return submit(request, reply, async (ctx) => {
      await moveMeeting(ctx, request.params.id, {
        title: field(body, "title").trim(),
        start: time.start ?? "",
        end: time.end,
        allDay: time.allDay,
        location: field(body, "location").trim() || null,
      });
      return `/sekretariat/moeder/${request.params.id}`;
    });
  });
}
