import { html, type SafeHtml } from "./html.ts";
import { type Lang, messages } from "./i18n.ts";
import { layout } from "./layout.ts";

const text = messages(
  {
    status400: "Forespørgslen kunne ikke bruges",
    status401: "Du skal logge ind",
    status403: "Du har ikke adgang",
    status404: "Siden findes ikke",
    status409: "Det kan ikke lade sig gøre lige nu",
    status413: "Filen er for stor",
    status415: "Filtypen kan ikke bruges",
    status429: "For mange forsøg",
    status500: "Der skete en fejl hos os",
    other: "Der skete en fejl",
    notFoundDetail: "Adressen findes ikke. Den kan være skrevet forkert, eller siden er flyttet.",
    logIn: "Log ind",
    toFront: "Gå til forsiden",
  },
  {
    status400: "The request could not be used",
    status401: "Please log in",
    status403: "You do not have access",
    status404: "Page not found",
    status409: "That cannot be done right now",
    status413: "The file is too large",
    status415: "That file type cannot be used",
    status429: "Too many attempts",
    status500: "Something went wrong on our side",
    other: "Something went wrong",
    notFoundDetail: "The address does not exist. It may be mistyped, or the page has moved.",
    logIn: "Log in",
    toFront: "Go to the front page",
  },
);

/** An error as a page: what happened in plain words, the detail, and a way on. */
export function errorPage(options: { lang: Lang; url: string; status: number; detail?: string }): SafeHtml {
  const t = text[options.lang];
  const key = `status${options.status}`;
  const title = key in t ? t[key as keyof typeof t] : t.other;
  const detail = options.status === 404 ? t.notFoundDetail : options.detail;
  return layout({
    lang: options.lang,
    url: options.url,
    title,
    body: html`<h1>${title}</h1>
${detail ? html`<p>${detail}</p>` : ""}
<p>${options.status === 401 ? html`<a href="/log-ind?next=${encodeURIComponent(options.url)}">${t.logIn}</a> · ` : ""}<a href="/">${t.toFront}</a></p>`,
  });
}
