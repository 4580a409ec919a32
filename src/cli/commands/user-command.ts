import { Command, InvalidArgumentError } from "commander";
import { createApiToken } from "../../core/accounts/api-tokens.ts";
import { generatePassword } from "../../core/accounts/passwords.ts";
import {
  createUser,
  getUserByEmail,
  listUsers,
  resetPassword,
  setRole,
  type User,
  updateUser,
} from "../../core/accounts/users.ts";
import { getOrganizationByIdOrName } from "../../core/organizations/organizations.ts";
import { type Context, type OrganizationRole, systemActorNamed } from "../../core/shared/context.ts";
import { AppError } from "../../platform/errors.ts";
import { configFrom, openRuntime, withStoreOptions } from "../runtime.ts";

/** Where the command reads passwords and writes; tests pass their own. */
interface UserCommandIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

interface StoreOptions {
  data?: string;
  databaseUrl?: string;
}

interface PasswordOptions {
  passwordStdin?: boolean;
  generatePassword?: boolean;
}

/** Whoever runs the CLI on the data folder or database has its keys: it acts as the administrator. */
const cliActor = systemActorNamed("cli");

async function withContext<T>(options: StoreOptions, work: (ctx: Context) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(configFrom(options));
  try {
    return await work({ db: runtime.db, actor: cliActor });
  } finally {
    await runtime.close();
  }
}

