import type { Outcome } from "../parsed-meeting.ts";

/** Regex source with æ, ø, å also matching their lost or flattened forms. */
function fold(source: string): string {
  return source.replace(/æ/g, "(?:æ|ae|a|e)?").replace(/ø/g, "(?:ø|oe|o)?").replace(/å/g, "(?:å|aa|a)?");
}

function re(source: string): RegExp {
  return new RegExp(fold(source), "iu");
}

const W = "(?<!\\p{L})";
const E = "(?!\\p{L})";

/** In priority order: the first that matches an accepted sentence wins. */
const RULES: { outcome: Outcome; pattern: RegExp }[] = [
  {
    outcome: "rejected",
    pattern: re(
      `${W}(?:afvist|afviste|afvises|forkastet|forkastede|nedstemt|ikke\\s+(?:godkendt|godkendte|godkendes|vedtaget|tiltrådt|anbefalet|anbefales|imødekommet)|kunne\\s+ikke\\s+(?:godkende|tiltræde|anbefale|vedtage))${E}`,
    ),
  },
  {
    outcome: "postponed",
    pattern: re(
      `${W}(?:(?:sagen|punktet|behandlingen|beslutningen|sagens\\s+behandling)\\s+(?:blev\\s+|er\\s+)?(?:udsat|udsættes|udskudt|udskydes)|udsatte\\s+(?:sagen|punktet|behandlingen|beslutningen)|udsat\\s+til|^udsat|^udsættes)${E}`,
    ),
  },
  {
    outcome: "approved_with_changes",
    pattern: re(
      `${W}(?:godkendt|godkendte|godkendes|vedtaget|vedtog|tiltrådt|tiltrådte)${E}[^.]{0,80}?${W}med\\s+(?:de\\s+|den\\s+|følgende\\s+|en\\s+|enkelte\\s+|mindre\\s+|faldne\\s+|de\\s+faldne\\s+)*(?:ændring|ændringer|tilføjelse|tilføjelser|rettelse|rettelser|justering|justeringer|præcisering|præciseringer|bemærkning|bemærkninger)${E}`,
    ),
  },
  {
    outcome: "recommended_onward",
    pattern: re(
      `${W}(?:anbefales|anbefalet|anbefaler|anbefalede|oversendes\\s+til|oversendt\\s+til|sendes\\s+videre|videresendes|indstilles\\s+til\\s+(?:byrådet|kommunalbestyrelsen|regionsrådet))${E}`,
    ),
  },
  {
    outcome: "approved",
    pattern: re(
      `${W}(?:godkendt|godkendte|godkendes|vedtaget|vedtog|vedtages|tiltrådt|tiltrådte|tiltrædes|bevilget|bevilgede|bevilges|imødekommet|besluttede\\s+at\\s+godkende)${E}`,
    ),
  },
  {
    outcome: "noted",
    pattern: re(
      `${W}(?:(?:tog|taget|tages|tager)\\s+(?:\\S+\\s+){0,10}?til\\s+(?:efterretning|orientering)|^til\\s+efterretning|(?:orienteringen|meddelelserne|redegørelsen)\\s+(?:blev\\s+)?(?:taget|modtaget))${E}`,
    ),
  },
  {
    outcome: "discussed",
    pattern: re(
      `${W}(?:(?:drøftede|drøftet|drøftes|debatterede|debatteret)\\s+(?:\\S+\\s+){0,2}?(?:sagen|punktet|emnet|orienteringen|oplægget|forslaget|temaet|materialet|sagerne|spørgsmålet|henvendelsen)|(?:sagen|punktet|emnet|temaet|forslaget|orienteringen|oplægget)\\s+(?:blev\\s+)?(?:drøftet|debatteret)|^drøftet)${E}`,
    ),
  },
];

