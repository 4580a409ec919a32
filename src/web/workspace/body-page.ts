import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { StandardItemKind } from "../../core/agenda/agenda-item.schema.ts";
import {
  defaultStandardItems,
  getAgendaSettings,
  type Placement,
  type StandardItem,
  saveAgendaSettings,
} from "../../core/agenda/agenda-settings.ts";
import { assertMayPrepare } from "../../core/agenda/preparation.ts";
import { casesAwaitingAgenda, placeAwaitingCase } from "../../core/cases/send-on.ts";
import { cancelMeeting, planMeeting, reinstateMeeting } from "../../core/meetings/meeting-life.ts";
import { meetingsOfYear } from "../../core/meetings/workspace-reads.ts";
import { getOrganizationById } from "../../core/organizations/organizations.ts";
import { danishDateOf } from "../../platform/time.ts";
import { formatDateTime, formatShortDate } from "../format.ts";
import { flag, html } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { label } from "../labels.ts";
import {
  errorSummary,
  type FieldErrors,
  type FormBody,
  field,
  fieldId,
  formBody,
  formErrorField,
  formKit,
  inputField,
  radioGroup,
  selectField,
  submit,
} from "./forms.ts";
import { breadcrumbs, stateLabel } from "./labels.ts";
import { parseMeetingTime } from "./meeting-time.ts";
import { requireSecretariat, sendWorkspacePage } from "./workspace-page.ts";

const text = messages(
  {
    meetingsOf: "Møder i",
    previousYear: "Forrige år",
    nextYear: "Næste år",
    noMeetings: "Ingen møder i kalenderen dette år.",
    date: "Tidspunkt",
    meeting: "Møde",
    place: "Sted",
    state: "Status",
    actions: "Handlinger",
    move: "Flyt",
    cancel: "Aflys",
    reinstate: "Genoptag",
    newMeeting: "Nyt møde",
    meetingTitle: "Mødets titel",
    day: "Dato",
    dayHint: "For eksempel 2030-04-09",
    startTime: "Starttidspunkt",
    timeHint: "Timer og minutter, for eksempel 09:00. Tom, hvis tidspunktet ikke er fastlagt.",
    endTime: "Sluttidspunkt",
    location: "Sted",
    create: "Opret møde",
    awaiting: "Sager, der venter på en dagsorden",
    noAwaiting: "Ingen sager venter på en dagsorden.",
    case: "Sag",
    plannedFor: "Planlagt til",
    purpose: "Formål",
    from: "Sendt fra",
    toMeeting: "Til mødet",
    noteIfPublished: "Hvad er ændret (kun hvis dagsordenen allerede er offentliggjort)",
    putOnAgenda: "Sæt på dagsordenen",
    noComingMeeting: "Organet har ingen kommende møder: opret et møde først.",
    settings: "Dagsordenens opsætning",
    numbering: "Nummerering",
    flat: "Fortløbende: 1, 2, 3",
    grouped: "Med overskrifter: 3.1, 3.2",
    standardItems: "Standardpunkter",
    standardHint:
      "Punkterne sættes på hvert nyt møde og udfyldes fra kalenderen og sagerne. Fravælg et punkt for at undlade det.",
    include: "Med på dagsordenen",
    itemTitle: "Titel",
    placement: "Placering",
    start: "Først",
    end: "Sidst",
    newStandard: "Nyt standardpunkt (valgfrit)",
    save: "Gem opsætning",
    saved: "Opsætningen er gemt.",
    titleRequired: "Skriv mødets titel",
    dateInvalid: "Skriv datoen som åååå-mm-dd, for eksempel 2030-04-09",
    timeInvalid: "Skriv tidspunktet som tt:mm, for eksempel 09:00",
    endBeforeStart: "Sluttidspunktet skal ligge efter starttidspunktet",
    chooseMeeting: "Vælg det møde, sagen skal på",
    noteRequired: "Dagsordenen er offentliggjort: skriv, hvad der er ændret",
    settingsInvalid: "Hvert standardpunkt skal have en titel",
    approve_agenda: "Godkendelse af dagsorden",
    approve_minutes: "Godkendelse af referat (med link til forrige mødes referat)",
    coming_meetings: "Kommende møder (fra kalenderen)",
    next_meeting_items: "Punkter til næste møde (sager planlagt til næste møde)",
    any_other_business: "Eventuelt",
    custom: "Eget standardpunkt",
  },
  {
    meetingsOf: "Meetings in",
    previousYear: "Previous year",
    nextYear: "Next year",
    noMeetings: "No meetings in the calendar this year.",
    date: "Time",
    meeting: "Meeting",
    place: "Place",
    state: "State",
    actions: "Actions",
    move: "Move",
    cancel: "Cancel",
    reinstate: "Reinstate",
    newMeeting: "New meeting",
    meetingTitle: "Title of the meeting",
    day: "Date",
    dayHint: "For example 2030-04-09",
    startTime: "Start time",
    timeHint: "Hours and minutes, for example 09:00. Empty if the time is not set yet.",
    endTime: "End time",
    location: "Place",
    create: "Create meeting",
    awaiting: "Cases awaiting an agenda",
    noAwaiting: "No cases are awaiting an agenda.",
    case: "Case",
    plannedFor: "Planned for",
    purpose: "Purpose",
    from: "Sent from",
    toMeeting: "To the meeting",
    noteIfPublished: "What changed (only if the agenda is already published)",
    putOnAgenda: "Put on the agenda",
    noComingMeeting: "The body has no coming meetings: create a meeting first.",
    settings: "Agenda settings",
    numbering: "Numbering",
    flat: "Running: 1, 2, 3",
    grouped: "Under headings: 3.1, 3.2",
    standardItems: "Standard items",
    standardHint:
      "These items are put on every new meeting and filled from the calendar and the cases. Untick an item to leave it out.",
    include: "On the agenda",
    itemTitle: "Title",
    placement: "Placement",
    start: "First",
    end: "Last",
    newStandard: "New standard item (optional)",
    save: "Save settings",
    saved: "The settings are saved.",
    titleRequired: "Enter the meeting's title",
    dateInvalid: "Enter the date as yyyy-mm-dd, for example 2030-04-09",
    timeInvalid: "Enter the time as hh:mm, for example 09:00",
    endBeforeStart: "The end time must be after the start time",
    chooseMeeting: "Choose the meeting the case goes on",
    noteRequired: "The agenda is published: say what changed",
    settingsInvalid: "Every standard item needs a title",
    approve_agenda: "Approval of the agenda",
    approve_minutes: "Approval of the minutes (linking the previous meeting's minutes)",
    coming_meetings: "Coming meetings (from the calendar)",
    next_meeting_items: "Items for the next meeting (cases planned for it)",
    any_other_business: "Any other business",
    custom: "Own standard item",
  },
);

