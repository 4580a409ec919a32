// The demo world: organisations, people, appointments and the 2021 calendars stated in the seed
// documents (../../../shared/seeds, listed in their README). These are real public officials, so
// every record holds only what a document states, and `source` says where ("001 item 18" = seed
// 001_fc010784cd8fe213.txt, agenda item 18). Where a document is silent (an employer, a title, a
// date, a time) the field is null and, where useful, `note` says why.
//
// Deliberately absent: the meetings of 22 January 2021 (seed 001) and 22 November 2016 (seed 002)
// and their agenda items. They join the record through the importer, not by hand.

/** Kinds of organisation, as in the record (issue 2, item 3). */
export type OrganizationKind =
  | "political_body"
  | "administrative_network"
  | "steering_group"
  | "committee"
  | "council"
  | "partnership"
  | "municipality"
  | "region"
  | "external";

/** Roles of a membership (udpegning). */
export type MembershipRole = "chair" | "vice_chair" | "member" | "substitute" | "observer" | "secretariat";

/** An organisation: a body that meets, or an organisation members come from or represent. */
interface DemoOrganization {
  key: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  parentKey: string | null;
  website: string | null;
  source: string;
  /** First day of activity (yyyy-mm-dd), only when a document states it. */
  activeFrom?: string | null;
  /** Last day of activity (yyyy-mm-dd), only when a document states or directly implies it. */
  activeTo?: string | null;
  /** Why a field is empty or how a choice was made; never shown as fact. */
  note?: string;
}

/** One line of a person's working history: a position at an organisation, for a period. */
interface DemoAffiliation {
  position: string | null;
  organizationKey: string | null;
  startDate: string | null;
  endDate: string | null;
  source: string;
  note?: string;
}

interface DemoPerson {
  key: string;
  name: string;
  title: string | null;
  affiliations: DemoAffiliation[];
  source: string;
  note?: string;
}

/** The agenda item that decided a membership, for linking once the importer has brought the meeting in. */
interface DemoDecisionRef {
  organizationKey: string;
  /** Date of the meeting (yyyy-mm-dd). */
  meetingDate: string;
  /** Item number as the body numbers it ("18", "3.1"). */
  itemNumber: string;
}

export interface DemoMembership {
  personKey: string;
  organizationKey: string;
  role: MembershipRole;
  onBehalfOfKey: string | null;
  /** yyyy-mm-dd, inclusive; null when no document gives or implies it. */
  startDate: string | null;
  /** yyyy-mm-dd, inclusive; null when open or not stated. */
  endDate: string | null;
  /** For substitutes: the member they stand in for. */
  principalPersonKey: string | null;
  source: string;
  decidedBy?: DemoDecisionRef;
  note?: string;
}

/** A valgperiode. organizationKey null: the term applies to every municipal and regional body. */
interface DemoLegislativeTerm {
  key: string;
  organizationKey: string | null;
  name: string;
  startDate: string;
  endDate: string;
  source: string;
  note?: string;
}

interface DemoMeeting {
  organizationKey: string;
  title: string;
  /** Local Danish wall-clock time "yyyy-mm-ddThh:mm"; the loader attaches Europe/Copenhagen. */
  start: string;
  end: string | null;
  location: string | null;
  source: string;
  /** Stable key for idempotent loading. */
  key?: string;
  /**
   * True when the document gives the date only. `start` is then local midnight ("T00:00") and
   * `end` null: show the date, not a time.
   */
  allDay?: boolean;
  note?: string;
}

/** A calendar line of 001 item 20 that is not loaded as a meeting, and why. */
interface DemoUnplacedCalendarEntry {
  text: string;
  date: string | null;
  reason: string;
  source: string;
}

const municipality = (key: string, place: string, source: string): DemoOrganization => ({
  key,
  name: `${place} Kommune`,
  shortName: place,
  kind: "municipality",
  parentKey: null,
  website: null,
  source,
});

