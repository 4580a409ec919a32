import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Outcome, outcomes } from "../../core/agenda/agenda-item.schema.ts";
import type { MeetingDetail } from "../../core/meetings/meeting.schema.ts";
import { minutesAreApproved } from "../../core/meetings/meeting-state.ts";
import {
  type AttendanceEntry,
  correctMinutes,
  type DecisionEntry,
  declareConflict,
  type ExpectedAttendee,
  getExpectedAttendees,
  recordAttendance,
  recordDecisions,
  withdrawConflict,
} from "../../core/meetings/minutes.ts";
import { peopleByName } from "../../core/meetings/workspace-reads.ts";
import { formatDateTime } from "../format.ts";
import { html, type SafeHtml } from "../html.ts";
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
  textareaField,
} from "./forms.ts";
import { breadcrumbs, labels, outcomeLabel, stateSteps } from "./labels.ts";
import { minutesView } from "./minutes-view.ts";
import { preparedMeeting, requireSecretariat, sendWorkspacePage } from "./workspace-page.ts";

const text = messages(
  {
    title: "Referat",
    notYet: "Dagsordenen er ikke offentliggjort endnu. Referatet skrives under eller efter mødet.",
    cancelled: "Mødet er aflyst.",
    attendance: "Fremmøde",
    attendanceHint:
      "Medlemmerne efter deres udpegninger på mødets dato. Vælg stedfortræderen for et medlem, der ikke deltog.",
    noMembers:
      "Organet har ingen medlemmer på mødets dato. Udpegningerne registreres under personer og udpegninger.",
    status: "Deltog",
    substitute: "Stedfortræder, der deltog",
    noSubstitute: "Ingen",
    saveAttendance: "Gem fremmødet",
    decisions: "Beslutninger",
    decision: "Beslutning",
    outcome: "Udfald",
    saveDecisions: "Gem beslutningerne",
    conflicts: "Inhabilitet",
    conflictsHint:
      "Registrér, når et medlem erklærer sig inhabil i et punkt. Det står i referatet ved punktet.",
    item: "Punkt",
    person: "Person",
    note: "Bemærkning (valgfri)",
    declare: "Registrér inhabilitet",
    withdraw: "Fjern",
    none: "Ingen har erklæret sig inhabile.",
    approveTitle: "Godkend referatet",
    approveHint:
      "Når referatet er godkendt, ligger det fast. Det kan derefter kun ændres ved en rettelse med en begrundelse, som bliver en ny udgave.",
    approve: "Godkend referatet",
    heldFirst: "Markér mødet som afholdt, før referatet godkendes.",
    markHeld: "Markér mødet som afholdt",
    approved: "Referatet er godkendt og ligger fast.",
    publish: "Offentliggør referatet",
    correct: "Ret referatet",
    versions: "Se udgaverne og forskellene",
    correctionTitle: "Ret det godkendte referat",
    correctionIntro:
      "En rettelse bliver en ny udgave af referatet. Begrundelsen vises sammen med udgaven, og forskellen til den forrige udgave kan ses.",
    reason: "Begrundelse for rettelsen",
    reasonHint: "For eksempel: Beslutningen i punkt 3 var gengivet ufuldstændigt.",
    reasonRequired: "Skriv begrundelsen for rettelsen",
    nothingChanged: "Rettelsen ændrer ingenting: ret en beslutning, et udfald eller fremmødet",
    saveCorrection: "Gem rettelsen som ny udgave",
    chooseItem: "Vælg punktet",
    choosePerson: "Vælg personen",
    invalid: "Værdien kan ikke bruges",
    substituteInvalid:
      "Vælg en stedfortræder, der er udpeget for medlemmet, og kun for et medlem, der ikke deltog",
  },
  {
    title: "Minutes",
    notYet: "The agenda is not published yet. The minutes are kept during or after the meeting.",
    cancelled: "The meeting is cancelled.",
    attendance: "Attendance",
    attendanceHint:
      "The members by their appointments on the meeting's date. Choose the substitute for a member who did not attend.",
    noMembers:
      "The body has no members on the meeting's date. Appointments are recorded with people and memberships.",
    status: "Attended",
    substitute: "Substitute who attended",
    noSubstitute: "None",
    saveAttendance: "Save attendance",
    decisions: "Decisions",
    decision: "Decision",
    outcome: "Outcome",
    saveDecisions: "Save decisions",
    conflicts: "Conflicts of interest",
    conflictsHint:
      "Record when a member declares a conflict of interest in an item. It shows in the minutes at the item.",
    item: "Item",
    person: "Person",
    note: "Note (optional)",
    declare: "Record conflict of interest",
    withdraw: "Remove",
    none: "Nobody has declared a conflict of interest.",
    approveTitle: "Approve the minutes",
    approveHint:
      "Once approved, the minutes are fixed. They then change only by a correction with a reason, which becomes a new version.",
    approve: "Approve the minutes",
    heldFirst: "Mark the meeting as held before approving the minutes.",
    markHeld: "Mark the meeting as held",
    approved: "The minutes are approved and fixed.",
    publish: "Publish the minutes",
    correct: "Correct the minutes",
    versions: "See the versions and the differences",
    correctionTitle: "Correct the approved minutes",
    correctionIntro:
      "A correction becomes a new version of the minutes. The reason is shown with the version, and the difference to the previous version can be seen.",
    reason: "Reason for the correction",
    reasonHint: "For example: The decision in item 3 was recorded incompletely.",
    reasonRequired: "Give the reason for the correction",
    nothingChanged: "The correction changes nothing: correct a decision, an outcome or the attendance",
    saveCorrection: "Save the correction as a new version",
    chooseItem: "Choose the item",
    choosePerson: "Choose the person",
    invalid: "The value cannot be used",
    substituteInvalid:
      "Choose a substitute appointed for the member, and only for a member who did not attend",
  },
);