interface BodyPageState {
  errors?: FieldErrors;
  body?: FormBody;
  /** Which form the errors belong to. */
  form?: "create" | "settings" | `place-${string}`;
  status?: number;
}

function currentYear(request: FastifyRequest): number {
  const asked = Number((request.query as Record<string, unknown>)?.aar);
  return Number.isInteger(asked) && asked > 1900 && asked < 3000
    ? asked
    : Number(danishDateOf(new Date()).slice(0, 4));
}

async function renderBodyPage(
  request: FastifyRequest,
  reply: FastifyReply,
  organizationId: string,
  state: BodyPageState = {},
) {
  const kit = formKit(request, reply);
  const { lang, ctx } = request;
  const t = text[lang];
  assertMayPrepare(ctx.actor, organizationId);
  const body = await getOrganizationById(ctx, organizationId);
  const year = currentYear(request);
  const meetings = await meetingsOfYear(ctx, organizationId, year);
  const nextYears = await meetingsOfYear(ctx, organizationId, year + 1);
  const settings = await getAgendaSettings(ctx, organizationId);
  const awaiting = await casesAwaitingAgenda(ctx, organizationId);
  const today = danishDateOf(new Date());
  const openMeetings = [...meetings, ...nextYears].filter(
    (m) => (m.state === "planned" || m.state === "agenda_published") && danishDateOf(m.start) >= today,
  );
  const errors = state.errors ?? {};
  const posted = state.body ?? {};
  const value = (name: string, fallback = "") => (state.body ? field(posted, name) : fallback);
  const createErrors = state.form === "create" ? errors : {};
  const settingsErrors = state.form === "settings" ? errors : {};
  const name = body.shortName ?? body.name;

  const meetingsTable = meetings.length
    ? html`<table><caption class="visually-hidden">${t.meetingsOf} ${year}</caption>
<thead><tr><th scope="col">${t.date}</th><th scope="col">${t.meeting}</th><th scope="col">${t.place}</th><th scope="col">${t.state}</th><th scope="col">${t.actions}</th></tr></thead>
<tbody>${meetings.map(
        (m) => html`<tr><td>${formatDateTime(m.start, lang, m.allDay)}</td>
<td><a href="/sekretariat/moeder/${m.id}">${m.title}</a></td><td>${m.location ?? ""}</td><td>${stateLabel(lang, m.state)}</td>
<td class="actions">${
          m.state === "planned" || m.state === "agenda_published"
            ? html`<a href="/sekretariat/moeder/${m.id}/flyt" aria-label="${t.move}: ${m.title}">${t.move}</a>
${kit.button({ action: `/sekretariat/moeder/${m.id}/aflys`, label: t.cancel, style: "secondary", accessibleLabel: `${t.cancel}: ${m.title}` })}`
            : m.state === "cancelled"
              ? kit.button({
                  action: `/sekretariat/moeder/${m.id}/genoptag`,
                  label: t.reinstate,
                  style: "secondary",
                  accessibleLabel: `${t.reinstate}: ${m.title}`,
                })
              : ""
        }</td></tr>`,
      )}</tbody></table>`
    : html`<p>${t.noMeetings}</p>`;

  const createForm = html`<form method="post" action="/sekretariat/organer/${organizationId}/moeder" novalidate>
${state.form === "create" ? kit.keep(posted) : kit.fields()}
${errorSummary(lang, createErrors)}
${inputField({ lang, name: "title", label: t.meetingTitle, value: value("title", `Møde i ${name}`), required: true, error: createErrors.title })}
${inputField({ lang, name: "date", type: "date", label: t.day, hint: t.dayHint, value: value("date"), required: true, error: createErrors.date })}
${inputField({ lang, name: "startTime", type: "time", label: t.startTime, hint: t.timeHint, value: value("startTime"), error: createErrors.startTime })}
${inputField({ lang, name: "endTime", type: "time", label: t.endTime, value: value("endTime"), error: createErrors.endTime })}
${inputField({ lang, name: "location", label: t.location, value: value("location"), autocomplete: "off" })}
<p><button type="submit">${t.create}</button></p>
</form>`;

  const meetingChoices = openMeetings.map((m) => ({
    value: m.id,
    label: `${formatShortDate(m.start, lang)}: ${m.title} (${stateLabel(lang, m.state)})`,
  }));
  const awaitingList = awaiting.length
    ? html`<ul class="awaiting">${awaiting.map((c) => {
        const formKey = `place-${c.consultationId}` as const;
        const rowErrors = state.form === formKey ? errors : {};
        const rowBody = state.form === formKey ? posted : {};
        const idOf = (f: string) => fieldId(`${f}-${c.consultationId}`);
        return html`<li>
<h3>${c.caseTitle}${c.caseReference ? html` <span class="meta">(${c.caseReference})</span>` : ""}</h3>
<p>${t.plannedFor} ${formatShortDate(c.plannedDate, lang)}, ${label.purposePhrase(lang, c.purpose).toLowerCase()}${c.fromOrganizationName ? html`. ${t.from} ${c.fromOrganizationName}` : ""}.</p>
${
  meetingChoices.length
    ? html`<form method="post" action="/sekretariat/organer/${organizationId}/afventende/${c.consultationId}" novalidate>
${state.form === formKey ? kit.keep(rowBody) : kit.fields()}
${errorSummary(lang, rowErrors, idOf)}
${selectField({ lang, id: idOf("meetingId"), name: "meetingId", label: t.toMeeting, choices: meetingChoices, value: field(rowBody, "meetingId") || meetingChoices.find((m) => openMeetings.find((o) => o.id === m.value && danishDateOf(o.start) >= c.plannedDate))?.value || "", error: rowErrors.meetingId })}
${inputField({ lang, id: idOf("note"), name: "note", label: t.noteIfPublished, value: field(rowBody, "note"), error: rowErrors.note })}
<p><button type="submit">${t.putOnAgenda}</button></p>
</form>`
    : html`<p>${t.noComingMeeting}</p>`
}
</li>`;
      })}</ul>`
    : html`<p>${t.noAwaiting}</p>`;

  const rows: (StandardItem & { on: boolean })[] =
    state.form === "settings" ? postedStandardRows(posted) : [];
  const shownRows =
    state.form === "settings"
      ? rows
      : [
          ...settings.standardItems.map((s) => ({ ...s, on: true })),
          ...defaultStandardItems
            .filter((d) => !settings.standardItems.some((s) => s.kind === d.kind))
            .map((d) => ({ ...d, on: false })),
        ];
  const settingsForm = html`<form method="post" action="/sekretariat/organer/${organizationId}/indstillinger" novalidate>
${state.form === "settings" ? kit.keep(posted) : kit.fields()}
${errorSummary(lang, settingsErrors)}
${radioGroup({
  lang,
  name: "numbering",
  legend: t.numbering,
  value: state.form === "settings" ? field(posted, "numbering") : settings.numbering,
  choices: [
    { value: "flat", label: t.flat },
    { value: "grouped", label: t.grouped },
  ],
})}
<fieldset id="${fieldId("standardItems")}" aria-describedby="${fieldId("standardItems")}-hint">
<legend>${t.standardItems}</legend>
<p class="hint" id="${fieldId("standardItems")}-hint">${t.standardHint}</p>
${[
  ...shownRows,
  { kind: "custom" as StandardItemKind, title: "", placement: "end" as Placement, on: true },
].map(
  (row, index) => html`<fieldset class="standard-item">
<legend>${index === shownRows.length ? t.newStandard : t[row.kind]}</legend>
<input type="hidden" name="std_kind_${index}" value="${row.kind}">
<div class="checkbox"><input type="checkbox" id="std-on-${index}" name="std_on_${index}" value="1"${flag("checked", row.on)}><label for="std-on-${index}">${t.include}</label></div>
${inputField({ lang, id: `std-title-${index}`, name: `std_title_${index}`, label: t.itemTitle, value: row.title, error: settingsErrors[`std_title_${index}`] })}
${selectField({
  lang,
  id: `std-placement-${index}`,
  name: `std_placement_${index}`,
  label: t.placement,
  value: row.placement,
  choices: [
    { value: "start", label: t.start },
    { value: "end", label: t.end },
  ],
})}
</fieldset>`,
)}
</fieldset>
<p><button type="submit">${t.save}</button></p>
</form>`;

  const page = html`${breadcrumbs(lang, [])}
<h1>${body.name}</h1>
<h2 id="moeder">${t.meetingsOf} ${year}</h2>
<p class="year-nav"><a href="?aar=${year - 1}">${t.previousYear} (${year - 1})</a> · <a href="?aar=${year + 1}">${t.nextYear} (${year + 1})</a></p>
${meetingsTable}
<h2 id="nyt-moede">${t.newMeeting}</h2>
${createForm}
<h2 id="afventer">${t.awaiting}</h2>
${awaitingList}
<h2 id="opsaetning">${t.settings}</h2>
${settingsForm}`;
  return sendWorkspacePage(request, reply, { title: body.name, body: page, status: state.status ?? 200 });
}