export const organizations: readonly DemoOrganization[] = [
  // The cooperation bodies of the municipalities in the region.
  {
    key: "kkr-midtjylland",
    name: "KKR Midtjylland",
    shortName: "KKR",
    kind: "political_body",
    parentKey: "kl",
    website: null,
    source: "001 items 3, 7, 9, 19, 20; 002 (cover)",
    note: "Parent KL: seed 002 (a KKR Midtjylland agenda) carries KL's mission and vision, and KL's text in 002 item 3.3 has its cases 'drøftes i de fem KKR'.",
  },
  {
    key: "kkr-midtjylland-formandskab",
    name: "KKR Midtjyllands formandskab",
    shortName: "KKR formandskabet",
    kind: "committee",
    parentKey: "kkr-midtjylland",
    website: null,
    source: "001 items 8, 11, 12; 002 item 2.1",
  },
  {
    key: "kkr-midtjylland-uddannelsesudvalg",
    name: "Uddannelsesudvalget under KKR Midtjylland",
    shortName: "Uddannelsesudvalget",
    kind: "committee",
    parentKey: "kkr-midtjylland",
    website: null,
    source: "001 items 10, 11",
  },
  {
    key: "kd-net",
    name: "Kommunaldirektørnetværket i den midtjyske region",
    shortName: "KD-Net",
    kind: "administrative_network",
    parentKey: null,
    website: "https://www.kd-net.dk",
    source: "001 heading, item 1 ('KD-Nets hjemmeside på www.kd-net.dk')",
  },
  {
    key: "dk2020-styregruppe",
    name: "Administrativ styregruppe for DK2020",
    shortName: null,
    kind: "steering_group",
    parentKey: "kd-net",
    website: null,
    source: "001 item 4",
    note: "Parent KD-Net: KD-Net approves its kommissorium and gives its chair a mandate (001 item 4).",
  },
  {
    key: "dassos",
    name: "DASSOS",
    shortName: "DASSOS",
    kind: "steering_group",
    parentKey: null,
    website: null,
    source: "001 item 17; 002 items 3.1-3.4 ('Den administrative styregruppe (DASSOS)')",
    note: "The seeds do not spell out the abbreviation.",
  },
  {
    key: "kosu",
    name: "KOSU",
    shortName: "KOSU",
    kind: "steering_group",
    parentKey: null,
    website: null,
    source: "001 items 13, 17",
    note: "The seeds do not spell out the abbreviation; kind from 001 item 17, which treats KOSU and DASSOS as styregrupper with formandskaber.",
  },
  {
    key: "dks",
    name: "DKS",
    shortName: "DKS",
    kind: "administrative_network",
    parentKey: null,
    website: null,
    source: "001 item 17 ('direktørerne i DASSOS og DKS')",
    note: "The seeds do not spell out the abbreviation or say what kind of body DKS is; administrative_network because 001 item 17 speaks of its directors.",
  },
  {
    key: "uddannelsesstyregruppen",
    name: "Uddannelsesstyregruppen",
    shortName: null,
    kind: "steering_group",
    parentKey: null,
    website: null,
    source: "001 items 10, 12, 18",
  },
  {
    key: "kultur-landdistrikter-styregruppe",
    name: "Styregruppen for Kulturens betydning for bæredygtig udvikling i Landdistrikter",
    shortName: null,
    kind: "steering_group",
    parentKey: null,
    website: null,
    source: "001 item 18",
  },
  {
    key: "erhvervsfremme-styregruppe",
    name: "Den administrative styregruppe på erhvervsfremmeområdet",
    shortName: null,
    kind: "steering_group",
    parentKey: null,
    website: null,
    source: "001 item 7",
  },
  {
    key: "trafikstyregruppen",
    name: "Trafikstyregruppen",
    shortName: null,
    kind: "steering_group",
    parentKey: null,
    website: null,
    source: "001 item 6",
  },
  {
    key: "sundhedsstyregruppen",
    name: "Sundhedsstyregruppen",
    shortName: null,
    kind: "steering_group",
    parentKey: null,
    website: null,
    source: "001 item 14",
  },
  {
    key: "sundhedskoordinationsudvalget",
    name: "Sundhedskoordinationsudvalget",
    shortName: null,
    kind: "committee",
    parentKey: null,
    website: null,
    source: "001 item 14; 002 item 3.5",
  },
  {
    key: "praksisplanudvalget",
    name: "Praksisplanudvalget",
    shortName: null,
    kind: "committee",
    parentKey: null,
    website: null,
    source: "002 item 3.5",
    note: "002 item 3.5: three representatives of PLO Midtjylland, three of Regionsrådet and five municipal representatives appointed by KKR Midtjylland (not named).",
  },
  {
    key: "kontaktudvalget",
    name: "Kontaktudvalget",
    shortName: null,
    kind: "committee",
    parentKey: null,
    website: null,
    source: "001 item 20; 002 item 2.1",
  },
  {
    key: "kvartalsmoederne",
    name: "Kvartalsmøderne",
    shortName: null,
    kind: "committee",
    parentKey: null,
    website: null,
    source: "001 item 20; 000 ('via KD-Net eller kvartalsmøderne')",
    note: "A forum the seeds name but do not describe: who meets is not stated. Kept as an organisation so the kvartalsmøder of 001 item 20 have a body.",
  },
  {
    key: "dialogforum-midtjylland",
    name: "Dialogforum Midtjylland",
    shortName: null,
    kind: "committee",
    parentKey: null,
    website: null,
    source: "002 item 3.2",
  },
  {
    key: "hjerterkommidt-foelgegruppe",
    name: "Følgegruppen for HjerterKomMidt",
    shortName: null,
    kind: "committee",
    parentKey: null,
    website: null,
    source: "001 item 13",
    note: "001 spells the name both HjerteKomMidt and HjerterKomMidt; the item text uses HjerterKomMidt.",
  },
  {
    key: "govtech-midtjylland",
    name: "GovTech Midtjylland",
    shortName: null,
    kind: "partnership",
    parentKey: null,
    website: null,
    source: "001 item 16",
    activeFrom: "2021-01-01",
    activeTo: "2023-12-31",
    note: "001 item 16: started 1 January 2021, launched by KD-Net 'for en 3 årig periode' (16 municipalities and Region Midtjylland); the end date is that period's last day.",
  },
  {
    key: "govtech-midtjylland-styregruppe",
    name: "Den strategiske styregruppe for GovTech Midtjylland",
    shortName: null,
    kind: "steering_group",
    parentKey: "govtech-midtjylland",
    website: null,
    source: "001 item 16",
  },
  {
    key: "tobaksfri-partnerskab",
    name: "Partnerskab for tobaksfri ungdomsuddannelser",
    shortName: null,
    kind: "partnership",
    parentKey: null,
    website: null,
    source: "001 item 14",
  },
  {
    key: "tobaksfri-partnerskab-styregruppe",
    name: "Administrativ styregruppe for Partnerskab for tobaksfri ungdomsuddannelser",
    shortName: null,
    kind: "steering_group",
    parentKey: "tobaksfri-partnerskab",
    website: null,
    source: "001 item 14 ('Der er nedsat en administrativ styregruppe')",
  },
  {
    key: "vestalliancen",
    name: "Vestalliancen",
    shortName: null,
    kind: "partnership",
    parentKey: null,
    website: null,
    source: "002 item 3.7",
    note: "002 item 3.7: a cooperation since 2015 of the eight western municipalities (not named).",
  },
  {
    key: "faelleskommunalt-klimasekretariat",
    name: "Fælleskommunalt Klimasekretariat i Midtjylland",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 item 4",
    note: "Aarhus Kommune is its host municipality (værtskommune), 001 item 4.",
  },

  // The region and its bodies.
  {
    key: "region-midtjylland",
    name: "Region Midtjylland",
    shortName: "Region Midt",
    kind: "region",
    parentKey: null,
    website: "https://www.rm.dk",
    source: "001 items 4-6, 9, 12, 15 (item 6 attachment 'Region Midtjylland (rm.dk)')",
  },
  {
    key: "regionsraadet",
    name: "Regionsrådet i Region Midtjylland",
    shortName: "Regionsrådet",
    kind: "political_body",
    parentKey: "region-midtjylland",
    website: null,
    source: "001 item 6; 000; 002 item 3.5",
  },
  {
    key: "raadet-for-fremtidens-kompetencer",
    name: "Rådet for Fremtidens Kompetencer",
    shortName: null,
    kind: "council",
    parentKey: "regionsraadet",
    website: null,
    source: "001 items 15, 18; 000 ('Regionsrådet har desuden nedsat Rådet for Fremtidens Kompetencer')",
  },
  {
    key: "sprogudvalget",
    name: "Det regionale sprogudvalg",
    shortName: "Sprogudvalget",
    kind: "committee",
    parentKey: "raadet-for-fremtidens-kompetencer",
    website: null,
    source: "001 item 15 ('Rådet for Fremtidens Kompetencer har nedsat et sprogudvalg')",
  },

  // The 19 municipalities of Region Midtjylland (001 item 8: 'regionens 19 kommuner').
  municipality("favrskov", "Favrskov", "001 items 4, 6, 18"),
  municipality("hedensted", "Hedensted", "001 item 4"),
  municipality("herning", "Herning", "001 item 4; 002 item 3.1"),
  municipality("holstebro", "Holstebro", "001 items 11, 18"),
  municipality("horsens", "Horsens", "001 items 4, 11"),
  municipality("ikast-brande", "Ikast-Brande", "001 item 6"),
  municipality("lemvig", "Lemvig", "001 item 4"),
  municipality("norddjurs", "Norddjurs", "001 item 6"),
  municipality("odder", "Odder", "001 items 4, 6"),
  municipality("randers", "Randers", "001 items 4, 11"),
  municipality("ringkoebing-skjern", "Ringkøbing-Skjern", "001 items 4, 8"),
  municipality("samsoe", "Samsø", "001 item 4"),
  municipality("silkeborg", "Silkeborg", "001 item 8 (19 kommuner); 004 (list of related documents)"),
  municipality("skanderborg", "Skanderborg", "001 item 6"),
  municipality("skive", "Skive", "001 items 4, 8"),
  municipality("struer", "Struer", "001 item 4"),
  municipality("syddjurs", "Syddjurs", "001 items 1, 4, 6"),
  municipality("viborg", "Viborg", "001 items 4, 11"),
  municipality("aarhus", "Aarhus", "001 items 4, 11; 002 item 3.1"),

  // KL and its bodies.
  {
    key: "kl",
    name: "KL",
    shortName: "KL",
    kind: "external",
    parentKey: null,
    website: "https://www.kl.dk",
    source: "002 (cover, items 3.3, 3.6); 003 (letterhead, www.kl.dk); 004",
  },
  {
    key: "kl-bestyrelse",
    name: "KL's bestyrelse",
    shortName: null,
    kind: "political_body",
    parentKey: "kl",
    website: null,
    source: "002 item 3.3",
  },
  {
    key: "kl-social-og-sundhedsudvalg",
    name: "KL's Social- og Sundhedsudvalg",
    shortName: null,
    kind: "committee",
    parentKey: "kl",
    website: null,
    source: "002 item 3.3",
  },
  {
    key: "kl-arbejdsmarkeds-og-erhvervsudvalg",
    name: "KL's Arbejdsmarkeds- og Erhvervsudvalg",
    shortName: null,
    kind: "committee",
    parentKey: "kl",
    website: null,
    source: "002 item 3.3",
  },
  {
    key: "klk",
    name: "KL's Konsulentvirksomhed",
    shortName: "KLK",
    kind: "external",
    parentKey: "kl",
    website: null,
    source: "004 section 5",
  },
  {
    key: "kkr-syddanmark",
    name: "KKR Syddanmark",
    shortName: null,
    kind: "political_body",
    parentKey: "kl",
    website: null,
    source: "001 item 8",
  },
  {
    key: "kl-partnerskab-unge-2024",
    name: "Partnerskab om styrket samarbejde om unge",
    shortName: null,
    kind: "partnership",
    parentKey: null,
    website: null,
    source: "003",
    note: "Offered by KL with Børne- og Undervisningsministeriet (003, SAG-2024-02765).",
  },
  {
    key: "kl-partnerskab-unge-2024-foelgegruppe",
    name: "Følgegruppe for Partnerskab om styrket samarbejde om unge",
    shortName: null,
    kind: "committee",
    parentKey: "kl-partnerskab-unge-2024",
    website: null,
    source: "003 ('Til partnerskabet tilknyttes en følgegruppe')",
  },
  {
    key: "kl-partnerskab-kui-2018",
    name: "Partnerskab om en ny sammenhængende kommunal ungeindsats",
    shortName: null,
    kind: "partnership",
    parentKey: null,
    website: null,
    source: "004",
    note: "Offered by KL (004); project period November 2018 to end of 2019.",
  },

  // Other organisations the seeds name.
  {
    key: "via",
    name: "VIA University College",
    shortName: "VIA",
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 items 10-12; 000; 002 item 2.1",
  },
  {
    key: "via-bestyrelse",
    name: "VIA's bestyrelse",
    shortName: null,
    kind: "committee",
    parentKey: "via",
    website: null,
    source: "002 item 2.1",
  },
  {
    key: "midttrafik",
    name: "Midttrafik",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 item 6",
  },
  {
    key: "midttrafik-repraesentantskab",
    name: "Midttrafiks Repræsentantskab",
    shortName: "Repræsentantskabet",
    kind: "council",
    parentKey: "midttrafik",
    website: null,
    source: "001 item 6",
  },
  {
    key: "midttrafik-bestyrelse",
    name: "Midttrafiks bestyrelse",
    shortName: null,
    kind: "committee",
    parentKey: "midttrafik",
    website: null,
    source: "001 item 6",
  },
  {
    key: "erhvervshus-midtjylland",
    name: "Erhvervshus Midtjylland",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 items 7, 8, 19",
  },
  {
    key: "erhvervshus-midtjylland-bestyrelse",
    name: "Erhvervshus Midtjyllands bestyrelse",
    shortName: null,
    kind: "committee",
    parentKey: "erhvervshus-midtjylland",
    website: null,
    source: "001 item 8",
  },
  {
    key: "erhvervshus-midtjylland-baggrundsgruppe",
    name: "Baggrundsgruppen bag Erhvervshus Midtjyllands bestyrelse",
    shortName: null,
    kind: "committee",
    parentKey: "erhvervshus-midtjylland-bestyrelse",
    website: null,
    source: "001 item 8",
  },
  {
    key: "danmarks-erhvervsfremmebestyrelse",
    name: "Danmarks Erhvervsfremmebestyrelse",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 item 8",
  },
  {
    key: "rar-oestjylland",
    name: "Det Regionale Arbejdsmarkedsråd Østjylland",
    shortName: "RAR Østjylland",
    kind: "council",
    parentKey: null,
    website: null,
    source: "001 item 9 ('De Regionale Arbejdsmarkedsråd (RAR) i Østjylland og Vestjylland'); 002 item 3.7",
  },
  {
    key: "rar-vestjylland",
    name: "Det Regionale Arbejdsmarkedsråd Vestjylland",
    shortName: "RAR Vestjylland",
    kind: "council",
    parentKey: null,
    website: null,
    source: "001 item 9 ('De Regionale Arbejdsmarkedsråd (RAR) i Østjylland og Vestjylland'); 002 item 3.7",
  },
  {
    key: "star",
    name: "STAR",
    shortName: "STAR",
    kind: "external",
    parentKey: null,
    website: null,
    source: "002 item 3.7",
    note: "The seeds do not spell out the abbreviation.",
  },
  {
    key: "star-nord",
    name: "STAR Nord",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 item 10",
    note: "No parent: the seeds do not state how STAR Nord relates to STAR.",
  },
  {
    key: "sosu-skolerne",
    name: "SOSU-skolerne",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 item 10",
    note: "The SOSU schools of the region taken together, as 001 item 10 names them.",
  },
  {
    key: "uddannelses-og-forskningsministeriet",
    name: "Uddannelses- og forskningsministeriet",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 item 12",
  },
  {
    key: "undervisningsministeriet",
    name: "Undervisningsministeriet",
    shortName: "UVM",
    kind: "external",
    parentKey: null,
    website: null,
    source: "004",
  },
  {
    key: "boerne-og-undervisningsministeriet",
    name: "Børne- og Undervisningsministeriet",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "003",
  },
  {
    key: "erhvervsstyrelsen",
    name: "Erhvervsstyrelsen",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "002 item 3.8",
  },
  {
    key: "vaeksthus-midtjylland",
    name: "Væksthus Midtjylland",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "002 item 3.8",
  },
  {
    key: "vaekstforum-midtjylland",
    name: "Vækstforum Midtjylland",
    shortName: null,
    kind: "council",
    parentKey: null,
    website: null,
    source: "002 item 3.8",
  },
  {
    key: "boernehus-midtjylland",
    name: "Børnehus Midtjylland",
    shortName: "Børnehus Midt",
    kind: "external",
    parentKey: null,
    website: null,
    source: "002 item 3.1",
    note: "002 item 3.1: established 2013 with Aarhus Kommune as driftskommune; located in Aarhus and Herning.",
  },
  {
    key: "plo",
    name: "PLO",
    shortName: "PLO",
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 item 5",
  },
  {
    key: "plo-midtjylland",
    name: "PLO Midtjylland",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "002 item 3.5",
    note: "No parent: the seeds do not state the relation to PLO.",
  },
  {
    key: "concito",
    name: "CONCITO",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 item 4",
  },
  {
    key: "c40",
    name: "C40",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 item 4 ('C40 byernes Climate Action Planning Framework')",
  },
  {
    key: "kraeftens-bekaempelse",
    name: "Kræftens Bekæmpelse",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 item 14",
  },
  {
    key: "realize",
    name: "Realize",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 item 9",
  },
  {
    key: "water-valley-denmark",
    name: "Water Valley Denmark",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 item 8",
    note: "001 also spells it 'Water Vally'.",
  },
  {
    key: "klimatorium",
    name: "Klimatorium",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "001 item 8",
  },
  {
    key: "dh",
    name: "DH",
    shortName: "DH",
    kind: "external",
    parentKey: null,
    website: null,
    source: "002 item 3.3",
    note: "The seeds do not spell out the abbreviation.",
  },
  {
    key: "fgu-danmark",
    name: "FGU Danmark",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "003",
  },
  {
    key: "modstroem",
    name: "Modstrøm",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "003",
  },
  {
    key: "autisme-ungdom",
    name: "Autisme Ungdom",
    shortName: null,
    kind: "external",
    parentKey: null,
    website: null,
    source: "003",
  },
];