type Texts = (typeof text)[Lang];

function attendanceFields(
  lang: Lang,
  t: Texts,
  expected: readonly ExpectedAttendee[],
  meeting: MeetingDetail,
  posted: FormBody | undefined,
  errors: FieldErrors,
): SafeHtml {
  if (expected.length === 0) return html`<p>${t.noMembers}</p>`;
  return html`${expected.map((member, index) => {
    const recorded = meeting.attendance.find((a) => a.personId === member.personId);
    const substitute = meeting.attendance.find((a) => a.substituteForPersonId === member.personId);
    const status = posted ? field(posted, `status_${index}`) : (recorded?.status ?? "present");
    const chosen = posted ? field(posted, `substitute_${index}`) : (substitute?.personId ?? "");
    const role = label.role(lang, member.role).toLowerCase();
    return html`<fieldset class="attendee">
<legend>${member.name} (${role}${member.onBehalfOf ? `, ${member.onBehalfOf}` : ""})</legend>
<input type="hidden" name="person_${index}" value="${member.personId}">
${radioGroup({ lang, name: `status_${index}`, legend: t.status, value: status, inline: true, choices: (["present", "excused", "absent"] as const).map((s) => ({ value: s, label: label.attendance(lang, s) })) })}
${
  member.substitutes.length
    ? selectField({
        lang,
        name: `substitute_${index}`,
        label: t.substitute,
        value: chosen,
        error: errors[`substitute_${index}`],
        choices: [
          { value: "", label: t.noSubstitute },
          ...member.substitutes.map((s) => ({ value: s.personId, label: s.name })),
        ],
      })
    : ""
}
</fieldset>`;
  })}`;
}

function decisionFields(
  lang: Lang,
  t: Texts,
  meeting: MeetingDetail,
  posted: FormBody | undefined,
): SafeHtml {
  return html`${meeting.agendaItems.map((item, index) => {
    const decision = posted ? field(posted, `decision_${index}`) : (item.decision ?? "");
    const outcome = posted ? field(posted, `outcome_${index}`) : (item.outcome ?? "");
    return html`<fieldset class="decision">
<legend>${item.number} ${item.title}${item.isPublic ? "" : html` (${labels[lang].closedItem.toLowerCase()})`}</legend>
<input type="hidden" name="item_${index}" value="${item.id}">
${textareaField({ lang, id: fieldId(`decision_${index}`), name: `decision_${index}`, label: `${t.decision}, ${item.number}`, value: decision, rows: 3 })}
${selectField({ lang, name: `outcome_${index}`, label: `${t.outcome}, ${item.number}`, value: outcome, choices: [{ value: "", label: outcomeLabel(lang, null) }, ...outcomes.map((o) => ({ value: o, label: outcomeLabel(lang, o) }))] })}
</fieldset>`;
  })}`;
}

