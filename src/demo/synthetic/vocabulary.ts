/**
 * The words of the synthetic corpus: the language of the seed documents (KKR, KD-Net, the regions,
 * education, employment, climate), spelt correctly with æ, ø and å. Lists run from common to rare:
 * the generator picks with a Zipf skew, so the first entries are common and the last ones rare.
 */

export const firstNames = [
  "Anders", "Mette", "Søren", "Jørgen", "Birgitte", "Lærke", "Mads", "Kirsten", "Bjørn", "Hanne",
  "Torben", "Inge", "Poul", "Lise", "Niels", "Karen", "Henrik", "Susanne", "Morten", "Pernille",
  "Rasmus", "Signe", "Kasper", "Camilla", "Thomas", "Charlotte", "Ole", "Bodil", "Gitte", "Frederik",
  "Ida", "Emil", "Sofie", "Mikkel", "Line", "Jesper", "Trine", "Kåre", "Bent", "Grethe", "Steffen",
  "Vibeke", "Åse", "Jens", "Marianne", "Lars", "Tove", "Søs", "Bølle", "Ejnar", "Asger", "Dorthe",
  "Jytte", "Kristoffer", "Malene", "Ulla", "Preben", "Helle", "Erik", "Nanna", "Ærtebjørn",
] as const;

export const lastNames = [
  "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
  "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen",
  "Poulsen", "Johansen", "Møller", "Mortensen", "Østergaard", "Vestergaard", "Nørgaard", "Damgaard",
  "Søndergaard", "Kjærsgaard", "Højbjerg", "Skovgård", "Lykkegaard", "Bækgaard", "Frølund",
  "Kragelund", "Brønnum", "Thyrring", "Bøgelund", "Fyrstenberg", "Holmgård", "Mølgaard", "Æbeltoft",
  "Kløvedal", "Grønbæk", "Løvstrup", "Rødkjær", "Sønderby", "Tværmose", "Ørskov", "Hvidtfeldt",
] as const;

export const positions = [
  "kommunaldirektør", "direktør for børn og unge", "chefkonsulent", "specialkonsulent",
  "borgmester", "regionsrådsformand", "uddannelseschef", "beskæftigelseschef", "sekretariatschef",
  "afdelingschef", "konsulent", "udviklingschef", "kontorchef", "direktør for regional udvikling",
] as const;

export const places = [
  "Aarhus", "Randers", "Silkeborg", "Viborg", "Herning", "Holstebro", "Horsens", "Skive", "Syddjurs",
  "Norddjurs", "Favrskov", "Hedensted", "Ikast-Brande", "Lemvig", "Odder", "Ringkøbing-Skjern",
  "Samsø", "Skanderborg", "Struer", "Midtjylland", "Østjylland", "Vestjylland",
] as const;

/** Kinds of bodies and their names: a name template with {place} or {topic}. */
export const bodyTemplates = [
  { kind: "council", name: "KKR {place}" },
  { kind: "administrative_network", name: "KD-Net {place}" },
  { kind: "committee", name: "Udvalget for {Topic}" },
  { kind: "steering_group", name: "Styregruppen for {topic} i {place}" },
  { kind: "partnership", name: "Partnerskabet om {topic}" },
  { kind: "committee", name: "{Place} Kommunes udvalg for {topic}" },
  { kind: "administrative_network", name: "Netværket for {topic} i {place}" },
  { kind: "political_body", name: "Regionsrådet i {place}" },
] as const;