export const people: readonly DemoPerson[] = [
  {
    key: "jesper-kaas-schmidt",
    name: "Jesper Kaas Schmidt",
    title: null,
    affiliations: [],
    source: "001 items 1, 3-9, 15",
    note: "Presides over the KD-Net meeting of 22 January 2021 (welcomes, sums up, concludes), but 001 never calls him formand nor names his employer, so no position and no chair seat are recorded.",
  },
  {
    key: "rasmus-moller",
    name: "Rasmus Møller",
    title: "kommunaldirektør",
    affiliations: [
      {
        position: null,
        organizationKey: "favrskov",
        startDate: null,
        endDate: null,
        source: "001 item 18 ('Rasmus Møller er stoppet i Favrskov Kommune')",
        note: "Left before 22 January 2021; 001 gives neither his position there nor the date he left.",
      },
      {
        position: "kommunaldirektør",
        organizationKey: "syddjurs",
        startDate: null,
        endDate: null,
        source: "001 item 1 ('ny kommunaldirektør i Syddjurs Kommune')",
        note: "New in the post by 22 January 2021; the start date is not stated.",
      },
    ],
    source: "001 items 1, 6, 15, 18",
  },
  {
    key: "hans-minor-vedel",
    name: "Hans Minor Vedel",
    title: null,
    affiliations: [],
    source: "001 item 18",
    note: "001 item 18 says Favrskov Kommune nominates him; it does not say he works there or in what position, so no affiliation is recorded (his seats are on behalf of Favrskov Kommune).",
  },
  {
    key: "lisbeth-gormsen",
    name: "Lisbeth Gormsen",
    title: null,
    affiliations: [
      {
        position: null,
        organizationKey: "holstebro",
        startDate: null,
        endDate: "2020-12-31",
        source: "001 item 18 ('stoppet i Holstebro Kommune pr. den 31. december 2020')",
      },
    ],
    source: "001 item 18",
  },
  {
    key: "henrik-schou-zacho",
    name: "Henrik Schou Zacho",
    title: "Kultur og Fritidschef",
    affiliations: [
      {
        position: "Kultur og Fritidschef",
        organizationKey: null,
        startDate: null,
        endDate: null,
        source: "001 item 18",
        note: "001 item 18 gives his title and says Holstebro Kommune nominates him; it does not name his employer.",
      },
    ],
    source: "001 item 18",
  },
  {
    key: "thomas-lindberg",
    name: "Thomas Lindberg",
    title: "konstitueret kommunaldirektør",
    affiliations: [
      {
        position: "konstitueret kommunaldirektør",
        organizationKey: "skive",
        startDate: null,
        endDate: null,
        source: "001 item 4 ('konstitueret kommunaldirektør i Skive Kommune Thomas Lindberg')",
      },
    ],
    source: "001 item 4",
  },
  {
    key: "kim-kofod-hansen",
    name: "Kim Kofod Hansen",
    title: "Udviklingsdirektør",
    affiliations: [
      {
        position: "Udviklingsdirektør",
        organizationKey: "region-midtjylland",
        startDate: null,
        endDate: null,
        source: "001 item 4 ('Udviklingsdirektør i Region Midt, Kim Kofod Hansen')",
      },
    ],
    source: "001 item 4",
  },
  {
    key: "claus-wistoft",
    name: "Claus Wistoft",
    title: "formand for Midttrafiks bestyrelse",
    affiliations: [],
    source: "001 item 6 ('Claus Wistoft fmd. for Midttrafiks bestyrelse')",
  },
  {
    key: "pernille-blach-hansen",
    name: "Pernille Blach Hansen",
    title: null,
    affiliations: [],
    source: "001 items 5, 6, 8, 9, 12, 15",
    note: "Speaks for Region Midtjylland in 001, but her position and employer are not stated.",
  },
  {
    key: "flemming-storgaard",
    name: "Flemming Storgaard",
    title: null,
    affiliations: [],
    source: "001 items 5, 13, 14, 17",
  },
  {
    key: "lars-moller",
    name: "Lars Møller",
    title: null,
    affiliations: [],
    source: "001 items 7, 8, 10, 11, 12",
  },
  {
    key: "jan-kallestrup",
    name: "Jan Kallestrup",
    title: null,
    affiliations: [],
    source: "001 items 7, 8",
  },
  {
    key: "lars-keld-hansen",
    name: "Lars Keld Hansen",
    title: null,
    affiliations: [],
    source: "001 item 4",
  },
  {
    key: "lasse-jakobsen",
    name: "Lasse Jakobsen",
    title: null,
    affiliations: [],
    source: "001 item 6",
  },
  {
    key: "lone-lyrskov",
    name: "Lone Lyrskov",
    title: null,
    affiliations: [],
    source: "001 item 6",
  },
  {
    key: "jens-peter-hegelund-jensen",
    name: "Jens Peter Hegelund Jensen",
    title: null,
    affiliations: [],
    source: "001 item 8",
    note: "Speaks of Ringkøbing-Skjern's Digital Lab, but 001 does not say where he works.",
  },
  {
    key: "erik-hattens",
    name: "Erik Hattens",
    title: null,
    affiliations: [],
    source: "001 item 9",
  },
  {
    key: "lars-clement",
    name: "Lars Clement",
    title: null,
    affiliations: [],
    source: "001 item 11",
  },
  {
    key: "jesper-thyrring-moller",
    name: "Jesper Thyrring Møller",
    title: null,
    affiliations: [],
    source: "001 items 16, 17",
  },
];

