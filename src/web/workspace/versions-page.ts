import type { FastifyInstance } from "fastify";
import { peopleByName } from "../../core/meetings/workspace-reads.ts";
import { diffVersions } from "../../core/publication/version-diff.ts";
import { type PublicationVersion, versionsOf } from "../../core/publication/versions.ts";
import { formatDateTime } from "../format.ts";
import { html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { breadcrumbs } from "./labels.ts";
import { diffView } from "./minutes-view.ts";
import { preparedMeeting, requireSecretariat, sendWorkspacePage } from "./workspace-page.ts";

const text = messages(
  {
    title: "Udgaver",
    agenda: "Dagsordenens udgaver",
    minutes: "Referatets udgaver",
    noAgenda: "Dagsordenen er ikke offentliggjort endnu.",
    noMinutes: "Referatet er ikke godkendt endnu.",
    version: "Udgave",
    published: "offentliggjort",
    approved: "godkendt",
    corrected: "rettet",
    first: "Første udgave.",
    whatChanged: "Hvad er ændret",
    reason: "Begrundelse",
    difference: "Forskel fra udgave",
  },
  {
    title: "Versions",
    agenda: "Versions of the agenda",
    minutes: "Versions of the minutes",
    noAgenda: "The agenda is not published yet.",
    noMinutes: "The minutes are not approved yet.",
    version: "Version",
    published: "published",
    approved: "approved",
    corrected: "corrected",
    first: "First version.",
    whatChanged: "What changed",
    reason: "Reason",
    difference: "Difference from version",
  },
);

function versionList(
  lang: Lang,
  versions: readonly PublicationVersion[],
  kind: "agenda" | "minutes",
  names: Map<string, string>,
): SafeHtml {
  const t = text[lang];
  return html`${[...versions].reverse().map((version) => {
    const previous = versions.find((v) => v.version === version.version - 1);
    const verb = kind === "agenda" ? t.published : version.version === 1 ? t.approved : t.corrected;
    return html`<section class="version" id="${kind === "agenda" ? "dagsorden" : "referat"}-${version.version}" aria-labelledby="${kind}-v${version.version}">
<h3 id="${kind}-v${version.version}">${t.version} ${version.version}, ${verb} ${formatDateTime(version.publishedAt, lang)}</h3>
${version.note ? html`<p><strong>${kind === "agenda" ? t.whatChanged : t.reason}:</strong> ${version.note}</p>` : html`<p>${t.first}</p>`}
${previous ? html`<h4>${t.difference} ${previous.version}</h4>${diffView(lang, diffVersions(previous.content, version.content), names)}` : ""}
</section>`;
  })}`;
}

/** `/sekretariat/moeder/:id/udgaver`: every version of the agenda and minutes, with the differences. */
export function registerVersionsPage(app: FastifyInstance): void {
  app.get<{ Params: { id: string } }>("/sekretariat/moeder/:id/udgaver", async (request, reply) => {
    requireSecretariat(request);
    const { lang, ctx } = request;
    const t = text[lang];
    const { meeting, body } = await preparedMeeting(request, request.params.id);
    const names = new Map((await peopleByName(ctx)).map((p) => [p.id, p.name]));
    const agenda = await versionsOf(ctx, meeting.id, "agenda");
    const minutes = await versionsOf(ctx, meeting.id, "minutes");
    const page = html`${breadcrumbs(lang, [
      { href: `/sekretariat/organer/${body.id}`, label: body.shortName ?? body.name },
      { href: `/sekretariat/moeder/${meeting.id}`, label: meeting.title },
    ])}
<h1>${t.title}: ${meeting.title}</h1>
<h2 id="referat">${t.minutes}</h2>
${minutes.length ? versionList(lang, minutes, "minutes", names) : html`<p>${t.noMinutes}</p>`}
<h2 id="dagsorden">${t.agenda}</h2>
${agenda.length ? versionList(lang, agenda, "agenda", names) : html`<p>${t.noAgenda}</p>`}`;
    return sendWorkspacePage(request, reply, { title: `${t.title}: ${meeting.title}`, body: page });
  });
}
