import type { FastifyReply, FastifyRequest } from "fastify";
import { newSubmissionToken, submitOnce } from "../../core/shared/submissions.ts";
import { CSRF_FIELD, csrfToken } from "../../http/session.ts";
import { AppError } from "../../platform/errors.ts";
import { csrfField } from "../forms.ts";
import { flag, html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";

/**
 * Form building blocks of the workspace: labelled fields with hints and errors tied to them by
 * `aria-describedby`, an error summary that links to the fields, and the hidden fields every form
 * carries (its one-time submission token).
 */

const text = messages(
  {
    summaryTitle: "Der er fejl i formularen",
    errorPrefix: "Fejl:",
    required: "skal udfyldes",
  },
  {
    summaryTitle: "There is a problem with the form",
    errorPrefix: "Error:",
    required: "required",
  },
);

/** Messages for the fields of one form, by field name. */
export type FieldErrors = Record<string, string>;

/**
 * The hidden fields of the workspace's forms for one request: a fresh one-time submission token
 * (or the same one again when a form is shown anew after an error, so that the corrected post is
 * still one submission), and the session's CSRF token once accounts exist.
 */
export interface FormKit {
  /** Hidden fields of a new form. */
  fields(): SafeHtml;
  /** Hidden fields of a form shown again with what was posted. */
  keep(body: FormBody): SafeHtml;
  /** A form of one button (move, remove, publish), posting to `action`. */
  button(options: ButtonFormOptions): SafeHtml;
  /** The action of a multipart form: its body is read after the CSRF check, so the token rides along. */
  multipartAction(action: string): string;
}

interface ButtonFormOptions {
  action: string;
  label: string;
  hidden?: Record<string, string>;
  style?: "secondary" | "danger";
  accessibleLabel?: string;
}

/** The session's CSRF token: a hidden field, or (multipart forms) a query parameter. */
function csrfHidden(request: FastifyRequest, reply: FastifyReply): { field: SafeHtml; query: string } {
  return {
    field: csrfField(request, reply),
    query: `${CSRF_FIELD}=${encodeURIComponent(csrfToken(request, reply))}`,
  };
}

export function formKit(request: FastifyRequest, reply: FastifyReply): FormKit {
  const csrf = csrfHidden(request, reply);
  const fresh = () =>
    html`${csrf.field}<input type="hidden" name="_submission" value="${newSubmissionToken()}">`;
  return {
    fields: fresh,
    keep(body) {
      const token = field(body, "_submission");
      return token ? html`${csrf.field}<input type="hidden" name="_submission" value="${token}">` : fresh();
    },
    button(options) {
      return html`<form method="post" action="${options.action}" class="inline-form">${fresh()}${Object.entries(
        options.hidden ?? {},
      ).map(
        ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
      )}<button type="submit"${options.style ? html` class="${options.style}"` : ""}${options.accessibleLabel ? html` aria-label="${options.accessibleLabel}"` : ""}>${options.label}</button></form>`;
    },
    multipartAction(action) {
      return `${action}${action.includes("?") ? "&" : "?"}${csrf.query}`;
    },
  };
}

export function errorSummary(
  lang: Lang,
  errors: FieldErrors,
  idOf: (field: string) => string = fieldId,
): SafeHtml {
  const entries = Object.entries(errors);
  if (entries.length === 0) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="fejlsummering" tabindex="-1">
<h2 id="fejlsummering">${text[lang].summaryTitle}</h2>
<ul>${entries.map(([name, message]) => html`<li><a href="#${idOf(name)}">${message}</a></li>`)}</ul>
</div>`;
}

/** The element id of a field: `felt-` and its name. */
export function fieldId(name: string): string {
  return `felt-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

interface FieldOptions {
  name: string;
  label: string;
  lang: Lang;
  value?: string | null;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  id?: string;
}

function describedBy(id: string, hint?: string, error?: string): SafeHtml {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-fejl` : null].filter(Boolean);
  return ids.length ? html` aria-describedby="${ids.join(" ")}"` : html``;
}

function labelAndNotes(id: string, options: FieldOptions): SafeHtml {
  return html`<label for="${id}">${options.label}${options.required ? html` <span class="required">(${text[options.lang].required})</span>` : ""}</label>
${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ""}
${options.error ? html`<p class="error" id="${id}-fejl"><span class="visually-hidden">${text[options.lang].errorPrefix} </span>${options.error}</p>` : ""}`;
}

export function inputField(
  options: FieldOptions & { type?: string; autocomplete?: string; list?: string; extra?: SafeHtml },
): SafeHtml {
  const id = options.id ?? fieldId(options.name);
  return html`<div class="field${options.error ? " field--error" : ""}">
${labelAndNotes(id, options)}
<input type="${options.type ?? "text"}" id="${id}" name="${options.name}" value="${options.value ?? ""}"${flag("required", options.required ?? false)}${options.error ? html` aria-invalid="true"` : ""}${describedBy(id, options.hint, options.error)}${options.list ? html` list="${options.list}"` : ""}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ""}${options.extra ?? ""}>
</div>`;
}

export function textareaField(options: FieldOptions & { rows?: number }): SafeHtml {
  const id = options.id ?? fieldId(options.name);
  return html`<div class="field${options.error ? " field--error" : ""}">
${labelAndNotes(id, options)}
<textarea id="${id}" name="${options.name}" rows="${options.rows ?? 6}"${flag("required", options.required ?? false)}${options.error ? html` aria-invalid="true"` : ""}${describedBy(id, options.hint, options.error)}>${options.value ?? ""}</textarea>
</div>`;
}

interface Choice {
  value: string;
  label: string;
}

export function selectField(
  options: FieldOptions & {
    choices: readonly Choice[];
    selected?: readonly string[];
    multiple?: boolean;
    size?: number;
  },
): SafeHtml {
  const id = options.id ?? fieldId(options.name);
  const selected = new Set(options.selected ?? (options.value ? [options.value] : []));
  return html`<div class="field${options.error ? " field--error" : ""}">
${labelAndNotes(id, options)}
<select id="${id}" name="${options.name}"${flag("multiple", options.multiple ?? false)}${options.size ? html` size="${options.size}"` : ""}${flag("required", options.required ?? false)}${options.error ? html` aria-invalid="true"` : ""}${describedBy(id, options.hint, options.error)}>
${options.choices.map((choice) => html`<option value="${choice.value}"${flag("selected", selected.has(choice.value))}>${choice.label}</option>`)}
</select>
</div>`;
}

/** Radio buttons in a fieldset whose legend is the question. */
export function radioGroup(options: {
  name: string;
  legend: string;
  choices: readonly Choice[];
  value: string;
  lang: Lang;
  hint?: string;
  error?: string | undefined;
  inline?: boolean;
}): SafeHtml {
  const id = fieldId(options.name);
  return html`<fieldset class="radios${options.inline ? " radios--inline" : ""}" id="${id}"${describedBy(id, options.hint, options.error)}>
<legend>${options.legend}</legend>
${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ""}
${options.error ? html`<p class="error" id="${id}-fejl">${options.error}</p>` : ""}
${options.choices.map(
  (choice, index) =>
    html`<div class="radio"><input type="radio" id="${id}-${index}" name="${options.name}" value="${choice.value}"${flag("checked", choice.value === options.value)}><label for="${id}-${index}">${choice.label}</label></div>`,
)}
</fieldset>`;
}

/** A parsed urlencoded form: one or several values per name. */
export type FormBody = Record<string, string | string[] | undefined>;

export function formBody(request: FastifyRequest): FormBody {
  const body = request.body;
  return body && typeof body === "object" ? (body as FormBody) : {};
}

export function field(body: FormBody, name: string): string {
  const value = body[name];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

export function fieldList(body: FormBody, name: string): string[] {
  const value = body[name];
  if (value === undefined || value === "") return [];
  return Array.isArray(value) ? value.filter((v) => v !== "") : [value];
}

/**
 * Runs a form's work once per submission token and answers with a redirect to its result (303, so
 * the browser shows the result with GET; reloading it posts nothing).
 */
export async function submit(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (ctx: FastifyRequest["ctx"]) => Promise<string>,
): Promise<FastifyReply> {
  const { url } = await submitOnce(request.ctx, field(formBody(request), "_submission"), work);
  return reply.redirect(url, 303);
}

/** The field a core error names, when it is a mistake in the form rather than a broken request. */
export function formErrorField(error: unknown): string | null {
  if (!(error instanceof AppError)) return null;
  if (error.code !== "validation.invalid" && !error.code.startsWith("upload.")) return null;
  const field = error.details.field;
  return typeof field === "string" && field !== "_submission" ? field : null;
}
