import { OPARL_VERSION, type OParlObject, oparlObject } from "./oparl-object.ts";
import type { OParlUrls } from "./oparl-urls.ts";

/** The entry point: which OParl version this is and where the bodies are. */
export function presentSystem(
  urls: OParlUrls,
  installationName: string,
  times: { created: string; modified: string },
): OParlObject {
  return oparlObject(
    "system",
    urls.system(),
    { oparlVersion: OPARL_VERSION, otherOparlVersions: [], body: urls.bodyList(), name: installationName },
    times,
  );
}
