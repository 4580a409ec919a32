import type {} from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { editItem, type ItemDraft } from "../../core/agenda/agenda-builder.ts";
import type { AgendaItem } from "../../core/agenda/agenda-item.schema.ts";
import { getAgendaItemById } from "../../core/agenda/agenda-items.ts";
import { getCaseById } from "../../core/cases/cases.ts";
import { sendOn } from "../../core/cases/send-on.ts";
import { acceptedExtensions, attachToItem, detachFromItem } from "../../core/files/attachments.ts";
import { findFiles, readFileContent } from "../../core/files/files.ts";
import {
  comingMeetings,
  meetingBodies,
  openCases,
  peopleByName,
} from "../../core/meetings/workspace-reads.ts";
import { submitOnce } from "../../core/shared/submissions.ts";
import { AppError } from "../../platform/errors.ts";
import type { FileStore } from "../../platform/files/file-store.ts";
import { formatFileSize, formatShortDate } from "../format.ts";
import { flag, html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { label } from "../labels.ts";
import { renderMarkdown } from "../markdown.ts";
import {
  errorSummary,
  type FieldErrors,
  type FormBody,
  type FormKit,
  field,
  fieldId,
  fieldList,
  formBody,
  formErrorField,
  formKit,
  inputField,
  radioGroup,
  selectField,
  submit,
  textareaField,
} from "./forms.ts";
import { breadcrumbs, labels } from "./labels.ts";
import { agendaAction } from "./note-page.ts";
import { preparedMeeting, requireSecretariat, sendWorkspacePage } from "./workspace-page.ts";

const text = messages(
  {
    item: "Punkt",
    title: "Titel",
    presenters: "Fremlægges af",
    presentersHint: "Vælg de personer, der fremlægger punktet.",
    otherPresenter: "Anden person fra registret",
    nobody: "Ingen",
    openness: "Åbent eller lukket",
    open: "Åbent punkt",
    closed: "Lukket punkt (kun for medlemmer)",
    group: "Overskrift (gruppe)",
    sections: "Punktets tekst",
    markdownHint:
      "Formatering: **fed**, *kursiv*, linjer der begynder med - bliver til punktopstilling, [tekst](https://…) bliver til et link.",
    background: "Baggrund",
    recommendation: "Indstilling",
    casePresentation: "Sagsfremstilling",
    finance: "Økonomi",
    preview: "Forhåndsvis",
    previewOf: "Forhåndsvisning af",
    emptyPreview: "(tom)",
    case: "Sag",
    caseMode: "Punktets sag",
    noCase: "Ingen sag",
    existingCase: "En sag, der findes",
    newCase: "En ny sag",
    pickCase: "Vælg sagen",
    newCaseTitle: "Den nye sags titel",
    newCaseReference: "Sagsnummer (valgfrit)",
    purpose: "Behandles",
    note: "Hvad er ændret",
    noteHint: "Dagsordenen er offentliggjort: noten vises med den nye udgave.",
    save: "Gem punktet",
    titleRequired: "Skriv punktets titel",
    caseRequired: "Vælg sagen",
    newCaseRequired: "Skriv den nye sags titel",
    noteRequired: "Dagsordenen er offentliggjort: skriv, hvad der er ændret",
    path: "Sagens behandlinger",
    noPath: "Punktet behandler ingen sag.",
    thisItem: "dette punkt",
    plannedLabel: "planlagt",
    attachments: "Bilag",
    noAttachments: "Punktet har ingen bilag.",
    download: "Hent",
    remove: "Fjern",
    upload: "Vedhæft et bilag",
    file: "Fil",
    fileHint: "PDF, Word (DOCX), Excel (XLSX), PNG, JPEG eller tekst (TXT), højst {size}.",
    attach: "Vedhæft",
    tooLarge: "Filen er for stor. Den må højst fylde {size}. Filen er ikke gemt.",
    wrongType:
      "Filtypen kan ikke bruges. Vedhæft PDF, Word (DOCX), Excel (XLSX), PNG, JPEG eller tekst (TXT). Filen er ikke gemt.",
    disguised: "Filen «{name}» hedder .{ext}, men indholdet er ikke en {label}-fil. Filen er ikke gemt.",
    emptyFile: "Filen er tom. Filen er ikke gemt.",
    chooseFile: "Vælg en fil",
    removedAttachment: "Bilaget «{name}» er fjernet fra punkt {n}.",
    sendOn: "Send sagen videre",
    sendOnHint:
      "Planlæg sagens behandling i et andet organ. Den venter dér på en dagsorden og vises på sagens forløb.",
    target: "Til",
    targetMeeting: "{body}: mødet {date}",
    targetBody: "{body}: uden møde, på datoen nedenfor",
    date: "Dato (kun uden møde)",
    dateHint: "åååå-mm-dd",
    send: "Send videre",
    chooseTarget: "Vælg organet eller mødet, sagen skal videre til",
    sendOnNeedsCase: "Punktet behandler ingen sag: vælg eller opret sagen først",
    dateInvalid: "Vælg et kommende møde eller skriv en kommende dato (åååå-mm-dd)",
    duplicate: "Sagen er allerede planlagt i det organ den dag",
    sentOn: "Sagen er sendt videre.",
    back: "Tilbage til dagsordenen",
    readOnly: "Mødet er afholdt eller aflyst: punktet kan ikke længere ændres.",
  },
  {
    item: "Item",
    title: "Title",
    presenters: "Presented by",
    presentersHint: "Choose the people who present the item.",
    otherPresenter: "Another person from the record",
    nobody: "Nobody",
    openness: "Open or closed",
    open: "Open item",
    closed: "Closed item (members only)",
    group: "Heading (group)",
    sections: "The item's text",
    markdownHint:
      "Formatting: **bold**, *italic*, lines starting with - become a list, [text](https://…) becomes a link.",
    background: "Background",
    recommendation: "Recommendation",
    casePresentation: "Case presentation",
    finance: "Finance",
    preview: "Preview",
    previewOf: "Preview of",
    emptyPreview: "(empty)",
    case: "Case",
    caseMode: "The item's case",
    noCase: "No case",
    existingCase: "An existing case",
    newCase: "A new case",
    pickCase: "Choose the case",
    newCaseTitle: "Title of the new case",
    newCaseReference: "Case number (optional)",
    purpose: "Treated",
    note: "What changed",
    noteHint: "The agenda is published: the note is shown with the new version.",
    save: "Save the item",
    titleRequired: "Enter the item's title",
    caseRequired: "Choose the case",
    newCaseRequired: "Enter the new case's title",
    noteRequired: "The agenda is published: say what changed",
    path: "The case's treatments",
    noPath: "The item treats no case.",
    thisItem: "this item",
    plannedLabel: "planned",
    attachments: "Attachments",
    noAttachments: "The item has no attachments.",
    download: "Download",
    remove: "Remove",
    upload: "Attach a file",
    file: "File",
    fileHint: "PDF, Word (DOCX), Excel (XLSX), PNG, JPEG or text (TXT), at most {size}.",
    attach: "Attach",
    tooLarge: "The file is too large. It may be at most {size}. The file was not saved.",
    wrongType:
      "That file type cannot be used. Attach PDF, Word (DOCX), Excel (XLSX), PNG, JPEG or text (TXT). The file was not saved.",
    disguised:
      "The file “{name}” is named .{ext}, but its content is not a {label} file. The file was not saved.",
    emptyFile: "The file is empty. The file was not saved.",
    chooseFile: "Choose a file",
    removedAttachment: "Attachment “{name}” removed from item {n}.",
    sendOn: "Send the case on",
    sendOnHint:
      "Plan the case's treatment at another body. It waits there for an agenda and shows on the case's path.",
    target: "To",
    targetMeeting: "{body}: the meeting on {date}",
    targetBody: "{body}: no meeting, on the date below",
    date: "Date (only without a meeting)",
    dateHint: "yyyy-mm-dd",
    send: "Send on",
    chooseTarget: "Choose the body or meeting the case goes on to",
    sendOnNeedsCase: "The item treats no case: choose or create its case first",
    dateInvalid: "Choose a coming meeting or enter a coming date (yyyy-mm-dd)",
    duplicate: "The case is already planned at that body on that day",
    sentOn: "The case was sent on.",
    back: "Back to the agenda",
    readOnly: "The meeting has been held or cancelled: the item can no longer change.",
  },
);

type Texts = (typeof text)[Lang];
const sectionFields = ["background", "recommendation", "casePresentation", "finance"] as const;

interface ItemPageDeps {
  files: FileStore;
  maxUploadBytes: number;
}

interface ItemPageState {
  errors?: FieldErrors;
  body?: FormBody;
  preview?: boolean;
  /** Which form the errors belong to: the item, the upload or send-on. */
  form?: "item" | "upload" | "sendOn";
  status?: number;
}

/** The form's values: posted ones when shown again, else the item's. */
function valuesOf(item: AgendaItem, posted: FormBody | undefined) {
  if (posted) {
    return {
      title: field(posted, "title"),
      isPublic: field(posted, "isPublic") !== "0",
      groupHeading: field(posted, "groupHeading"),
      sections: Object.fromEntries(sectionFields.map((f) => [f, field(posted, f)])) as Record<
        (typeof sectionFields)[number],
        string
      >,
      presenterIds: [...fieldList(posted, "presenterIds"), field(posted, "otherPresenter")].filter(Boolean),
      caseMode: field(posted, "caseMode") || "none",
      caseId: field(posted, "caseId"),
      newCaseTitle: field(posted, "newCaseTitle"),
      newCaseReference: field(posted, "newCaseReference"),
      casePurpose: field(posted, "casePurpose") || "decision",
      note: field(posted, "note"),
    };
  }
  return {
    title: item.title,
    isPublic: item.isPublic,
    groupHeading: item.groupHeading ?? "",
    sections: Object.fromEntries(sectionFields.map((f) => [f, item[f] ?? ""])) as Record<
      (typeof sectionFields)[number],
      string
    >,
    presenterIds: item.presenterIds,
    caseMode: item.caseId ? "existing" : "none",
    caseId: item.caseId ?? "",
    newCaseTitle: "",
    newCaseReference: "",
    casePurpose: item.casePurpose ?? "decision",
    note: "",
  };
}

async function renderItemPage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ItemPageDeps,
  itemId: string,
  state: ItemPageState = {},
) {
  const kit = formKit(request, reply);
  const { lang, ctx } = request;
  const t = text[lang];
  const item = await getAgendaItemById(ctx, itemId);
  const { meeting, body } = await preparedMeeting(request, item.meetingId);
  const editable = meeting.state === "planned" || meeting.state === "agenda_published";
  const published = meeting.state === "agenda_published";
  const people = await peopleByName(ctx);
  const bodyPeople = new Set(
    (
      await ctx.db.query<{ personId: string }>(
        `SELECT DISTINCT person_id AS "personId" FROM memberships WHERE organization_id = $1
         AND daterange(start_date, end_date, '[]') @> (now() AT TIME ZONE 'Europe/Copenhagen')::date`,
        [meeting.organizationId],
      )
    ).map((r) => r.personId),
  );
  const cases = await openCases(ctx);
  const files = (await findFiles(ctx, { agendaItemId: itemId, limit: 500 })).data;
  const bodies = await meetingBodies(ctx);
  const bodyNames = new Map(bodies.map((b) => [b.id, b.shortName ?? b.name]));
  const formErrors = state.form === "item" || state.form === undefined ? (state.errors ?? {}) : {};
  const values = valuesOf(item, state.form === "item" ? state.body : undefined);
  const itemLabel = `${t.item} ${item.number}: ${item.title}`;

  const presenterChoices = people.filter((p) => bodyPeople.has(p.id) || values.presenterIds.includes(p.id));
  const presenterFieldset = html`<fieldset id="${fieldId("presenterIds")}" aria-describedby="${fieldId("presenterIds")}-hint">
<legend>${t.presenters}</legend>
<p class="hint" id="${fieldId("presenterIds")}-hint">${t.presentersHint}</p>
<div class="checkbox-columns">${presenterChoices.map(
    (p, index) =>
      html`<div class="checkbox"><input type="checkbox" id="presenter-${index}" name="presenterIds" value="${p.id}"${flag("checked", values.presenterIds.includes(p.id))}><label for="presenter-${index}">${p.name}</label></div>`,
  )}</div>
${selectField({ lang, name: "otherPresenter", label: t.otherPresenter, value: "", choices: [{ value: "", label: t.nobody }, ...people.filter((p) => !presenterChoices.includes(p)).map((p) => ({ value: p.id, label: p.name }))] })}
</fieldset>`;

  const sectionInputs = sectionFields.map((name) => {
    const value = values.sections[name];
    return html`${textareaField({ lang, name, label: t[name], hint: t.markdownHint, value, rows: 6, error: formErrors[name] })}
${
  state.preview
    ? html`<section class="preview" aria-label="${t.previewOf} ${t[name]}"><p class="preview__label">${t.previewOf} ${t[name]}</p>${value.trim() ? renderMarkdown(value) : html`<p>${t.emptyPreview}</p>`}</section>`
    : ""
}`;
  });

  const caseFieldset = html`<fieldset id="${fieldId("case")}">
<legend>${t.case}</legend>
${radioGroup({
  lang,
  name: "caseMode",
  legend: t.caseMode,
  value: values.caseMode,
  error: formErrors.caseMode,
  choices: [
    { value: "none", label: t.noCase },
    { value: "existing", label: t.existingCase },
    { value: "new", label: t.newCase },
  ],
})}
${selectField({ lang, name: "caseId", label: t.pickCase, value: values.caseId, error: formErrors.caseId, choices: [{ value: "", label: "—" }, ...cases.map((c) => ({ value: c.id, label: c.reference ? `${c.title} (${c.reference})` : c.title }))] })}
${inputField({ lang, name: "newCaseTitle", label: t.newCaseTitle, value: values.newCaseTitle, error: formErrors.newCaseTitle })}
${inputField({ lang, name: "newCaseReference", label: t.newCaseReference, value: values.newCaseReference })}
${selectField({ lang, name: "casePurpose", label: t.purpose, value: values.casePurpose, choices: (["decision", "discussion", "information"] as const).map((p) => ({ value: p, label: label.purposePhrase(lang, p) })) })}
</fieldset>`;

  const itemForm = editable
    ? html`<form method="post" action="/sekretariat/punkter/${itemId}" novalidate class="item-form">
${state.form === "item" && state.body ? kit.keep(state.body) : kit.fields()}
${errorSummary(lang, formErrors)}
${inputField({ lang, name: "title", label: t.title, value: values.title, required: true, error: formErrors.title })}
${presenterFieldset}
${radioGroup({
  lang,
  name: "isPublic",
  legend: t.openness,
  value: values.isPublic ? "1" : "0",
  inline: true,
  choices: [
    { value: "1", label: t.open },
    { value: "0", label: t.closed },
  ],
})}
${inputField({ lang, name: "groupHeading", label: t.group, value: values.groupHeading })}
<fieldset><legend>${t.sections}</legend>${sectionInputs}</fieldset>
${caseFieldset}
${published ? inputField({ lang, name: "note", label: t.note, hint: t.noteHint, value: values.note, required: true, error: formErrors.note }) : ""}
<p class="actions-row"><button type="submit" name="action" value="save">${t.save}</button>
<button type="submit" name="action" value="preview" class="secondary">${t.preview}</button></p>
</form>`
    : html`<p class="notice">${t.readOnly}</p>${sectionFields.map((name) =>
        item[name] ? html`<h2>${t[name]}</h2>${renderMarkdown(item[name])}` : "",
      )}`;

  const casePath = await casePathOf(request, t, item, bodyNames);
  const uploadErrors = state.form === "upload" ? (state.errors ?? {}) : {};
  const attachments = html`<h2 id="bilag">${t.attachments}</h2>
${
  files.length
    ? html`<ul class="attachments">${files.map(
        (
          f,
        ) => html`<li><a href="/sekretariat/filer/${f.id}">${f.name}</a> <span class="meta">(${f.mediaType}, ${formatFileSize(f.sizeBytes, lang)})</span>
${editable ? kit.button({ action: `/sekretariat/punkter/${itemId}/bilag/${f.id}/fjern`, label: t.remove, style: "secondary", accessibleLabel: `${t.remove}: ${f.name}` }) : ""}</li>`,
      )}</ul>`
    : html`<p>${t.noAttachments}</p>`
}
${
  editable
    ? html`<form method="post" action="${kit.multipartAction(`/sekretariat/punkter/${itemId}/bilag`)}" enctype="multipart/form-data" novalidate>
<h3>${t.upload}</h3>
${kit.fields()}
${errorSummary(lang, uploadErrors)}
${published ? inputField({ lang, id: fieldId("upload-note"), name: "note", label: t.note, hint: t.noteHint, required: true, error: uploadErrors.note }) : ""}
${inputField({ lang, name: "file", type: "file", label: t.file, hint: t.fileHint.replace("{size}", formatFileSize(deps.maxUploadBytes, lang)), required: true, error: uploadErrors.file, extra: html` accept="${acceptedExtensions.join(",")}"` })}
<p><button type="submit">${t.attach}</button></p>
</form>`
    : ""
}`;

  const sendOnSection = await sendOnForm(kit, request, t, itemId, item, bodyNames, state);
  const page = html`${breadcrumbs(lang, [
    { href: `/sekretariat/organer/${body.id}`, label: body.shortName ?? body.name },
    { href: `/sekretariat/moeder/${meeting.id}#punkt-${itemId}`, label: meeting.title },
  ])}
