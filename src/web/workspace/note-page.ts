import type { FastifyReply, FastifyRequest } from "fastify";
import { html } from "../html.ts";
import { messages } from "../i18n.ts";
import {
  errorSummary,
  type FieldErrors,
  type FormBody,
  field,
  formBody,
  formErrorField,
  formKit,
  inputField,
  submit,
} from "./forms.ts";
import { sendWorkspacePage } from "./workspace-page.ts";

const text = messages(
  {
    title: "Hvad er ændret?",
    intro:
      "Dagsordenen er offentliggjort. Ændringen bliver en ny udgave af dagsordenen, og noten vises sammen med den.",
    note: "Hvad er ændret",
    hint: "Skriv kort, hvad der er ændret, så læserne kan se det. For eksempel: Punkt 4 er flyttet op.",
    required: "Skriv, hvad der er ændret",
    confirm: "Gem ændringen",
    back: "Fortryd og gå tilbage",
  },
  {
    title: "What changed?",
    intro: "The agenda is published. The change becomes a new version of the agenda, shown with this note.",
    note: "What changed",
    hint: "Say briefly what changed, so readers can see it. For example: Item 4 moved up.",
    required: "Say what changed",
    confirm: "Save the change",
    back: "Cancel and go back",
  },
);

/**
 * Asks what changed before a change to a published agenda is made: the same action posted again
 * with the same token and fields, now with the note.
 */
function askForNote(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { action: string; body: FormBody; suggestion: string; backUrl: string },
) {
  const kit = formKit(request, reply);
  const { lang } = request;
  const t = text[lang];
  const tried = "note" in options.body;
  const errors: FieldErrors = tried ? { note: t.required } : {};
  const hidden = Object.entries(options.body).filter(([name]) => name !== "note" && name !== "_submission");
  const page = html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<form method="post" action="${options.action}" novalidate>
${kit.keep(options.body)}
${hidden.map(([name, value]) =>
  (Array.isArray(value) ? value : [value ?? ""]).map(
    (v) => html`<input type="hidden" name="${name}" value="${v}">`,
  ),
)}
${errorSummary(lang, errors)}
${inputField({ lang, name: "note", label: t.note, hint: t.hint, value: tried ? field(options.body, "note") : options.suggestion, required: true, error: errors.note })}
<p><button type="submit">${t.confirm}</button> <a href="${options.backUrl}">${t.back}</a></p>
</form>`;
  return sendWorkspacePage(request, reply, { title: t.title, body: page, status: tried ? 400 : 200 });
}

/**
 * Runs an agenda change posted from a one-button form; when the agenda is published and the post
 * carries no note, asks for one instead.
 */
export async function agendaAction(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    suggestion: string;
    backUrl: string;
    work: (ctx: FastifyRequest["ctx"], note: string) => Promise<string>;
  },
) {
  const body = formBody(request);
  try {
    return await submit(request, reply, (ctx) => options.work(ctx, field(body, "note")));
  } catch (error) {
    if (formErrorField(error) !== "note") throw error;
    return askForNote(request, reply, {
      action: request.url,
      body,
      suggestion: options.suggestion,
      backUrl: options.backUrl,
    });
  }
}
