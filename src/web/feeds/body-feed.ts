import type { Organization } from "../../core/organizations/organization.schema.ts";
import type { PublicationVersion } from "../../core/publication/versions.ts";
import { latestInstant } from "../../platform/time.ts";
import { formatDateTime, formatShortDate } from "../format.ts";
import { html } from "../html.ts";
import type { Lang } from "../i18n.ts";
import { label } from "../labels.ts";
import type { AtomEntry, AtomFeed } from "./atom.ts";
import { feedText, fill } from "./feed-texts.ts";

/** How many publications a body's feed carries: readers poll, they do not page. */
export const BODY_FEED_ENTRIES = 50;

/**
 * A published agenda or minutes (a later version with its note) as an entry. The items are the
 * version's, as the visibility rules present them: closed ones only as "Lukket punkt".
 */
function publicationEntry(
  publication: PublicationVersion,
  organization: Organization,
  origin: string,
  lang: Lang,
): AtomEntry {
  const t = feedText[lang];
  const meeting = publication.content;
  const link = `${origin}/moeder/${publication.meetingId}`;
  const kind = publication.kind === "agenda" ? t.agenda : t.minutes;
  const versioned =
    publication.version > 1 ? `${kind}, ${fill(t.version, { n: publication.version })}` : kind;
  const when = formatDateTime(meeting.start, lang, meeting.allDay);
  const intro = fill(publication.kind === "agenda" ? t.agendaFor : t.minutesFor, {
    title: meeting.title,
    when,
  });
  const items = meeting.agendaItems.map((item) => {
    const outcome =
      publication.kind === "minutes" && item.outcome && item.outcome !== "none"
        ? ` – ${label.outcome(lang, item.outcome).toLowerCase()}`
        : "";
    return html`<li>${item.number} ${item.title}${outcome}</li>`;
  });
  return {
    id: `urn:uuid:${publication.id}`,
    title: `${versioned}: ${meeting.title}, ${formatShortDate(meeting.start, lang)}`,
    link,
    updated: new Date(publication.publishedAt),
    author: organization.name,
    content: html`<p>${intro}</p>
${publication.note ? html`<p><strong>${t.changesInVersion}:</strong> ${publication.note}</p>` : ""}
${items.length ? html`<ul>${items}</ul>` : ""}
<p><a href="${link}">${t.seeMeeting}</a></p>`,
  };
}

/** A body's published agendas and minutes, newest first. */
export function bodyFeed(
  organization: Organization,
  publications: PublicationVersion[],
  options: { origin: string; lang: Lang },
): AtomFeed {
  const t = feedText[options.lang];
  const entries = publications.map((p) => publicationEntry(p, organization, options.origin, options.lang));
  return {
    self: `${options.origin}/organer/${organization.id}/feed.atom`,
    alternate: `${options.origin}/organer/${organization.id}`,
    title: fill(t.publicationsOf, { name: organization.name }),
    subtitle: fill(t.publicationsDescription, { name: organization.name }),
    author: organization.name,
    lang: options.lang,
    updated: latestInstant([new Date(organization.updatedAt), ...entries.map((entry) => entry.updated)]),
    entries,
  };
}