<h1>${itemLabel}</h1>
${item.isPublic ? "" : html`<p><span class="badge closed">${labels[lang].closedItem}</span></p>`}
<p><a href="/sekretariat/moeder/${meeting.id}#punkt-${itemId}">${t.back}</a></p>
${itemForm}
${attachments}
<h2 id="forloeb">${t.path}</h2>
${casePath}
${sendOnSection}`;
  return sendWorkspacePage(request, reply, { title: itemLabel, body: page, status: state.status ?? 200 });
}

async function casePathOf(
  request: FastifyRequest,
  t: Texts,
  item: AgendaItem,
  bodyNames: Map<string, string>,
): Promise<SafeHtml> {
  if (!item.caseId) return html`<p>${t.noPath}</p>`;
  const theCase = await getCaseById(request.ctx, item.caseId);
  const lang = request.lang;
  return html`<p>${theCase.title}${theCase.reference ? html` (${theCase.reference})` : ""}</p>
<ol class="case-path">${theCase.consultations.map(
    (
      c,
    ) => html`<li>${c.date ? formatShortDate(c.date, lang) : ""}: ${bodyNames.get(c.organizationId ?? "") ?? ""}, ${label.purposePhrase(lang, c.purpose).toLowerCase()}${c.planned ? html` <span class="badge">${t.plannedLabel}</span>` : ""}
${c.agendaItemId === item.id ? html` <strong>(${t.thisItem})</strong>` : c.meetingId ? html` <a href="/sekretariat/moeder/${c.meetingId}">${c.meetingId === item.meetingId ? "" : "→"}</a>` : ""}</li>`,
  )}</ol>`;
}

async function sendOnForm(
  kit: FormKit,
  request: FastifyRequest,
  t: Texts,
  itemId: string,
  item: AgendaItem,
  bodyNames: Map<string, string>,
  state: ItemPageState,
): Promise<SafeHtml> {
  const { lang, ctx } = request;
  const [ownMeeting] = await ctx.db.query<{ organizationId: string }>(
    `SELECT organization_id AS "organizationId" FROM meetings WHERE id = $1`,
    [item.meetingId],
  );
  const otherBodies = [...bodyNames.entries()].filter(([id]) => id !== ownMeeting?.organizationId);
  const meetings = (
    await comingMeetings(
      ctx,
      otherBodies.map(([id]) => id),
      200,
    )
  ).filter((m) => m.state === "planned" || m.state === "agenda_published");
  const errors = state.form === "sendOn" ? (state.errors ?? {}) : {};
  const posted = state.form === "sendOn" ? (state.body ?? {}) : {};
  const choices = [
    { value: "", label: "—" },
    ...meetings.map((m) => ({
      value: `meeting:${m.id}`,
      label: t.targetMeeting
        .replace("{body}", bodyNames.get(m.organizationId) ?? "")
        .replace("{date}", formatShortDate(m.start, lang)),
    })),
    ...otherBodies.map(([id, name]) => ({
      value: `body:${id}`,
      label: t.targetBody.replace("{body}", name),
    })),
  ];
  return html`<h2 id="send-videre">${t.sendOn}</h2>