/** Topics, each with its forms: the stemmer must join uddannelse, uddannelsen and uddannelserne. */
export const topics = [
  ["uddannelse", "uddannelsen", "uddannelserne"],
  ["beskæftigelse", "beskæftigelsen", "beskæftigelsesindsatsen"],
  ["kommunernes økonomi", "kommuneøkonomien", "økonomiaftalen"],
  ["budget", "budgettet", "budgetterne"],
  ["ungeindsatsen", "den kommunale ungeindsats", "ungeindsatserne"],
  ["klimatilpasning", "klimaindsatsen", "klimaplanerne"],
  ["kollektiv trafik", "trafikplanen", "busruterne"],
  ["sundhedsaftalen", "sundhedsområdet", "sundhedsklyngerne"],
  ["digitalisering", "den digitale omstilling", "digitaliseringsstrategien"],
  ["erhvervsudvikling", "erhvervsfremmen", "erhvervshusene"],
  ["praksisplanen", "almen praksis", "lægedækningen"],
  ["ungdomsuddannelserne", "erhvervsuddannelserne", "gymnasierne"],
  ["grøn omstilling", "den grønne omstilling", "energiplanerne"],
  ["arbejdskraft", "rekrutteringen", "manglen på arbejdskraft"],
  ["psykiatrien", "socialpsykiatrien", "psykiatriplanen"],
  ["ældreplejen", "ældreområdet", "plejecentrene"],
  ["folkeskolen", "udskolingen", "skolerne"],
  ["vandplanerne", "vandmiljøet", "vandforsyningen"],
  ["turisme", "turismen", "destinationsselskaberne"],
  ["velfærdsuddannelserne", "SOSU-uddannelserne", "pædagoguddannelsen"],
  ["kystbeskyttelse", "kystsikringen", "stormflodssikringen"],
  ["affaldsplanen", "affaldssorteringen", "genanvendelsen"],
  ["integration", "integrationsindsatsen", "sprogundervisningen"],
  ["kultur", "kulturaftalen", "kulturinstitutionerne"],
  ["infrastruktur", "vejnettet", "jernbanen"],
  ["boligsociale indsatser", "boligområderne", "almene boliger"],
  ["forebyggelse", "forebyggelsesindsatsen", "sundhedsfremme"],
  ["specialundervisning", "specialområdet", "inklusionen"],
  ["landdistrikter", "landdistriktspolitikken", "landsbyerne"],
  ["STEM-kompetencer", "naturfagene", "teknologiforståelse"],
] as const;

/** What an item is about, as its title says it: {topic} is a topic form, {year} a year. */
export const titleTemplates = [
  "Orientering om {topic}",
  "Godkendelse af {topic} {year}",
  "Status på {topic}",
  "Drøftelse af {topic}",
  "{Topic}: status og næste skridt",
  "Budget {year} for {topic}",
  "Høring om {topic}",
  "Udpegning til styregruppen for {topic}",
  "Evaluering af {topic} {year}",
  "Samarbejde om {topic} mellem kommuner og region",
  "Handleplan for {topic}",
  "Forslag til strategi for {topic} {year}-{year2}",
  "Regnskab {year} for {topic}",
  "Temadrøftelse: {topic} og {topic2}",
  "Meddelelser",
  "Eventuelt",
  "Godkendelse af dagsorden",
  "Godkendelse af referat fra sidste møde",
  "Mødeplan for {year}",
  "Ansøgning om midler til {topic}",
] as const;

const common = [
  "Kommunerne og regionen har et tæt samarbejde om {topic}, og borgerne skal opleve en sammenhængende indsats.",
  "Sagen handler om {topic}, som kommunerne i {place} har arbejdet med siden {year}.",
  "Der er fortsat behov for at styrke {topic}, så flere unge kommer i uddannelse eller beskæftigelse.",
  "Borgere i alle kommuner skal have lige adgang til {topic}, uanset hvor de bor.",
  "Kommunen har ansvaret for {topic}, mens regionen har ansvaret for {topic2}.",
  "{Body} drøftede på sidste møde {topic} og bad sekretariatet om et oplæg.",
  "Oplægget bygger på erfaringerne fra {place}, hvor {topic} er afprøvet i praksis.",
  "Der lægges op til, at samarbejdet om {topic} fortsætter i de nuværende strukturer.",
  "Formålet er at sikre et langsigtet fokus på {topic} og på de unges søgning mod uddannelser med forventet mangel på arbejdskraft.",
  "Indsatsen koordineres på tværs af kommunerne, og KKR følger udviklingen tæt.",
  "Det forventes, at {topic} vil stå højt på dagsordenen i de kommende år.",
  "Tallene viser, at {percent} procent af de unge i {place} har gennemført en ungdomsuddannelse.",
  "Der er i {year} afsat {amount} mio. kr. til {topic}.",
  "Sekretariatet har udarbejdet et notat om {topic}, som er vedlagt.",
  "Kommunaldirektørerne anbefaler, at arbejdet med {topic} prioriteres.",
  "Det er vigtigt, at borgerne inddrages tidligt i arbejdet med {topic}.",
  "Regionsrådet har nedsat en arbejdsgruppe, der skal se på {topic} og {topic2}.",
  "Punktet indledes af {person}, {position}.",
  "{Person} orienterer om status på {topic}.",
  "Der henvises til bilag om {topic} og til tidligere drøftelser i {body}.",
  "Kommunerne er repræsenteret på administrativt niveau, og {body} træffer beslutning på næste møde.",
  "Aftalen om {topic} løber til udgangen af {year2}.",
  "Der er enighed om, at dialogen mellem kommuner og region skal styrkes på de områder, hvor der er fælles interesser.",
  "Den videre proces aftales med {place} Kommune og de øvrige kommuner.",
  "Uddannelserne skal i højere grad målrettes de kompetencer, som virksomhederne efterspørger.",
] as const;

