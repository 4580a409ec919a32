/** The parser's rules one at a time, on small texts in the layouts Danish archives come in. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseText } from "../parse-document.ts";
import { copenhagenIso } from "./danish.ts";
import { findDate } from "./header.ts";
import { bodyMatcher, classifyOutcome } from "./outcome.ts";

describe("Copenhagen offsets", () => {
  test("winter and summer time, and the days the clocks change", () => {
    assert.equal(copenhagenIso("2021-01-22", 10, 0), "2021-01-22T10:00:00+01:00");
    assert.equal(copenhagenIso("2023-06-21", 13, 0), "2023-06-21T13:00:00+02:00");
    // 26 March 2023: 02:00 became 03:00.
    assert.equal(copenhagenIso("2023-03-26", 1, 30), "2023-03-26T01:30:00+01:00");
    assert.equal(copenhagenIso("2023-03-26", 10, 0), "2023-03-26T10:00:00+02:00");
    // 29 October 2023: 03:00 became 02:00.
    assert.equal(copenhagenIso("2023-10-29", 1, 0), "2023-10-29T01:00:00+02:00");
    // 02:30 came twice that night: the earlier one, as platform/time.ts decides for the whole system.
    assert.equal(copenhagenIso("2023-10-29", 2, 30), "2023-10-29T02:30:00+02:00");
    assert.equal(copenhagenIso("2023-10-29", 10, 0), "2023-10-29T10:00:00+01:00");
    assert.equal(copenhagenIso("2023-10-28", 24, 0), null);
  });

  test("Danish date forms", () => {
    assert.equal(findDate("Fredag den 22. januar 2021, kl. 10.00 – 13.00")?.date, "2021-01-22");
    assert.equal(findDate("Dato: 22-11-2016 10:00")?.date, "2016-11-22");
    assert.equal(findDate("Mødedato: 14.03.2023")?.date, "2023-03-14");
    assert.equal(findDate("2023-09-05")?.date, "2023-09-05");
    assert.equal(findDate("den 3. okt. 2022")?.date, "2022-10-03");
    assert.equal(findDate("31.02.2023"), null);
  });
});

describe("outcomes from decision text", () => {
  const body = bodyMatcher("KD-Net");
  const cases: [string, string | null][] = [
    ["KD-Net godkendte dagsordenen.", "approved"],
    ["KD-net godkendte udpegningerne.", "approved"],
    ["Godkendt.", "approved"],
    ["Indstillingen blev tiltrådt.", "approved"],
    ["KD-Net tog orienteringen til efterretning.", "noted"],
    ["Taget til efterretning.", "noted"],
    ["Herefter drøftede KD-Net sagen.", "discussed"],
    ["Drøftet.", "discussed"],
    ["KD-Net drøftede desuden testkapaciteten.", null],
    ["KD-Net bakkede op om både en ny analyse og en pilotundersøgelse.", null],
    ["Anbefales over for Byrådet.", "recommended_onward"],
    ["Sagen blev udsat til næste møde.", "postponed"],
    ["Udsat.", "postponed"],
    ["Indstillingen blev ikke godkendt.", "rejected"],
    ["KD-Net afviste forslaget.", "rejected"],
    ["Godkendt med den ændring, at beløbet halveres.", "approved_with_changes"],
    ["Godkendt med de faldne bemærkninger.", "approved_with_changes"],
    ["Her godkendte regionsrådet den nye model.", null],
    ["Lars Hansen orienterede om, at kontrakten er drøftet i KOSU som indstiller at den godkendes.", null],
    ["I henhold til vedtægterne skal modellen godkendes af repræsentantskabet.", null],
    ["De udsatte unge skal have mere hjælp, sagde formanden og henviste til analysen.", null],
    ["Intet at referere.", null],
    ["KD-Net godkendte kommissoriet og tog orienteringen til efterretning.", "approved"],
  ];
  for (const [text, expected] of cases) {
    test(`${JSON.stringify(text)} → ${expected}`, () => {
      assert.equal(classifyOutcome(text, body), expected);
    });
  }

  test("without a known body, another body named next to the verb still does not count", () => {
    assert.equal(classifyOutcome("Regionsrådet godkendte den 16. december modellen.", null), null);
    assert.equal(
      classifyOutcome("Et flertal bestående af A, V og F godkendte indstillingen.", bodyMatcher("Byrådet")),
      "approved",
    );
  });
});

describe("item headings", () => {
  test("Punkt N:, Pkt., Sag nr., parliamentary 1), and a number alone on its line", () => {
    const text = [
      "Dagsorden",
      "",
      "Punkt 1: Godkendelse af dagsorden",
      "Beslutning",
      "Godkendt.",
      "",
      "Pkt. 2 Meddelelser",
      "Beslutning",
      "Taget til efterretning.",
      "",
      "Sag nr. 3",
      "Budget 2024",
      "Indstilling",
      "Det indstilles, at udvalget godkender budgettet.",
      "",
      "4)",
      "Eventuelt",
      "Beslutning",
      "Intet.",
    ].join("\n");
    const meeting = parseText(text);
    assert.deepEqual(
      meeting.items.map((item) => [item.number, item.title, item.outcome]),
      [
        ["1", "Godkendelse af dagsorden", "approved"],
        ["2", "Meddelelser", "noted"],
        ["3", "Budget 2024", null],
        ["4", "Eventuelt", null],
      ],
    );
  });

  test("closed markers in every position", () => {
    const text = [
      "1. Godkendelse af dagsorden",
      "Beslutning",
      "Godkendt.",
      "Lukket punkt 2: Personalesag",
      "Beslutning",
      "Godkendt.",
      "Lukket: 3. Køb af grund",
      "Beslutning",
      "Godkendt.",
      "4. Salg af bygning (Lukket)",
      "Beslutning",
      "Godkendt.",
      "5. Lukket punkt",
      "Beslutning",
      "Godkendt.",
      "6. Eventuelt",
      "Åbent punkt",
      "Beslutning",
      "Intet.",
    ].join("\n");
    const meeting = parseText(text);
    assert.deepEqual(
      meeting.items.map((item) => [item.number, item.title, item.closed]),
      [
        ["1", "Godkendelse af dagsorden", false],
        ["2", "Personalesag", true],
        ["3", "Køb af grund", true],
        ["4", "Salg af bygning", true],
        ["5", "Lukket punkt", true],
        ["6", "Eventuelt", false],
      ],
    );
  });

  test("SBSYS prints `Lukket punkt` above the heading; a marker under a heading stays with it", () => {
    const text = [
      "1. Godkendelse af dagsorden",
      "Beslutning",
      "Godkendt.",
      "Lukket punkt",
      "2. Personalesag",
      "Beslutning",
      "Godkendt.",
      "3. Ejendomssag",
      "Lukket punkt",
      "4. Eventuelt",
      "Beslutning",
      "Intet.",
    ].join("\n");
    const meeting = parseText(text);
    assert.deepEqual(
      meeting.items.map((item) => [item.number, item.closed]),
      [
        ["1", false],
        ["2", true],
        ["3", true],
        ["4", false],
      ],
    );
    assert.equal(meeting.items[0]?.sections.decision, "Godkendt.");
  });

  test("numbered lists inside an item are not items, even when a number fits the sequence", () => {
    const text = [
      "1. Godkendelse af dagsorden",
      "Beslutning",
      "Godkendt.",
      "",
      "2. Strategi for området",
      "Sagsfremstilling",
      "Strategien har tre spor:",
      "1. Klima",
      "2. Uddannelse",
      "3. Sundhed og forebyggelse i hele regionen, hvor vi samarbejder om indsatsen?",
      "Beslutning",
      "Godkendt.",
      "",
      "3. Eventuelt",
      "Beslutning",
      "Intet.",
    ].join("\n");
    const meeting = parseText(text);
    assert.deepEqual(
      meeting.items.map((item) => item.title),
      ["Godkendelse af dagsorden", "Strategi for området", "Eventuelt"],
    );
    assert.match(meeting.items[1]?.sections.casePresentation ?? "", /1\. Klima\n2\. Uddannelse/);
  });

  test("an agenda overview at the top is not taken for the items", () => {
    const text = [
      "Dagsorden for mødet i Ældrerådet den 4. april 2024 kl. 10.00",
      "",
      "1. Godkendelse af dagsorden",
      "2. Orientering fra formanden",
      "3. Eventuelt",
      "",
      "1. Godkendelse af dagsorden",
      "Indstilling",
      "Det indstilles, at Ældrerådet godkender dagsordenen.",
      "",
      "2. Orientering fra formanden v. Inger Nielsen",
      "Sagsfremstilling",
      "Formanden orienterer om dialogmødet med borgmesteren.",
      "",
      "3. Eventuelt",
    ].join("\n");
    const meeting = parseText(text);
    assert.equal(meeting.body, "Ældrerådet");
    assert.equal(meeting.start, "2024-04-04T10:00:00+02:00");
    assert.deepEqual(
      meeting.items.map((item) => [item.number, item.presenters]),
      [
        ["1", []],
        ["2", ["Inger Nielsen"]],
        ["3", []],
      ],
    );
    assert.match(meeting.items[1]?.sections.casePresentation ?? "", /dialogmødet/);
  });

  test("a presenter list that runs onto the next line", () => {
    const meeting = parseText(
      [
        "1. Status på samarbejdet v. Anne Sørensen og",
        "Peter Holm",
        "",
        "Det indstilles, at netværket tager orienteringen til efterretning.",
        "",
        "2. Eventuelt",
        "Referat:",
        "Intet.",
      ].join("\n"),
    );
    assert.deepEqual(meeting.items[0]?.presenters, ["Anne Sørensen", "Peter Holm"]);
    assert.equal(meeting.items[0]?.title, "Status på samarbejdet");
  });
});

describe("text repair", () => {
  test("page furniture, hyphenation and a sentence broken over a page", () => {
    const text = [
      "Referat",
      "Byrådet",
      "Dato: 24. maj 2023 kl. 17.00",
      "",
      "1. Budgetopfølgning",
      "Sagsfremstilling",
      "Budgetopfølgningen viser et mindreforbrug i kommu-",
      "nerne på både drift og anlæg, og erhvervs- og arbejdsmarkedsområdet følger budgettet, når der",
      "",
      "Byrådet 24-05-2023 Side 1 af 2",
      "\f" + "Byrådet 24-05-2023 Side 2 af 2",
      "ses bort fra de statslige puljer.",
      "Beslutning",
      "Godkendt.",
    ].join("\n");
    const meeting = parseText(text);
    const presentation = meeting.items[0]?.sections.casePresentation ?? "";
    assert.match(presentation, /mindreforbrug i kommunerne på både/);
    assert.match(presentation, /erhvervs- og arbejdsmarkedsområdet/);
    assert.match(presentation, /når der ses bort fra/);
    assert.doesNotMatch(presentation, /Side \d af 2/);
    assert.equal(meeting.items[0]?.outcome, "approved");
  });

  test("Windows line endings, non-breaking spaces and soft hyphens", () => {
    const meeting = parseText("1.\u00a0Godkendelse af dag\u00adsorden\r\nBeslutning\r\nGodkendt.\r\n");
    assert.equal(meeting.items[0]?.title, "Godkendelse af dagsorden");
    assert.equal(meeting.items[0]?.outcome, "approved");
  });
});

describe("header", () => {
  test("participants listed one a line, and a substitute in the list", () => {
    const meeting = parseText(
      [
        "Referat af møde i Handicaprådet",
        "Mødedato: 02.10.2023",
        "Deltagere:",
        "Jonas Berg",
        "Lise Madsen",
        "Karl Dam for Ib Thomsen",
        "",
        "Fraværende: Eva Lund og Ole Bach",
        "",
        "1. Godkendelse af dagsorden",
        "Beslutning",
        "Godkendt.",
      ].join("\n"),
    );
    assert.equal(meeting.body, "Handicaprådet");
    assert.equal(meeting.date, "2023-10-02");
    assert.equal(meeting.start, null);
    assert.deepEqual(meeting.attendance.present, ["Jonas Berg", "Lise Madsen"]);
    assert.deepEqual(meeting.attendance.substitutes, [{ name: "Karl Dam", for: "Ib Thomsen" }]);
    assert.deepEqual(meeting.attendance.absent, ["Eva Lund", "Ole Bach"]);
  });

  test("`Beslutning <body> den <date>` without `i`, and role words are not people", () => {
    const meeting = parseText(
      [
        "Referat",
        "Byrådet",
        "Mødedato: 24.05.2023",
        "Til stede: Anne Holm, formand, Per Lund",
        "1. Anlæg af cykelsti",
        "Beslutning Teknisk Udvalg den 02.05.2023",
        "Anbefales.",
        "Beslutning Byrådet den 24.05.2023",
        "Godkendt.",
      ].join("\n"),
    );
    assert.equal(meeting.items[0]?.sections.decision, "Godkendt.");
    assert.match(meeting.items[0]?.sections.history ?? "", /Anbefales/);
    assert.equal(meeting.items[0]?.outcome, "approved");
    assert.deepEqual(meeting.attendance.present, ["Anne Holm", "Per Lund"]);
  });

  test("an agenda's empty Beslutning placeholders do not make it minutes", () => {
    const meeting = parseText(
      [
        "Dagsorden",
        "Økonomiudvalget",
        "Mødedato: 14.03.2023",
        "Punkt 1: Godkendelse af dagsorden",
        "Sagsnr.: 23/4521",
        "Indstilling",
        "Direktionen indstiller, at Økonomiudvalget godkender dagsordenen.",
        "Beslutning i Økonomiudvalget den 14-03-2023",
        "",
        "Punkt 2: Eventuelt",
        "Beslutning i Økonomiudvalget den 14-03-2023",
      ].join("\n"),
    );
    assert.equal(meeting.kind, "agenda");
    assert.equal(meeting.items[0]?.sections.decision, null);
    assert.equal(meeting.items[0]?.caseNumber, "23/4521");
    assert.equal(meeting.title, "Dagsorden Økonomiudvalget");
  });
});

describe("robustness", () => {
  test("random text built from the parser's own vocabulary never throws", () => {
    const words = [
      "1.",
      "2.",
      "3.1.",
      "715",
      "Punkt",
      "4:",
      "v.",
      "og",
      "Lars",
      "Møller",
      "Beslutning",
      "Referat:",
      "Indstilling",
      "Det indstilles, at",
      "Bilag",
      "./.",
      "Lukket punkt",
      "Sagsnr.:",
      "23/4455",
      "SAG-2016-04709",
      "Side 1 af 3",
      "den 22. januar 2021",
      "kl. 10.00 – 13.00",
      "godkendte",
      "tog orienteringen til efterretning",
      "Radet",
      "\t",
      "|",
      ".....",
      "\n",
      "\n\n",
      "\f",
      "a)",
      "Fraværende:",
      "X for Y",
    ];
    let seed = 11;
    for (let doc = 0; doc < 200; doc++) {
      let text = "";
      const length = 20 + (doc % 300);
      for (let i = 0; i < length; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        text += `${words[seed % words.length]} `;
      }
      const meeting = parseText(text);
      assert.ok(Array.isArray(meeting.items));
    }
  });

  test("time stays linear: a 2 MB document parses in seconds", () => {
    const item = (n: number) =>
      `${n}. Punkt nummer ${n} v. Anne Holm\nSagsnr.: 23/${1000 + n}\nIndstilling\nDet indstilles, at udvalget godkender sagen.\nSagsfremstilling\n${"Teksten fortsætter med flere ord om sagen. ".repeat(40)}\nBeslutning\nGodkendt.\n\n`;
    let text = "Referat\nUdvalget\nMødedato: 01.02.2024\n\n";
    for (let n = 1; text.length < 2_000_000; n++) text += item(n);
    const started = performance.now();
    const meeting = parseText(text);
    const seconds = (performance.now() - started) / 1000;
    assert.ok(meeting.items.length > 500);
    assert.ok(seconds < 10, `took ${seconds.toFixed(1)} s`);
  });
});
