import type { OParlType } from "../../core/oparl/oparl-entries.ts";

/** The URL segment of each object type: `/oparl/v1/<segment>/<id>`, lists `/oparl/v1/body/1/<segment>`. */
export const segments: Record<OParlType, string> = {
  organization: "organization",
  person: "person",
  membership: "membership",
  legislativeTerm: "legislative-term",
  meeting: "meeting",
  agendaItem: "agenda-item",
  paper: "paper",
  consultation: "consultation",
  file: "file",
  location: "location",
};

/** The one body of the installation: its key in URLs. */
export const BODY_KEY = "1";
export const OPARL_PREFIX = "/oparl/v1";

/**
 * The canonical URLs of the OParl API, which are also the objects' ids. Built from the configured
 * public address, or from the request's own when none is configured.
 */
export class OParlUrls {
  readonly root: string;

  constructor(origin: string) {
    this.root = `${origin}${OPARL_PREFIX}`;
  }

  system(): string {
    return this.root;
  }
  bodyList(): string {
    return `${this.root}/body`;
  }
  body(): string {
    return `${this.root}/body/${BODY_KEY}`;
  }
  list(type: OParlType): string {
    return `${this.body()}/${segments[type]}`;
  }
  object(type: OParlType, id: string): string {
    return `${this.root}/${segments[type]}/${id}`;
  }
  optional(type: OParlType, id: string | null): string | undefined {
    return id === null ? undefined : this.object(type, id);
  }
  organizationMeetings(organizationId: string): string {
    return `${this.object("organization", organizationId)}/meeting`;
  }
  fileAccess(id: string): string {
    return `${this.object("file", id)}/access`;
  }
  fileDownload(id: string): string {
    return `${this.object("file", id)}/download`;
  }
}