const rare = [
  "Der henvises desuden til {rare} og {rare2}.",
  "I den forbindelse er {rare} særligt relevant.",
  "Sekretariatet har undersøgt {rare} nærmere.",
  "Bilaget beskriver også {rare} i {place}.",
] as const;

export const sentenceTemplates = { common, rare } as const;

export const recommendationTemplates = [
  "Det indstilles, at {body} godkender oplægget om {topic}.",
  "Det indstilles, at {body} tager orienteringen om {topic} til efterretning.",
  "Det indstilles, at {body} drøfter {topic} og giver input til det videre arbejde.",
  "Det indstilles, at {body} anbefaler, at kommunerne tilslutter sig aftalen om {topic}.",
  "Det indstilles, at {body} udpeger {person} som repræsentant i styregruppen for {topic}.",
  "Det indstilles, at {body} godkender budgettet for {topic} på {amount} mio. kr.",
] as const;

export const financeTemplates = [
  "Sagen har ingen økonomiske konsekvenser.",
  "Udgiften på {amount} mio. kr. afholdes inden for den eksisterende ramme.",
  "Kommunerne betaler et bidrag på {amount} kr. pr. indbygger i {year}.",
  "Finansieringen sker via puljen til {topic}, hvor der er {amount} mio. kr. tilbage.",
] as const;

/** Decisions, by outcome: what the minutes record. */
export const decisionTemplates = {
  approved: ["Godkendt.", "Indstillingen blev godkendt.", "{Body} godkendte oplægget om {topic}."],
  approved_with_changes: [
    "Godkendt med den ændring, at {topic} også omfatter {topic2}.",
    "Indstillingen blev godkendt med bemærkninger fra {person}.",
  ],
  noted: ["Taget til efterretning.", "Orienteringen om {topic} blev taget til efterretning."],
  discussed: [
    "Drøftet. {Body} ønsker en ny drøftelse af {topic} i {year}.",
    "Punktet blev drøftet, og {person} samler op på bemærkningerne.",
  ],
  recommended_onward: ["Indstillingen anbefales over for {body}.", "Sagen sendes videre til {body}."],
  postponed: ["Udsat til næste møde.", "Punktet blev udsat, da {person} var forhindret."],
  rejected: ["Indstillingen blev ikke godkendt.", "Forslaget om {topic} blev afvist."],
  none: ["Intet at bemærke."],
} as const;

export const attachmentNames = [
  "Notat om {topic}.pdf",
  "Bilag {n} - {topic}.pdf",
  "Oplæg om {topic}.docx",
  "Evaluering af {topic} {year}.pdf",
  "Tidsplan {year}.pdf",
  "Høringssvar om {topic}.pdf",
] as const;

/** Rare, long words of the domain; the seed documents add their own words after these. */
export const rareWords = [
  "erhvervskompetencegivende", "vandteknologi", "kompetenceudviklingsforløb", "stormflodssikring",
  "brobygningsforløb", "realkompetencevurdering", "forberedende grunduddannelse", "mentorordning",
  "ressourceforløbsydelse", "kapacitetsudnyttelse", "praktikpladsgaranti", "voksenlærlingeordning",
  "uddannelsesparathedsvurdering", "akutberedskab", "klyngesamarbejde", "geotermi", "biogasanlæg",
  "skybrudssikring", "landzonetilladelse", "frikommuneforsøg",
] as const;