/** The first line of standard input (`echo "…" | samraad user add … --password-stdin`). */
async function readFirstLine(stdin: UserCommandIO["stdin"]): Promise<string> {
  let text = "";
  for await (const chunk of stdin) {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

/** Reads a line from the terminal without showing it. */
function promptHidden(io: UserCommandIO, prompt: string): Promise<string> {
  const { stdin } = io;
  io.stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value: string[] = [];
    const finish = (error?: AppError) => {
      stdin.removeListener("data", onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write("\n");
      if (error) reject(error);
      else resolve(value.join(""));
    };
    const onData = (chunk: string | Buffer) => {
      for (const char of String(chunk)) {
        if (char === "\r" || char === "\n") return finish();
        if (char === "\u0003") return finish(new AppError("validation.invalid", "cancelled"));
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else value.push(char);
      }
    };
    stdin.on("data", onData);
  });
}

/** A password as the options say: from standard input, generated (and printed), or asked twice. */
async function passwordFrom(
  io: UserCommandIO,
  options: PasswordOptions,
): Promise<{ password: string; generated: boolean }> {
  if (options.passwordStdin && options.generatePassword) {
    throw new AppError("validation.invalid", "give --password-stdin or --generate-password, not both");
  }
  if (options.generatePassword) return { password: generatePassword(), generated: true };
  if (options.passwordStdin) return { password: await readFirstLine(io.stdin), generated: false };
  if (!io.stdin.isTTY) {
    throw new AppError(
      "validation.invalid",
      "there is no terminal to ask for the password on: use --password-stdin or --generate-password",
    );
  }
  const password = await promptHidden(io, "Password: ");
  if ((await promptHidden(io, "Password again: ")) !== password) {
    throw new AppError("validation.invalid", "the two passwords differ; nothing was changed");
  }
  return { password, generated: false };
}

function role(value: string): OrganizationRole | null {
  if (value === "secretariat" || value === "member") return value;
  if (value === "none") return null;
  throw new InvalidArgumentError("secretariat, member or none");
}

/** One line per user: e-mail, name, flags, roles. */
function formatUser(user: User): string {
  const flags = [
    user.administrator ? "administrator" : null,
    user.disabled ? "disabled" : null,
    user.hasPassword ? null : "no password",
  ].filter(Boolean);
  const roles = user.roles.map((r) => `${r.role} of ${r.organizationName}`).join(", ") || "no roles";
  return `${user.email}  ${user.name}${flags.length ? ` [${flags.join(", ")}]` : ""}  ${roles}`;
}

export function userCommand(io: UserCommandIO = process): Command {
  const out = (line: string) => io.stdout.write(`${line}\n`);
  const command = new Command("user").description(
    "user accounts: add the first administrator, give roles per body, reset passwords, make API tokens",
  );

  command.addCommand(
    withStoreOptions(
      new Command("add")
        .description("add a user (asks for the password on a terminal)")
        .argument("<email>", "e-mail address, used to log in")
        .requiredOption("--name <name>", "the user's name")
        .option("--admin", "the user manages users and may do everything")
        .option("--password-stdin", "read the password from the first line of standard input")
        .option("--generate-password", "make a random password and print it once"),
    ).action(
      async (email: string, options: StoreOptions & PasswordOptions & { name: string; admin?: boolean }) => {
        const { password, generated } = await passwordFrom(io, options);
        const user = await withContext(options, (ctx) =>
          createUser(ctx, { email, name: options.name, password, administrator: options.admin ?? false }),
        );
        out(`Added ${formatUser(user)}`);
        if (generated) out(`Password (shown once): ${password}`);
      },
    ),
  );

  command.addCommand(
    withStoreOptions(
      new Command("role")
        .description("give a user a role for a body, change it, or take it away")
        .argument("<email>", "the user's e-mail address")
        .argument("<organization>", "the body's id, name or short name")
        .argument("<role>", "secretariat (prepares and publishes), member (reads all of it) or none", role),
    ).action(
      async (
        email: string,
        organization: string,
        newRole: OrganizationRole | null,
        options: StoreOptions,
      ) => {
        const user = await withContext(options, async (ctx) => {
          const body = await getOrganizationByIdOrName(ctx, organization);
          return setRole(ctx, (await getUserByEmail(ctx, email)).id, body.id, newRole);
        });
        out(formatUser(user));
      },
    ),
  );

  command.addCommand(
    withStoreOptions(
      new Command("reset")
        .description("give a user a new password; their sessions end")
        .argument("<email>", "the user's e-mail address")
        .option("--password-stdin", "read the password from the first line of standard input")
        .option("--generate-password", "make a random password and print it once"),
    ).action(async (email: string, options: StoreOptions & PasswordOptions) => {
      const { password, generated } = await passwordFrom(io, options);
      const user = await withContext(options, async (ctx) =>
        resetPassword(ctx, (await getUserByEmail(ctx, email)).id, password),
      );
      out(`New password set for ${user.email}; their sessions have ended.`);
      if (generated) out(`Password (shown once): ${password}`);
    }),
  );

  command.addCommand(
    withStoreOptions(
      new Command("token")
        .description("make an API token that acts as the user, with its roles; printed once")
        .argument("<email>", "the user's e-mail address")
        .option("--name <purpose>", "what the token is for", "API"),
    ).action(async (email: string, options: StoreOptions & { name: string }) => {
      const token = await withContext(options, async (ctx) => {
        const user = await getUserByEmail(ctx, email);
        return (await createApiToken(ctx, user.id, options.name)).token;
      });
      io.stderr.write(
        `API token for ${email} (shown once; keep it now, send it as Authorization: Bearer …):\n`,
      );
      out(token);
    }),
  );

  command.addCommand(
    withStoreOptions(new Command("list").description("every user with its roles")).action(
      async (options: StoreOptions) => {
        const users = await withContext(options, listUsers);
        for (const user of users) out(formatUser(user));
        if (users.length === 0)
          out("No users yet: add the first with `samraad user add EMAIL --name NAME --admin`.");
      },
    ),
  );

  for (const [name, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    command.addCommand(
      withStoreOptions(
        new Command(name)
          .description(
            disabled
              ? "stop a user from logging in; its sessions and API tokens stop working"
              : "let a disabled user log in again",
          )
          .argument("<email>", "the user's e-mail address"),
      ).action(async (email: string, options: StoreOptions) => {
        const user = await withContext(options, async (ctx) =>
          updateUser(ctx, (await getUserByEmail(ctx, email)).id, { disabled }),
        );
        out(formatUser(user));
      }),
    );
  }
  return command;
}
