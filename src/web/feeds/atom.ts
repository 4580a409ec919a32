import { Feed } from "feed";
import { escapeHtml, type SafeHtml } from "../html.ts";
import type { Lang } from "../i18n.ts";

/** One Atom entry: its text title, and its content as HTML built by the `html` template. */
export interface AtomEntry {
  /** A URI that never changes for this entry (`urn:uuid:` of the record it announces). */
  id: string;
  title: string;
  link: string;
  updated: Date;
  author?: string;
  content: SafeHtml;
}

export interface AtomFeed {
  /** The feed's own absolute URL (also its id: one feed per URL). */
  self: string;
  /** The page the feed follows. */
  alternate: string;
  title: string;
  subtitle: string;
  author: string;
  lang: Lang;
  /** The newest entry's time, or when the followed record last changed if there is none. */
  updated: Date;
  entries: AtomEntry[];
}

/**
 * An Atom 1.0 document (RFC 4287). The `feed` library writes entry titles as `type="html"`, so
 * they are escaped here; element text and attributes it escapes itself.
 */
export function renderAtom(atom: AtomFeed): string {
  const feed = new Feed({
    id: atom.self,
    title: atom.title,
    description: atom.subtitle,
    link: atom.alternate,
    feedLinks: { atom: atom.self },
    author: { name: atom.author },
    updated: atom.updated,
    generator: "Samraad",
  });
  for (const entry of atom.entries) {
    feed.addItem({
      id: entry.id,
      title: escapeHtml(entry.title),
      link: entry.link,
      date: entry.updated,
      content: entry.content.value,
      ...(entry.author ? { author: [{ name: entry.author }] } : {}),
    });
  }
  // The library has no option for the language; the root element is its own, fixed text.
  return feed
    .atom1()
    .replace(
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${atom.lang}">`,
    );
}
