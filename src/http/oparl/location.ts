import { type LocationRecord, loadLocations } from "../../core/oparl/oparl-records.ts";
import { type OParlKind, type OParlObject, oparlObject } from "./oparl-object.ts";
import type { OParlUrls } from "./oparl-urls.ts";

/**
 * A place where meetings are held: one per distinct text of meetings' location (see
 * docs/decisions/0003-oparl.md).
 */
export function presentLocation(l: LocationRecord, urls: OParlUrls): OParlObject {
  return oparlObject("location", urls.object("location", l.id), { description: l.description }, l);
}

export const locationKind: OParlKind<LocationRecord> = {
  type: "location",
  load: loadLocations,
  present: presentLocation,
};
