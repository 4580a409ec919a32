import { Command } from "commander";
import { AppError } from "../platform/errors.ts";
import { demoCommand } from "./commands/demo-command.ts";
import { exportCommand } from "./commands/export-command.ts";
import { importCommand } from "./commands/import-command.ts";
import { migrateCommand } from "./commands/migrate-command.ts";
import { parseCommand } from "./commands/parse-command.ts";
import { restoreCommand } from "./commands/restore-command.ts";
import { serveCommand } from "./commands/serve-command.ts";
import { userCommand } from "./commands/user-command.ts";

const program = new Command("samraad")
  .description("Samraad: the meeting record of public cooperation bodies")
  .showHelpAfterError()
  .addCommand(serveCommand())
  .addCommand(migrateCommand())
  .addCommand(demoCommand())
  .addCommand(exportCommand())
  .addCommand(restoreCommand())
  .addCommand(importCommand())
  .addCommand(parseCommand())
  .addCommand(userCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Known problems get their message alone; anything else its stack, for a bug report.
  console.error(error instanceof AppError ? `samraad: ${error.message}` : error);
  process.exitCode = 1;
}
