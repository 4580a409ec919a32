import { type HtmlValue, html, type SafeHtml } from "./html.ts";
import { type Lang, messages } from "./i18n.ts";

const text = messages(
  {
    siteName: "Samraad",
    tagline: "Møder i offentlige samarbejder",
    skipToContent: "Gå til indhold",
    mainNavigation: "Hovedmenu",
    front: "Forside",
    bodies: "Organer",
    search: "Søg",
    workspace: "Sekretariat",
    logIn: "Log ind",
    logOut: "Log ud",
    signedInAs: "Logget ind som",
    otherLanguage: "English",
    otherLanguageCode: "en",
    footer: "Samraad: dagsordener, referater og sager fra offentlige samarbejder.",
    openData: "Åbne data (OParl)",
  },
  {
    siteName: "Samraad",
    tagline: "Meetings of public cooperation bodies",
    skipToContent: "Skip to content",
    mainNavigation: "Main menu",
    front: "Home",
    bodies: "Bodies",
    search: "Search",
    workspace: "Secretariat",
    logIn: "Log in",
    logOut: "Log out",
    signedInAs: "Signed in as",
    otherLanguage: "Dansk",
    otherLanguageCode: "da",
    footer: "Samraad: agendas, minutes and cases of public cooperation bodies.",
    openData: "Open data (OParl)",
  },
);

/** Who is signed in, as the page header shows it; the form to log out carries its CSRF token. */
export interface SignedIn {
  name: string;
  csrfToken: string;
  mayUseWorkspace: boolean;
}

interface PageOptions {
  lang: Lang;
  /** The page's own title; the site name is appended. */
  title: string;
  /** The request's URL (path and query), for the language switch. */
  url: string;
  body: SafeHtml;
  signedIn?: SignedIn | null;
  /** Extra elements for `<head>` (feeds, canonical links). */
  head?: HtmlValue;
  /** `<link rel=alternate>` and the like are part of `head`; print pages drop the navigation. */
  chrome?: "full" | "print";
}

function withLang(url: string, lang: Lang): string {
  const parsed = new URL(url, "http://local");
  parsed.searchParams.set("lang", lang);
  return `${parsed.pathname}${parsed.search}`;
}

/** The frame of every page: language, skip link, landmarks, navigation, language switch. */
export function layout(options: PageOptions): SafeHtml {
  const t = text[options.lang];
  const otherLang = t.otherLanguageCode as Lang;
  const signedIn = options.signedIn;
  const header =
    options.chrome === "print"
      ? ""
      : html`<header class="site-header">
  <a class="skip-link" href="#indhold">${t.skipToContent}</a>
  <div class="site-header__inner">
    <a class="site-name" href="/">${t.siteName} <span class="tagline">${t.tagline}</span></a>
    <nav aria-label="${t.mainNavigation}">
      <ul class="nav-list">
        <li><a href="/">${t.front}</a></li>
        <li><a href="/organer">${t.bodies}</a></li>
        <li><a href="/soeg">${t.search}</a></li>
        ${signedIn?.mayUseWorkspace ? html`<li><a href="/sekretariat">${t.workspace}</a></li>` : ""}
        <li><a href="${withLang(options.url, otherLang)}" lang="${otherLang}" hreflang="${otherLang}">${t.otherLanguage}</a></li>
        ${
          signedIn
            ? html`<li><form method="post" action="/log-ud" class="inline-form"><input type="hidden" name="_csrf" value="${signedIn.csrfToken}"><button type="submit" class="link-button">${t.logOut} (${signedIn.name})</button></form></li>`
            : html`<li><a href="/log-ind">${t.logIn}</a></li>`
        }
      </ul>
    </nav>
  </div>
</header>`;
  const footer =
    options.chrome === "print"
      ? ""
      : html`<footer class="site-footer"><p>${t.footer} <a href="/oparl/v1">${t.openData}</a></p></footer>`;
  return html`<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${t.siteName}</title>
<link rel="stylesheet" href="/assets/samraad.css">
${options.head}
</head>
<body${options.chrome === "print" ? html` class="print"` : ""}>
${header}
<main id="indhold" tabindex="-1">
${options.body}
</main>
${footer}
</body>
</html>`;
}