function postedStandardRows(body: FormBody): (StandardItem & { on: boolean })[] {
  const rows: (StandardItem & { on: boolean })[] = [];
  for (let index = 0; index < 50; index++) {
    const kind = field(body, `std_kind_${index}`) as StandardItemKind;
    if (!kind) break;
    const title = field(body, `std_title_${index}`);
    const isBlankNew = kind === "custom" && !title.trim();
    if (isBlankNew) continue;
    rows.push({
      kind,
      title,
      placement: field(body, `std_placement_${index}`) === "start" ? "start" : "end",
      on: field(body, `std_on_${index}`) === "1",
    });
  }
  return rows;
}

function createErrorsOf(lang: Lang, body: FormBody): FieldErrors {
  const t = text[lang];
  const errors: FieldErrors = {};
  if (!field(body, "title").trim()) errors.title = t.titleRequired;
  const parsed = parseMeetingTime(field(body, "date"), field(body, "startTime"), field(body, "endTime"));
  if (parsed.error === "date") errors.date = t.dateInvalid;
  if (parsed.error === "startTime") errors.startTime = t.timeInvalid;
  if (parsed.error === "endTime") errors.endTime = t.timeInvalid;
  if (parsed.error === "endBeforeStart") errors.endTime = t.endBeforeStart;
  return errors;
}

