/**
 * The portal's stable, shareable addresses in one place (Danish paths). Other doors link here:
 * search results to `itemPath`, feeds to `meetingPath` and `casePath`.
 */
export const paths = {
  front: () => "/",
  organizations: () => "/organer",
  organization: (id: string) => `/organer/${id}`,
  organizationCalendar: (id: string) => `/organer/${id}/kalender.ics`,
  organizationFeed: (id: string) => `/organer/${id}/feed.atom`,
  meeting: (id: string) => `/moeder/${id}`,
  meetingPrint: (id: string) => `/moeder/${id}/print`,
  agendaPdf: (id: string) => `/moeder/${id}/dagsorden.pdf`,
  minutesPdf: (id: string) => `/moeder/${id}/referat.pdf`,
  item: (id: string) => `/punkter/${id}`,
  case: (id: string) => `/sager/${id}`,
  caseFeed: (id: string) => `/sager/${id}/feed.atom`,
  person: (id: string) => `/personer/${id}`,
  personCalendar: (id: string) => `/personer/${id}/kalender.ics`,
  search: () => "/soeg",
  fileContent: (id: string) => `/api/v1/files/${id}/content`,
};

/** The anchor of an item on its meeting's page: `punkt-3.1`. */
export const itemAnchor = (number: string) => `punkt-${number}`;
