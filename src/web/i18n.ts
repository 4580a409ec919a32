/**
 * Danish first, English available. Each page module keeps its own texts next to it, defined with
 * `messages(da, en)`: the English table must have exactly the Danish keys, so a missing translation
 * is a type error. The reader's language comes from `?lang=` (remembered in a cookie), else Danish.
 */
export const languages = ["da", "en"] as const;
export type Lang = (typeof languages)[number];

type MessageTable<Keys extends string> = Readonly<Record<Keys, string>>;
export type Catalog<Keys extends string> = Readonly<Record<Lang, MessageTable<Keys>>>;

export function messages<const Da extends Record<string, string>>(
  da: Da,
  en: { readonly [K in keyof Da]: string },
): Catalog<Extract<keyof Da, string>> {
  return { da, en } as Catalog<Extract<keyof Da, string>>;
}

function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

export const LANG_COOKIE = "samraad_lang";

/** `?lang=en` wins, then the remembered choice, then Danish. */
export function negotiateLang(
  query: unknown,
  cookieHeader: string | undefined,
): { lang: Lang; chosen: boolean } {
  const asked = query && typeof query === "object" ? (query as Record<string, unknown>).lang : undefined;
  if (isLang(asked)) return { lang: asked, chosen: true };
  const remembered = /(?:^|;\s*)samraad_lang=(da|en)(?:;|$)/.exec(cookieHeader ?? "")?.[1];
  return { lang: isLang(remembered) ? remembered : "da", chosen: false };
}
