import type { Case } from "../../core/cases/case.schema.ts";
import type { CaseTreatment } from "../../core/cases/case-treatments.ts";
import { minutesArePublic } from "../../core/publication/visibility.ts";
import { latestInstant } from "../../platform/time.ts";
import { formatDateTime, formatShortDate } from "../format.ts";
import { html } from "../html.ts";
import type { Lang } from "../i18n.ts";
import { label } from "../labels.ts";
import { renderMarkdown } from "../markdown.ts";
import type { AtomEntry, AtomFeed } from "./atom.ts";
import { feedText, fill } from "./feed-texts.ts";

/**
 * One treatment as an entry. An actual one links to its meeting and shows the decision once the
 * item's decision is public (the visibility rules have already emptied it before that); a planned
 * one announces where the case goes next. Its id is the consultation's, so a planned treatment
 * that lands on an agenda updates its entry instead of adding one.
 */
function treatmentEntry(treatment: CaseTreatment, found: Case, origin: string, lang: Lang): AtomEntry {
  const t = feedText[lang];
  const { consultation, item, meeting } = treatment;
  const body = treatment.organizationName ?? "";
  const purpose = label.purposePhrase(lang, consultation.purpose).toLowerCase();
  const shortDate = consultation.date ? formatShortDate(consultation.date, lang) : "";
  const base = { id: `urn:uuid:${consultation.id}`, updated: treatment.lastModified, author: body };
  if (!meeting || !item) {
    const caseUrl = `${origin}/sager/${found.id}`;
    return {
      ...base,
      title: `${t.planned}: ${body}, ${shortDate} (${purpose})`,
      link: caseUrl,
      content: html`<p>${fill(t.plannedAt, { body, when: shortDate, purpose })}</p>
<p><a href="${caseUrl}">${t.seeCase}</a></p>`,
    };
  }
  const link = `${origin}/moeder/${meeting.id}`;
  const when = formatDateTime(meeting.start, lang, meeting.allDay);
  const decided = minutesArePublic(meeting.state);
  return {
    ...base,
    title: `${body}, ${shortDate}: ${fill(t.item, { number: item.number, title: item.title })}`,
    link,
    content: html`<p>${fill(t.treatedAt, { body, purpose, meeting: meeting.title, when })}</p>
<p>${fill(t.item, { number: item.number, title: item.title })}</p>
${item.outcome && item.outcome !== "none" ? html`<p><strong>${t.outcome}:</strong> ${label.outcome(lang, item.outcome).toLowerCase()}</p>` : ""}
${item.decision ? html`<p><strong>${t.decision}:</strong></p>${renderMarkdown(item.decision)}` : ""}
${decided ? "" : html`<p>${t.decisionFollows}</p>`}
<p><a href="${link}">${t.seeMeeting}</a></p>`,
  };
}

/** The treatments of a case, newest first. */
export function caseFeed(
  found: Case,
  treatments: CaseTreatment[],
  options: { origin: string; lang: Lang },
): AtomFeed {
  const t = feedText[options.lang];
  const entries = treatments.map((treatment) =>
    treatmentEntry(treatment, found, options.origin, options.lang),
  );
  const name = found.reference ? `${found.reference} ${found.title}` : found.title;
  return {
    self: `${options.origin}/sager/${found.id}/feed.atom`,
    alternate: `${options.origin}/sager/${found.id}`,
    title: fill(t.caseFeedTitle, { title: name }),
    subtitle: t.caseFeedDescription,
    author: "Samraad",
    lang: options.lang,
    updated: latestInstant([new Date(found.updatedAt), ...entries.map((entry) => entry.updated)]),
    entries,
  };
}