/** Appointments decided at KD-Net's meeting of 22 January 2021, item 18. */
const kdNetItem18: DemoDecisionRef = {
  organizationKey: "kd-net",
  meetingDate: "2021-01-22",
  itemNumber: "18",
};

export const memberships: readonly DemoMembership[] = [
  // 001 item 18: Rasmus Møller's seats pass to Hans Minor Vedel.
  {
    personKey: "rasmus-moller",
    organizationKey: "uddannelsesstyregruppen",
    role: "member",
    onBehalfOfKey: "favrskov",
    startDate: null,
    endDate: "2021-01-21",
    principalPersonKey: null,
    source: "001 item 18",
    note: "001 gives no date for his leaving Favrskov; the seat is held to the day before KD-Net appointed his successor (22 January 2021). On behalf of Favrskov: the seat is Favrskov Kommune's to fill.",
  },
  {
    personKey: "hans-minor-vedel",
    organizationKey: "uddannelsesstyregruppen",
    role: "member",
    onBehalfOfKey: "favrskov",
    startDate: "2021-01-22",
    endDate: "2021-12-31",
    principalPersonKey: null,
    source: "001 item 18 ('Udpegningen er gældende for resten af denne valgperiode')",
    decidedBy: kdNetItem18,
    note: "Starts on the day KD-Net approved the appointment; ends with the valgperiode 2018-2021.",
  },
  {
    personKey: "rasmus-moller",
    organizationKey: "raadet-for-fremtidens-kompetencer",
    role: "member",
    onBehalfOfKey: "favrskov",
    startDate: null,
    endDate: "2021-01-21",
    principalPersonKey: null,
    source: "001 items 15 ('én af kommunernes repræsentant i Rådet for Fremtidens Kompetencer'), 18",
    note: "As for Uddannelsesstyregruppen: held to the day before his successor's appointment.",
  },
  {
    personKey: "hans-minor-vedel",
    organizationKey: "raadet-for-fremtidens-kompetencer",
    role: "member",
    onBehalfOfKey: "favrskov",
    startDate: "2021-01-22",
    endDate: null,
    principalPersonKey: null,
    source: "001 item 18",
    decidedBy: kdNetItem18,
    note: "No period is stated for this seat (unlike Uddannelsesstyregruppen), so no end date.",
  },
  // 001 item 18: Lisbeth Gormsen's seat passes to Henrik Schou Zacho.
  {
    personKey: "lisbeth-gormsen",
    organizationKey: "kultur-landdistrikter-styregruppe",
    role: "member",
    onBehalfOfKey: "holstebro",
    startDate: null,
    endDate: "2020-12-31",
    principalPersonKey: null,
    source: "001 item 18 ('stoppet i Holstebro Kommune pr. den 31. december 2020')",
  },
  {
    personKey: "henrik-schou-zacho",
    organizationKey: "kultur-landdistrikter-styregruppe",
    role: "member",
    onBehalfOfKey: "holstebro",
    startDate: "2021-01-22",
    endDate: null,
    principalPersonKey: null,
    source: "001 item 18",
    decidedBy: kdNetItem18,
    note: "No period is stated, so no end date.",
  },
  // KD-Net: the municipal directors 001 identifies as such.
  {
    personKey: "rasmus-moller",
    organizationKey: "kd-net",
    role: "member",
    onBehalfOfKey: "syddjurs",
    startDate: null,
    endDate: null,
    principalPersonKey: null,
    source:
      "001 item 1 (welcomed as 'ny kommunaldirektør i Syddjurs Kommune'); participants: 'Kommunaldirektørerne i den midtjyske region'",
  },
  {
    personKey: "thomas-lindberg",
    organizationKey: "kd-net",
    role: "member",
    onBehalfOfKey: "skive",
    startDate: null,
    endDate: null,
    principalPersonKey: null,
    source: "001 item 4 ('konstitueret kommunaldirektør i Skive Kommune'); participants",
    note: "Acting (konstitueret) municipal director.",
  },
  // Other seats 001 states.
  {
    personKey: "thomas-lindberg",
    organizationKey: "dk2020-styregruppe",
    role: "chair",
    onBehalfOfKey: null,
    startDate: null,
    endDate: null,
    principalPersonKey: null,
    source: "001 item 4 ('deler formandskabet med Udviklingsdirektør i Region Midt, Kim Kofod Hansen')",
    note: "Shared chair (co-chair).",
  },
  {
    personKey: "kim-kofod-hansen",
    organizationKey: "dk2020-styregruppe",
    role: "chair",
    onBehalfOfKey: null,
    startDate: null,
    endDate: null,
    principalPersonKey: null,
    source: "001 item 4",
    note: "Shared chair (co-chair).",
  },
  {
    personKey: "claus-wistoft",
    organizationKey: "midttrafik-bestyrelse",
    role: "chair",
    onBehalfOfKey: null,
    startDate: null,
    endDate: null,
    principalPersonKey: null,
    source: "001 item 6 ('Claus Wistoft fmd. for Midttrafiks bestyrelse')",
  },
];