/** Collective subjects that stand for the meeting's own body. */
const GENERIC_ACTOR = re(
  `${W}(?:et\\s+(?:enigt\\s+)?flertal|flertallet|enstemmigt|udvalget|bestyrelsen|rådet|styregruppen|netværket|direktionen|forsamlingen|mødet|gruppen|forummet|repræsentantskabet|formandskabet|kredsen|følgegruppen|arbejdsgruppen|kontaktrådet)${E}`,
);
/** Sentences without an actor: `Godkendt.`, `Indstillingen blev tiltrådt.`, `Sagen udsættes.` */
const ELLIPTIC = re(
  `^(?:indstillingen|indstillingerne|sagen|punktet|orienteringen|forslaget|referatet|dagsordenen|beslutningen|anbefalingen|godkendt|godkendes|taget|tages|til\\s+efterretning|drøftet|anbefales|anbefalet|udsat|udsættes|tiltrådt|tiltrædes|vedtaget|vedtages|afvist|oversendes|det\\s+blev\\s+besluttet|det\\s+besluttedes|enstemmigt|enig\\s+i)${E}`,
);
/** A decision verb in the present passive after a modal is a plan, not a decision: `skal godkendes af ...`. */
const MODAL = re(`${W}(?:skal|skulle|vil|kan|kunne|bør|hvis|når|inden|forventes)${E}`);
const PRESENT_PASSIVE = re(
  `${W}(?:godkendes|vedtages|tiltrædes|tages|drøftes|anbefales|bevilges|udsættes)${E}`,
);
const SENTENCES = /(?<=[.!?])\s+(?=[A-ZÆØÅ0-9])|\n+/;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A matcher for the body's name as written in running text (`KD-Net`, `KD-net`, `KKR`). */
export function bodyMatcher(body: string | null): RegExp | null {
  if (!body) return null;
  const names = new Set<string>([body]);
  const first = body.split(/\s+/)[0] ?? "";
  if (/^[A-ZÆØÅ]{2,}(?:-[A-Za-zæøå]+)?$/.test(first) && first !== body) names.add(first);
  const alternatives = [...names].map((name) => escapeRegex(name).replace(/\\?-|\s+/g, "[-\\s]?"));
  return new RegExp(`(?<!\\p{L})(?:${alternatives.join("|")})(?!\\p{L})`, "iu");
}

/** The body itself, a collective stand-in for it, or a sentence without an actor. */
function ownActor(sentence: string, body: RegExp | null): boolean {
  return body?.test(sentence) === true || GENERIC_ACTOR.test(sentence) || ELLIPTIC.test(sentence);
}

const WORD = /[\p{L}\d][\p{L}\d'.-]*/gu;
const BODY_SUFFIX = re(
  `(?:udvalget|rådet|bestyrelsen|styregruppen|netværket|repræsentantskabet|gruppen|forummet|direktionen)$`,
);
const ACRONYM = /^[A-ZÆØÅ]{2,}(?:-[A-Za-zæøå]+)?$/;
/** `... på mødet den 16. december 2020`: a report of another meeting. */
const OTHER_MEETING = re(
  `${W}(?:den|d\\.)\\s+\\d{1,2}\\.?\\s*(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|\\d)|${W}på\\s+(?:sit|sidste|seneste|et)?\\s*møde${E}`,
);

/**
 * Without the body named, a sentence still counts when nobody else acts in it: no person or
 * other body next to the verb, no `at`-clause (`indstiller, at den godkendes`), no other meeting.
 */
function noForeignActor(sentence: string, verbIndex: number, body: RegExp | null): boolean {
  if (OTHER_MEETING.test(sentence) || /\bmindretal/i.test(sentence)) return false;
  const words = [...sentence.matchAll(WORD)];
  const at = words.findIndex((word) => (word.index ?? 0) >= verbIndex);
  const verb = at < 0 ? words.length : at;
  const near = words.slice(Math.max(0, verb - 3), verb).concat(words.slice(verb + 1, verb + 3));
  for (const word of near) {
    const text = word[0];
    const first = (word.index ?? 0) === 0;
    if (text.toLowerCase() === "at") return false;
    if (body?.test(text)) continue;
    if (GENERIC_ACTOR.test(text)) continue;
    // With the body unknown, a named body next to the verb is most likely the body itself.
    if (body && (ACRONYM.test(text) || BODY_SUFFIX.test(text))) return false;
    if (!first && /^[A-ZÆØÅ]/.test(text) && (body || !ACRONYM.test(text))) return false;
  }
  return true;
}

/**
 * The outcome a decision text states in so many words, or null. Only sentences whose actor is
 * the meeting's body (or a collective stand-in, or no actor at all: `Godkendt.`) count, so a
 * minute that reports another body's approval does not become this meeting's.
 */
export function classifyOutcome(decision: string | null, body: RegExp | null): Outcome | null {
  if (!decision) return null;
  let best = RULES.length;
  for (const raw of decision.split(SENTENCES)) {
    const sentence = raw.replace(/^[-•*]\s*/, "").trim();
    if (!sentence) continue;
    const own = ownActor(sentence, body);
    for (let r = 0; r < best; r++) {
      const rule = RULES[r];
      const match = rule?.pattern.exec(sentence);
      if (!rule || !match) continue;
      if (PRESENT_PASSIVE.test(sentence) && MODAL.test(sentence) && rule.outcome !== "rejected") continue;
      if (!own && (PRESENT_PASSIVE.test(match[0]) || !noForeignActor(sentence, match.index, body))) continue;
      best = r;
      break;
    }
  }
  return RULES[best]?.outcome ?? null;
}
