import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import type { FileStore } from "../../platform/files/file-store.ts";
import { registerBodyPage } from "./body-page.ts";
import { registerItemPage } from "./item-page.ts";
import { registerMeetingPage } from "./meeting-page.ts";
import { registerMinutesPage } from "./minutes-page.ts";
import { registerOverviewPage } from "./overview-page.ts";
import { registerVersionsPage } from "./versions-page.ts";

interface WorkspaceDependencies {
  files: FileStore;
  /** Largest attachment accepted (the server's upload limit). */
  maxUploadBytes: number;
}

/**
 * The secretariat's workspace under `/sekretariat`: calendar, agenda builder, minutes, versions.
 * Server-rendered forms that work without JavaScript; every form carries a one-time token.
 */
export function workspaceRoutes(deps: WorkspaceDependencies): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    // Multipart only here (attachments), with the server's upload limit; nothing else reads it.
    await app.register(multipart, {
      limits: { fileSize: deps.maxUploadBytes, files: 1, fields: 20 },
      throwFileSizeLimit: true,
    });
    registerOverviewPage(app);
    registerBodyPage(app);
    registerMeetingPage(app);
    registerItemPage(app, deps);
    registerMinutesPage(app);
    registerVersionsPage(app);
  };
}