/** The indexes of the numbered lines a form posted (`item_0`, `item_3`, ...), in order. */
function lineIndexes(body: FormBody, prefix: string): number[] {
  return Object.keys(body)
    .map((name) => new RegExp(`^${prefix}_(\\d+)$`).exec(name)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

function attendanceEntries(body: FormBody): AttendanceEntry[] {
  const entries: AttendanceEntry[] = [];
  for (const index of lineIndexes(body, "person")) {
    const personId = field(body, `person_${index}`);
    const status = field(body, `status_${index}`);
    entries.push({
      personId,
      status: status === "absent" || status === "excused" ? status : "present",
      substituteId: field(body, `substitute_${index}`) || null,
    });
  }
  return entries;
}

function decisionEntries(body: FormBody): DecisionEntry[] {
  const entries: DecisionEntry[] = [];
  for (const index of lineIndexes(body, "item")) {
    const itemId = field(body, `item_${index}`);
    const outcome = field(body, `outcome_${index}`);
    entries.push({
      itemId,
      decision: field(body, `decision_${index}`) || null,
      outcome: (outcomes as readonly string[]).includes(outcome) ? (outcome as Outcome) : null,
    });
  }
  return entries;
}

/** The index of the attendance line an error names (`attendance/3/substituteId`). */
function attendanceErrorIndex(at: string): number | null {
  const match = /^attendance\/(\d+)\//.exec(at);
  return match ? Number(match[1]) : null;
}

interface MinutesPageState {
  form?: "attendance" | "decisions" | "conflict";
  body?: FormBody;
  errors?: FieldErrors;
  status?: number;
}

async function renderMinutesPage(
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: string,
  state: MinutesPageState = {},
) {
  const kit = formKit(request, reply);
  const { lang, ctx } = request;
  const t = text[lang];
  const { meeting, body } = await preparedMeeting(request, meetingId);
  const people = await peopleByName(ctx);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const expected = await getExpectedAttendees(ctx, meetingId);
  const approved = minutesAreApproved(meeting.state);
  const open = meeting.state === "agenda_published" || meeting.state === "held";
  const errors = state.errors ?? {};
  const postedFor = (form: MinutesPageState["form"]) => (state.form === form ? state.body : undefined);
  const errorsFor = (form: MinutesPageState["form"]) => (state.form === form ? errors : {});

  let content: SafeHtml;
  if (approved) {
    content = html`<p class="notice">${t.approved}</p>
<div class="actions-row">
${meeting.state === "minutes_approved" ? kit.button({ action: `/sekretariat/moeder/${meetingId}/offentliggoer-referat`, label: t.publish }) : ""}
<a class="button secondary" href="/sekretariat/moeder/${meetingId}/rettelse">${t.correct}</a>
<a class="button secondary" href="/sekretariat/moeder/${meetingId}/udgaver#referat">${t.versions}</a>
</div>
${minutesView(lang, meeting.agendaItems, meeting.attendance, names)}`;
  } else if (!open) {
    content = html`<p class="notice">${meeting.state === "cancelled" ? t.cancelled : t.notYet}</p>`;
  } else {
    const attendancePosted = postedFor("attendance");
    const conflictErrors = errorsFor("conflict");
    const conflictPosted = postedFor("conflict") ?? {};
    const attendees = [
      ...expected.flatMap((m) => [
        { id: m.personId, name: m.name },
        ...m.substitutes.map((s) => ({ id: s.personId, name: s.name })),
      ]),
      ...meeting.attendance
        .filter(
          (a) =>
            !expected.some(
              (m) => m.personId === a.personId || m.substitutes.some((s) => s.personId === a.personId),
            ),
        )
        .map((a) => ({ id: a.personId, name: names.get(a.personId) ?? a.personId })),
    ];
    const conflicts = meeting.agendaItems.flatMap((item) =>
      (item.conflicts ?? []).map((c) => ({ item, ...c })),
    );
    content = html`<h2 id="fremmoede">${t.attendance}</h2>
<form method="post" action="/sekretariat/moeder/${meetingId}/fremmoede" novalidate>
${attendancePosted ? kit.keep(attendancePosted) : kit.fields()}
${errorSummary(lang, errorsFor("attendance"))}
<p class="hint">${t.attendanceHint}</p>
${attendanceFields(lang, t, expected, meeting, attendancePosted, errorsFor("attendance"))}
${expected.length ? html`<p><button type="submit">${t.saveAttendance}</button></p>` : ""}
</form>
<h2 id="beslutninger">${t.decisions}</h2>
<form method="post" action="/sekretariat/moeder/${meetingId}/beslutninger" novalidate>
${postedFor("decisions") ? kit.keep(postedFor("decisions") ?? {}) : kit.fields()}
${errorSummary(lang, errorsFor("decisions"))}
${decisionFields(lang, t, meeting, postedFor("decisions"))}
<p><button type="submit">${t.saveDecisions}</button></p>
</form>
<h2 id="inhabilitet">${t.conflicts}</h2>
<p class="hint">${t.conflictsHint}</p>
${
  conflicts.length
    ? html`<ul>${conflicts.map(
        (
          c,
        ) => html`<li>${c.item.number} ${c.item.title}: ${names.get(c.personId) ?? c.personId}${c.note ? ` (${c.note})` : ""}
${kit.button({ action: `/sekretariat/punkter/${c.item.id}/inhabilitet/${c.personId}/fjern`, label: t.withdraw, style: "secondary", accessibleLabel: `${t.withdraw}: ${names.get(c.personId) ?? ""}, ${c.item.number}` })}</li>`,
      )}</ul>`
    : html`<p>${t.none}</p>`
}
<form method="post" action="/sekretariat/moeder/${meetingId}/inhabilitet" novalidate>
${state.form === "conflict" ? kit.keep(conflictPosted) : kit.fields()}
${errorSummary(lang, conflictErrors)}
${selectField({ lang, name: "itemId", label: t.item, value: field(conflictPosted, "itemId"), error: conflictErrors.itemId, choices: [{ value: "", label: "—" }, ...meeting.agendaItems.map((i) => ({ value: i.id, label: `${i.number} ${i.title}` }))] })}
${selectField({ lang, name: "personId", label: t.person, value: field(conflictPosted, "personId"), error: conflictErrors.personId, choices: [{ value: "", label: "—" }, ...attendees.map((p) => ({ value: p.id, label: p.name }))] })}
${inputField({ lang, name: "conflictNote", label: t.note, value: field(conflictPosted, "conflictNote") })}
<p><button type="submit">${t.declare}</button></p>
</form>
<h2 id="godkend">${t.approveTitle}</h2>
${
  meeting.state === "held"
    ? html`<p id="godkend-hint">${t.approveHint}</p>${kit.button({ action: `/sekretariat/moeder/${meetingId}/godkend-referat`, label: t.approve })}`
    : html`<p>${t.heldFirst}</p>${kit.button({ action: `/sekretariat/moeder/${meetingId}/afholdt`, label: t.markHeld })}`
}`;
  }

  const page = html`${breadcrumbs(lang, [
    { href: `/sekretariat/organer/${body.id}`, label: body.shortName ?? body.name },
    { href: `/sekretariat/moeder/${meetingId}`, label: meeting.title },
  ])}
<h1>${t.title}: ${meeting.title}</h1>
<p class="lead">${formatDateTime(meeting.start, lang, meeting.allDay)}${meeting.location ? `, ${meeting.location}` : ""}</p>
${stateSteps(lang, meeting.state)}
${content}`;
  return sendWorkspacePage(request, reply, {
    title: `${t.title}: ${meeting.title}`,
    body: page,
    status: state.status ?? 200,
  });
}

async function renderCorrectionPage(
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: string,
  state: { body?: FormBody; errors?: FieldErrors; status?: number } = {},
) {
  const kit = formKit(request, reply);
  const { lang, ctx } = request;
  const t = text[lang];
  const { meeting, body } = await preparedMeeting(request, meetingId);
  const expected = await getExpectedAttendees(ctx, meetingId);
  const errors = state.errors ?? {};
  const page = html`${breadcrumbs(lang, [
    { href: `/sekretariat/organer/${body.id}`, label: body.shortName ?? body.name },
    { href: `/sekretariat/moeder/${meetingId}`, label: meeting.title },
    { href: `/sekretariat/moeder/${meetingId}/referat`, label: t.title },
  ])}
<h1>${t.correctionTitle}</h1>
<p>${t.correctionIntro}</p>
${
  minutesAreApproved(meeting.state)
    ? html`<form method="post" action="/sekretariat/moeder/${meetingId}/rettelse" novalidate>
${state.body ? kit.keep(state.body) : kit.fields()}
${errorSummary(lang, errors)}
${textareaField({ lang, name: "reason", label: t.reason, hint: t.reasonHint, value: state.body ? field(state.body, "reason") : "", required: true, rows: 3, error: errors.reason })}
<h2>${t.decisions}</h2>
${decisionFields(lang, t, meeting, state.body)}
<h2>${t.attendance}</h2>
${attendanceFields(lang, t, expected, meeting, state.body, errors)}
<p><button type="submit">${t.saveCorrection}</button></p>
</form>`
    : html`<p class="notice">${t.notYet}</p>`
}`;
  return sendWorkspacePage(request, reply, {
    title: t.correctionTitle,
    body: page,
    status: state.status ?? 200,
  });
}

/** The minutes page (decisions, attendance, conflicts, approval) and the correction form. */
export function registerMinutesPage(app: FastifyInstance): void {
  app.get<{ Params: { id: string } }>("/sekretariat/moeder/:id/referat", async (request, reply) => {
    requireSecretariat(request);
    return renderMinutesPage(request, reply, request.params.id);
  });

  app.post<{ Params: { id: string } }>("/sekretariat/moeder/:id/fremmoede", async (request, reply) => {
    requireSecretariat(request);
    const body = formBody(request);
    try {
      return await submit(request, reply, async (ctx) => {
        await recordAttendance(ctx, request.params.id, attendanceEntries(body));
        return `/sekretariat/moeder/${request.params.id}/referat#fremmoede`;
      });
    } catch (error) {
      const at = formErrorField(error);
      if (!at) throw error;
      const index = attendanceErrorIndex(at);
      const key = index === null ? "attendance" : `substitute_${index}`;
      return renderMinutesPage(request, reply, request.params.id, {
        form: "attendance",
        body,
        errors: { [key]: text[request.lang].substituteInvalid },
        status: 400,
      });
    }
  });

  app.post<{ Params: { id: string } }>("/sekretariat/moeder/:id/beslutninger", async (request, reply) => {
    requireSecretariat(request);
    const body = formBody(request);
    return submit(request, reply, async (ctx) => {
      await recordDecisions(ctx, request.params.id, decisionEntries(body));
      return `/sekretariat/moeder/${request.params.id}/referat#beslutninger`;
    });
  });

  app.post<{ Params: { id: string } }>("/sekretariat/moeder/:id/inhabilitet", async (request, reply) => {
    requireSecretariat(request);
    const t = text[request.lang];
    const body = formBody(request);
    const errors: FieldErrors = {};
    if (!field(body, "itemId")) errors.itemId = t.chooseItem;
    if (!field(body, "personId")) errors.personId = t.choosePerson;
    if (Object.keys(errors).length > 0) {
      return renderMinutesPage(request, reply, request.params.id, {
        form: "conflict",
        body,
        errors,
        status: 400,
      });
    }
    return submit(request, reply, async (ctx) => {
      await declareConflict(
        ctx,
        field(body, "itemId"),
        field(body, "personId"),
        field(body, "conflictNote") || null,
      );
      return `/sekretariat/moeder/${request.params.id}/referat#inhabilitet`;
    });
  });

  app.post<{ Params: { id: string; personId: string } }>(
    "/sekretariat/punkter/:id/inhabilitet/:personId/fjern",
    async (request, reply) => {
      requireSecretariat(request);
      return submit(request, reply, async (ctx) => {
        await withdrawConflict(ctx, request.params.id, request.params.personId);
        const [item] = await ctx.db.query<{ meetingId: string }>(
          `SELECT meeting_id AS "meetingId" FROM agenda_items WHERE id = $1`,
          [request.params.id],
        );
        return `/sekretariat/moeder/${item?.meetingId}/referat#inhabilitet`;
      });
    },
  );

  app.get<{ Params: { id: string } }>("/sekretariat/moeder/:id/rettelse", async (request, reply) => {
    requireSecretariat(request);
    return renderCorrectionPage(request, reply, request.params.id);
  });

  app.post<{ Params: { id: string } }>("/sekretariat/moeder/:id/rettelse", async (request, reply) => {
    requireSecretariat(request);
    const t = text[request.lang];
    const body = formBody(request);
    if (!field(body, "reason").trim()) {
      return renderCorrectionPage(request, reply, request.params.id, {
        body,
        errors: { reason: t.reasonRequired },
        status: 400,
      });
    }
    try {
      return await submit(request, reply, async (ctx) => {
        const entries = attendanceEntries(body);
        const version = await correctMinutes(ctx, request.params.id, {
          reason: field(body, "reason"),
          decisions: decisionEntries(body),
          attendance: entries.length ? entries : undefined,
        });
        return `/sekretariat/moeder/${request.params.id}/udgaver#referat-${version}`;
      });
    } catch (error) {
      const at = formErrorField(error);
      if (!at) throw error;
      const index = attendanceErrorIndex(at);
      const errors: FieldErrors =
        at === "reason"
          ? { reason: t.reasonRequired }
          : index !== null
            ? { [`substitute_${index}`]: t.substituteInvalid }
            : { reason: at === "decisions" ? t.nothingChanged : `${t.invalid}: ${at}` };
      return renderCorrectionPage(request, reply, request.params.id, { body, errors, status: 400 });
    }
  });
}
