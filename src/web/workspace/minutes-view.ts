import type { AgendaItem } from "../../core/agenda/agenda-item.schema.ts";
import type { Attendance } from "../../core/meetings/meeting.schema.ts";
import type { VersionDiff, WordChange } from "../../core/publication/version-diff.ts";
import { html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { label } from "../labels.ts";
import { renderMarkdown } from "../markdown.ts";
import { labels, outcomeLabel } from "./labels.ts";

/** How minutes and their differences read on the workspace's pages. */
const text = messages(
  {
    decision: "Beslutning",
    outcome: "Udfald",
    noDecision: "Ingen beslutning skrevet.",
    conflicts: "Inhabil",
    attendance: "Fremmøde",
    substituteFor: "stedfortræder for",
    nobody: "Fremmødet er ikke registreret.",
    added: "tilføjet",
    removed: "fjernet",
    changed: "ændret",
    inserted: "indsat:",
    deleted: "slettet:",
    legend:
      "Slettet tekst er gennemstreget og markeret «slettet», indsat tekst er understreget og markeret «indsat».",
    noChanges: "Ingen forskelle i punkterne eller fremmødet.",
    none: "ingen",
    number: "Nummer",
    title: "Titel",
    groupHeading: "Overskrift",
    isPublic: "Åbent/lukket",
    background: "Baggrund",
    recommendation: "Indstilling",
    casePresentation: "Sagsfremstilling",
    finance: "Økonomi",
  },
  {
    decision: "Decision",
    outcome: "Outcome",
    noDecision: "No decision written.",
    conflicts: "Conflict of interest",
    attendance: "Attendance",
    substituteFor: "substitute for",
    nobody: "Attendance is not recorded.",
    added: "added",
    removed: "removed",
    changed: "changed",
    inserted: "inserted:",
    deleted: "deleted:",
    legend:
      "Deleted text is struck through and marked “deleted”, inserted text is underlined and marked “inserted”.",
    noChanges: "No differences in the items or the attendance.",
    none: "none",
    number: "Number",
    title: "Title",
    groupHeading: "Heading",
    isPublic: "Open/closed",
    background: "Background",
    recommendation: "Recommendation",
    casePresentation: "Case presentation",
    finance: "Finance",
  },
);

function attendanceList(lang: Lang, attendance: readonly Attendance[], names: Map<string, string>): SafeHtml {
  const t = text[lang];
  if (attendance.length === 0) return html`<p>${t.nobody}</p>`;
  return html`<ul class="attendance">${attendance.map(
    (a) =>
      html`<li>${names.get(a.personId) ?? a.personId}: ${label.attendance(lang, a.status)}${a.substituteForPersonId ? html` (${t.substituteFor} ${names.get(a.substituteForPersonId) ?? ""})` : ""}${a.note ? html`, ${a.note}` : ""}</li>`,
  )}</ul>`;
}

function conflictLine(lang: Lang, item: AgendaItem, names: Map<string, string>): SafeHtml {
  if (!item.conflicts?.length) return html``;
  return html`<p class="conflicts"><strong>${text[lang].conflicts}:</strong> ${item.conflicts.map(
    (c, index) =>
      html`${index ? "; " : ""}${names.get(c.personId) ?? c.personId}${c.note ? html` (${c.note})` : ""}`,
  )}</p>`;
}

/** The minutes as recorded: per item the decision, its outcome and declared conflicts. */
export function minutesView(
  lang: Lang,
  items: readonly AgendaItem[],
  attendance: readonly Attendance[],
  names: Map<string, string>,
): SafeHtml {
  const t = text[lang];
  return html`<h2 id="fremmoede">${t.attendance}</h2>
${attendanceList(lang, attendance, names)}
${items.map(
  (item) => html`<section class="item" aria-labelledby="referat-${item.id}">
<h3 id="referat-${item.id}">${item.number} ${item.title}${item.isPublic ? "" : html` <span class="badge closed">${labels[lang].closedItem}</span>`}</h3>
${conflictLine(lang, item, names)}
<h4>${t.decision}</h4>
${item.decision ? renderMarkdown(item.decision) : html`<p>${t.noDecision}</p>`}
<p><strong>${t.outcome}:</strong> ${outcomeLabel(lang, item.outcome)}</p>
</section>`,
)}`;
}

function words(lang: Lang, changes: readonly WordChange[]): SafeHtml {
  const t = text[lang];
  return html`${changes.map((w) =>
    w.change === "added"
      ? html`<ins><span class="visually-hidden">[${t.inserted} </span>${w.text}<span class="visually-hidden">]</span></ins>`
      : w.change === "removed"
        ? html`<del><span class="visually-hidden">[${t.deleted} </span>${w.text}<span class="visually-hidden">]</span></del>`
        : w.text,
  )}`;
}

/** A value that is a label, not prose (outcome, open/closed): shown whole, old struck and new inserted. */
function swapped(lang: Lang, before: string, after: string): SafeHtml {
  const t = text[lang];
  return html`${before ? html`<del><span class="visually-hidden">[${t.deleted} </span>${before}<span class="visually-hidden">]</span></del> ` : ""}${after ? html`<ins><span class="visually-hidden">[${t.inserted} </span>${after}<span class="visually-hidden">]</span></ins>` : ""}`;
}

/** The difference of two versions, readable without colour. */
export function diffView(lang: Lang, diff: VersionDiff, names: Map<string, string>): SafeHtml {
  const t = text[lang];
  if (diff.items.length === 0 && diff.attendance.length === 0) return html`<p>${t.noChanges}</p>`;
  const fieldLabel = (field: string) => (field in t ? t[field as keyof typeof t] : field);
  const joined = (changes: readonly WordChange[], side: "removed" | "added") =>
    changes
      .filter((w) => w.change === "same" || w.change === side)
      .map((w) => w.text)
      .join("");
  return html`<p class="hint">${t.legend}</p>
${diff.items.map(
  (item) => html`<div class="diff-item">
<p><strong>${item.number} ${item.title}</strong> (${t[item.status]})</p>
<dl>${item.fields.map((f) => {
    let shown: SafeHtml;
    if (f.field === "outcome") {
      const before = joined(f.words, "removed");
      const after = joined(f.words, "added");
      shown = swapped(lang, before ? outcomeLabel(lang, before) : "", after ? outcomeLabel(lang, after) : "");
    } else if (f.field === "isPublic") {
      const label = (value: string) =>
        value === "true" ? labels[lang].openItem : value === "false" ? labels[lang].closedItem : "";
      shown = swapped(lang, label(joined(f.words, "removed")), label(joined(f.words, "added")));
    } else {
      shown = words(lang, f.words);
    }
    return html`<dt>${fieldLabel(f.field)}</dt><dd class="diff-text">${shown}</dd>`;
  })}</dl>
</div>`,
)}
${
  diff.attendance.length
    ? html`<p><strong>${t.attendance}</strong></p><ul>${diff.attendance.map((a) => {
        const describe = (entry: Attendance | null) =>
          entry
            ? `${label.attendance(lang, entry.status)}${entry.substituteForPersonId ? ` (${t.substituteFor} ${names.get(entry.substituteForPersonId) ?? ""})` : ""}`
            : t.none;
        return html`<li>${names.get(a.personId) ?? a.personId}: ${swapped(lang, describe(a.before), describe(a.after))}</li>`;
      })}</ul>`
    : ""
}`;
}