<p id="send-videre-hint">${t.sendOnHint}</p>
${
  item.caseId
    ? html`<form method="post" action="/sekretariat/punkter/${itemId}/send-videre" novalidate aria-describedby="send-videre-hint">
${state.form === "sendOn" ? kit.keep(posted) : kit.fields()}
${errorSummary(lang, errors)}
${selectField({ lang, name: "target", label: t.target, value: field(posted, "target"), choices, required: true, error: errors.target })}
${inputField({ lang, name: "date", type: "date", label: t.date, hint: t.dateHint, value: field(posted, "date"), error: errors.date })}
${selectField({ lang, name: "purpose", label: t.purpose, value: field(posted, "purpose") || "decision", choices: (["decision", "discussion", "information"] as const).map((p) => ({ value: p, label: label.purposePhrase(lang, p) })) })}
<p><button type="submit">${t.send}</button></p>
</form>`
    : html`<p>${t.sendOnNeedsCase}</p>`
}`;
}

function draftOf(body: FormBody): ItemDraft & { note: string } {
  const mode = field(body, "caseMode");
  const purpose = field(body, "casePurpose");
  return {
    title: field(body, "title"),
    isPublic: field(body, "isPublic") !== "0",
    groupHeading: field(body, "groupHeading"),
    background: field(body, "background"),
    recommendation: field(body, "recommendation"),
    casePresentation: field(body, "casePresentation"),
    finance: field(body, "finance"),
    presenterIds: [
      ...new Set([...fieldList(body, "presenterIds"), field(body, "otherPresenter")].filter(Boolean)),
    ],
    caseId: mode === "existing" ? field(body, "caseId") || null : mode === "none" ? null : undefined,
    newCase:
      mode === "new"
        ? { title: field(body, "newCaseTitle"), reference: field(body, "newCaseReference") }
        : null,
    casePurpose: purpose === "information" || purpose === "discussion" ? purpose : "decision",
    note: field(body, "note"),
  };
}

function itemErrorsOf(t: Texts, body: FormBody): FieldErrors {
  const errors: FieldErrors = {};
  if (!field(body, "title").trim()) errors.title = t.titleRequired;
  const mode = field(body, "caseMode");
  if (mode === "existing" && !field(body, "caseId")) errors.caseId = t.caseRequired;
  if (mode === "new" && !field(body, "newCaseTitle").trim()) errors.newCaseTitle = t.newCaseRequired;
  return errors;
}

/** Danish (or English) words for a refused upload. */
function uploadMessage(t: Texts, lang: Lang, error: AppError, name: string, maxBytes: number): string {
  if (error.code === "upload.too_large") return t.tooLarge.replace("{size}", formatFileSize(maxBytes, lang));
  if (error.details.reason === "empty") return t.emptyFile;
  if (error.details.reason === "disguised") {
    const claimed = String(error.details.claimed ?? "");
    const label = claimed === "text" ? (lang === "da" ? "tekst" : "text") : claimed.toUpperCase();
    return t.disguised
      .replace("{name}", name)
      .replace("{ext}", String(error.details.extension ?? ""))
      .replace("{label}", label);
  }
  if (error.details.reason === "type") return t.wrongType;
  return t.chooseFile;
}

interface UploadForm {
  submission: string;
  note: string;
  file: { name: string; bytes: Uint8Array } | null;
  tooLarge: boolean;
}

/** Reads the multipart upload; a file over the limit is read no further and kept nowhere. */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<UploadForm> {
  const form: UploadForm = { submission: "", note: "", file: null, tooLarge: false };
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10 } })) {
      if (part.type === "field") {
        if (part.fieldname === "_submission") form.submission = String(part.value);
        if (part.fieldname === "note") form.note = String(part.value);
        continue;
      }
      form.file = { name: part.filename, bytes: new Uint8Array() };
      const bytes = await part.toBuffer();
      if (part.filename) form.file = { name: part.filename, bytes: new Uint8Array(bytes) };
      else form.file = null;
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE" || code === "FST_FILES_LIMIT") {
      form.tooLarge = true;
    } else {
      // Only the multipart parser runs in this loop: what it refuses is a broken request.
      throw new AppError(
        "validation.invalid",
        `file: the upload could not be read (${(error as Error).message})`,
        {
          field: "file",
        },
      );
    }
  }
  return form;
}

/** The item's page: its edit form with preview, attachments, case path and send-on. */
export function registerItemPage(app: FastifyInstance, deps: ItemPageDeps): void {
  app.get<{ Params: { id: string } }>("/sekretariat/punkter/:id", async (request, reply) => {
    requireSecretariat(request);
    return renderItemPage(request, reply, deps, request.params.id);
  });

  app.post<{ Params: { id: string } }>("/sekretariat/punkter/:id", async (request, reply) => {
    requireSecretariat(request);
    const t = text[request.lang];
    const body = formBody(request);
    const itemId = request.params.id;
    if (field(body, "action") === "preview") {
      return renderItemPage(request, reply, deps, itemId, { body, preview: true, form: "item" });
    }
    const errors = itemErrorsOf(t, body);
    if (Object.keys(errors).length > 0) {
      return renderItemPage(request, reply, deps, itemId, { body, errors, form: "item", status: 400 });
    }
    try {
      return await submit(request, reply, async (ctx) => {
        await editItem(ctx, itemId, draftOf(body));
        const [item] = await ctx.db.query<{ meetingId: string }>(
          `SELECT meeting_id AS "meetingId" FROM agenda_items WHERE id = $1`,
          [itemId],
        );
        return `/sekretariat/moeder/${item?.meetingId}#punkt-${itemId}`;
      });
    } catch (error) {
      const at = formErrorField(error);
      if (!at) throw error;
      const message =
        at === "note"
          ? t.noteRequired
          : at === "title"
            ? t.titleRequired
            : at === "newCaseTitle"
              ? t.newCaseRequired
              : error instanceof Error
                ? error.message
                : String(error);
      const key =
        at === "presenterIds" || at === "personId" ? "presenterIds" : at === "caseId" ? "caseId" : at;
      return renderItemPage(request, reply, deps, itemId, {
        body,
        errors: { [key]: message },
        form: "item",
        status: 400,
      });
    }
  });

  app.post<{ Params: { id: string } }>("/sekretariat/punkter/:id/bilag", async (request, reply) => {
    requireSecretariat(request);
    const { lang } = request;
    const t = text[lang];
    const itemId = request.params.id;
    if (!request.isMultipart()) {
      throw new AppError("validation.invalid", "file: the upload must be sent as multipart/form-data", {
        field: "file",
      });
    }
    const form = await readUpload(request, deps.maxUploadBytes);
    const refuse = (message: string, status: number, at = "file") =>
      renderItemPage(request, reply, deps, itemId, { errors: { [at]: message }, form: "upload", status });
    if (form.tooLarge)
      return refuse(t.tooLarge.replace("{size}", formatFileSize(deps.maxUploadBytes, lang)), 413);
    const upload = form.file;
    if (!upload) return refuse(t.chooseFile, 400);
    try {
      const { url } = await submitOnce(request.ctx, form.submission, async (ctx) => {
        await attachToItem(
          { ...ctx, files: deps.files },
          itemId,
          { ...upload, note: form.note },
          deps.maxUploadBytes,
        );
        return `/sekretariat/punkter/${itemId}#bilag`;
      });
      return reply.redirect(url, 303);
    } catch (error) {
      if (!(error instanceof AppError) || !formErrorField(error)) throw error;
      if (error.details.field === "note") return refuse(t.noteRequired, 400, "note");
      const status =
        error.code === "upload.too_large" ? 413 : error.code === "upload.unsupported_type" ? 415 : 400;
      return refuse(uploadMessage(t, lang, error, upload.name, deps.maxUploadBytes), status);
    }
  });

  app.post<{ Params: { id: string; fileId: string } }>(
    "/sekretariat/punkter/:id/bilag/:fileId/fjern",
    async (request, reply) => {
      requireSecretariat(request);
      const { id, fileId } = request.params;
      const [file] = await request.ctx.db.query<{ name: string; number: string }>(
        `SELECT f.name, i.number FROM files f JOIN agenda_items i ON i.id = f.agenda_item_id WHERE f.id = $1`,
        [fileId],
      );
      return agendaAction(request, reply, {
        suggestion: text[request.lang].removedAttachment
          .replace("{name}", file?.name ?? "")
          .replace("{n}", file?.number ?? ""),
        backUrl: `/sekretariat/punkter/${id}#bilag`,
        work: async (ctx, note) => {
          await detachFromItem(ctx, id, fileId, { note });
          return `/sekretariat/punkter/${id}#bilag`;
        },
      });
    },
  );

  app.get<{ Params: { id: string } }>("/sekretariat/filer/:id", async (request, reply) => {
    requireSecretariat(request);
    const { file, bytes } = await readFileContent({ ...request.ctx, files: deps.files }, request.params.id);
    return reply
      .type(file.mediaType)
      .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header("x-content-type-options", "nosniff")
      .send(Buffer.from(bytes));
  });

  app.post<{ Params: { id: string } }>("/sekretariat/punkter/:id/send-videre", async (request, reply) => {
    requireSecretariat(request);
    const t = text[request.lang];
    const body = formBody(request);
    const itemId = request.params.id;
    const target = field(body, "target");
    const [kind, targetId] = target.split(":");
    const again = (errors: FieldErrors) =>
      renderItemPage(request, reply, deps, itemId, { body, errors, form: "sendOn", status: 400 });
    if (!targetId || (kind !== "meeting" && kind !== "body")) return again({ target: t.chooseTarget });
    let organizationId = targetId;
    if (kind === "meeting") {
      const [meeting] = await request.ctx.db.query<{ organizationId: string }>(
        `SELECT organization_id AS "organizationId" FROM meetings WHERE id = $1`,
        [targetId],
      );
      if (!meeting) return again({ target: t.chooseTarget });
      organizationId = meeting.organizationId;
    }
    const purpose = field(body, "purpose");
    try {
      return await submit(request, reply, async (ctx) => {
        await sendOn(ctx, itemId, {
          organizationId,
          meetingId: kind === "meeting" ? targetId : null,
          date: kind === "body" ? field(body, "date") : null,
          purpose: purpose === "information" || purpose === "discussion" ? purpose : "decision",
        });
        return `/sekretariat/punkter/${itemId}#forloeb`;
      });
    } catch (error) {
      const at = formErrorField(error);
      if (!at) throw error;
      if (at === "caseId") return again({ target: t.sendOnNeedsCase });
      if (at === "date" && error instanceof Error && /already planned/.test(error.message)) {
        return again({ date: t.duplicate });
      }
      if (at === "date") return again({ date: t.dateInvalid });
      return again({ target: t.chooseTarget });
    }
  });
}