/** `/sekretariat/organer/:id`: the body's year of meetings, new meetings, waiting cases, settings. */
export function registerBodyPage(app: FastifyInstance): void {
  app.get<{ Params: { id: string } }>("/sekretariat/organer/:id", async (request, reply) => {
    requireSecretariat(request);
    return renderBodyPage(request, reply, request.params.id);
  });

  app.post<{ Params: { id: string } }>("/sekretariat/organer/:id/moeder", async (request, reply) => {
    requireSecretariat(request);
    const body = formBody(request);
    const errors = createErrorsOf(request.lang, body);
    if (Object.keys(errors).length > 0) {
      return renderBodyPage(request, reply, request.params.id, { errors, body, form: "create", status: 400 });
    }
    const time = parseMeetingTime(field(body, "date"), field(body, "startTime"), field(body, "endTime"));
    return submit(request, reply, async (ctx) => {
      const id = await planMeeting(ctx, {
        organizationId: request.params.id,
        title: field(body, "title").trim(),
        start: time.start ?? "",
        end: time.end,
        allDay: time.allDay,
        location: field(body, "location").trim() || null,
      });
      return `/sekretariat/moeder/${id}`;
    });
  });

  app.post<{ Params: { id: string } }>("/sekretariat/organer/:id/indstillinger", async (request, reply) => {
    requireSecretariat(request);
    const body = formBody(request);
    const rows = postedStandardRows(body);
    const errors: FieldErrors = {};
    rows.forEach((row, index) => {
      if (row.on && !row.title.trim()) errors[`std_title_${index}`] = text[request.lang].settingsInvalid;
    });
    if (Object.keys(errors).length > 0) {
      return renderBodyPage(request, reply, request.params.id, {
        errors,
        body,
        form: "settings",
        status: 400,
      });
    }
    return submit(request, reply, async (ctx) => {
      await saveAgendaSettings(ctx, request.params.id, {
        numbering: field(body, "numbering") === "grouped" ? "grouped" : "flat",
        standardItems: rows.filter((row) => row.on).map(({ on: _, ...item }) => item),
      });
      return `/sekretariat/organer/${request.params.id}#opsaetning`;
    });
  });

  app.post<{ Params: { id: string; consultationId: string } }>(
    "/sekretariat/organer/:id/afventende/:consultationId",
    async (request, reply) => {
      requireSecretariat(request);
      const body = formBody(request);
      const t = text[request.lang];
      const form = `place-${request.params.consultationId}` as const;
      const meetingId = field(body, "meetingId");
      if (!meetingId) {
        return renderBodyPage(request, reply, request.params.id, {
          errors: { meetingId: t.chooseMeeting },
          body,
          form,
          status: 400,
        });
      }
      try {
        return await submit(request, reply, async (ctx) => {
          const itemId = await placeAwaitingCase(ctx, request.params.consultationId, meetingId, {
            note: field(body, "note"),
          });
          return `/sekretariat/punkter/${itemId}`;
        });
      } catch (error) {
        const at = formErrorField(error);
        if (!at) throw error;
        const message = at === "note" ? t.noteRequired : t.chooseMeeting;
        return renderBodyPage(request, reply, request.params.id, {
          errors: { [at === "note" ? "note" : "meetingId"]: message },
          body,
          form,
          status: 400,
        });
      }
    },
  );

  app.post<{ Params: { id: string } }>("/sekretariat/moeder/:id/aflys", async (request, reply) => {
    requireSecretariat(request);
    return submit(request, reply, async (ctx) => {
      await cancelMeeting(ctx, request.params.id);
      return backToBody(ctx, request.params.id);
    });
  });

  app.post<{ Params: { id: string } }>("/sekretariat/moeder/:id/genoptag", async (request, reply) => {
    requireSecretariat(request);
    return submit(request, reply, async (ctx) => {
      await reinstateMeeting(ctx, request.params.id);
      return backToBody(ctx, request.params.id);
    });
  });
}

async function backToBody(ctx: FastifyRequest["ctx"], meetingId: string): Promise<string> {
  const [meeting] = await ctx.db.query<{ organizationId: string; start: Date }>(
    `SELECT organization_id AS "organizationId", start_at AS start FROM meetings WHERE id = $1`,
    [meetingId],
  );
  if (!meeting) return "/sekretariat";
  return `/sekretariat/organer/${meeting.organizationId}?aar=${danishDateOf(meeting.start).slice(0, 4)}#moeder`;
}