export const legislativeTerms: readonly DemoLegislativeTerm[] = [
  {
    key: "valgperiode-2018-2021",
    organizationKey: null,
    name: "Valgperioden 2018-2021",
    startDate: "2018-01-01",
    endDate: "2021-12-31",
    source:
      "001 item 18 ('resten af denne valgperiode'); 001 item 6 attachment 'Repræsentantskabet 2018 - 2021 - Midttrafik'",
    note: "The Danish municipal and regional term; the seeds name the term, not its first and last day.",
  },
];

const calendar = (
  organizationKey: string,
  title: string,
  date: string,
  source: string,
  note?: string,
): DemoMeeting => ({
  key: `${organizationKey}-${date}`,
  organizationKey,
  title,
  start: `${date}T00:00`,
  end: null,
  location: null,
  source,
  allDay: true,
  ...(note === undefined ? {} : { note }),
});

/**
 * The 2021 calendars of 001 item 20 (and the Repræsentantskab meeting of item 6). The seeds give
 * dates only: no times, no places.
 */
export const meetings: readonly DemoMeeting[] = [
  calendar("kkr-midtjylland", "Møde i KKR Midtjylland", "2021-02-01", "001 item 20; items 3, 14, 19"),
  calendar("kkr-midtjylland", "Møde i KKR Midtjylland", "2021-04-23", "001 item 20; item 6"),
  calendar("kkr-midtjylland", "Møde i KKR Midtjylland", "2021-06-08", "001 item 20"),
  calendar("kkr-midtjylland", "Møde i KKR Midtjylland", "2021-08-30", "001 item 20"),
  calendar("kkr-midtjylland", "Møde i KKR Midtjylland", "2021-10-11", "001 item 20"),
  calendar("kd-net", "Møde i KD-Net", "2021-04-09", "001 item 20; item 6"),
  calendar("kd-net", "Møde i KD-Net", "2021-05-21", "001 item 20"),
  calendar("kd-net", "Møde i KD-Net", "2021-08-20", "001 item 20; item 17"),
  calendar("kd-net", "Møde i KD-Net", "2021-09-24", "001 item 20"),
  calendar("kvartalsmoederne", "Kvartalsmøde", "2021-01-26", "001 item 20"),
  calendar("kvartalsmoederne", "Kvartalsmøde", "2021-03-01", "001 item 20"),
  calendar("kvartalsmoederne", "Kvartalsmøde", "2021-10-04", "001 item 20"),
  calendar("kontaktudvalget", "Møde i Kontaktudvalget", "2021-03-12", "001 item 20"),
  calendar("kontaktudvalget", "Møde i Kontaktudvalget", "2021-10-04", "001 item 20"),
  calendar(
    "midttrafik-repraesentantskab",
    "Møde i Midttrafiks Repræsentantskab",
    "2021-06-18",
    "001 item 6",
    "001 item 6: the Repræsentantskab takes its final decision on the indtægtsfordelingsmodel at this meeting.",
  ),
];

/** Lines of 001 item 20 that are not loaded as meetings. */
export const unplacedCalendarEntries: readonly DemoUnplacedCalendarEntry[] = [
  {
    text: "Januarkonference den 11. maj 2021",
    date: "2021-05-11",
    reason: "A conference, not a body's meeting; the seeds do not say who holds it.",
    source: "001 item 20",
  },
  {
    text: "Klimatopmøde efterår 2021",
    date: null,
    reason:
      "No date (autumn 2021). 001 item 4: arranged jointly by the municipalities and Region Midtjylland.",
    source: "001 items 4, 20",
  },
  {
    text: "Ungetopmøde efterår 2021",
    date: null,
    reason:
      "No date (autumn 2021). 001 item 9: held jointly by KKR Midtjylland, the two RAR and Region Midtjylland.",
    source: "001 items 9, 20",
  },
];
