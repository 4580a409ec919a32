import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import {
  type ApiToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from "../../core/accounts/api-tokens.ts";
import { generatePassword, passwordRuleText } from "../../core/accounts/passwords.ts";
import {
  createUser,
  getUserById,
  listUsers,
  resetPassword,
  setRole,
  type User,
  updateUser,
} from "../../core/accounts/users.ts";
import { meetingBodyKinds } from "../../core/organizations/organization.schema.ts";
import { findOrganizations } from "../../core/organizations/organizations.ts";
import { assertAdministrator } from "../../core/publication/permissions.ts";
import type { Context } from "../../core/shared/context.ts";
import { Id } from "../../core/shared/schema.ts";
import { MAX_PAGE_SIZE } from "../../platform/db/keyset.ts";
import { AppError } from "../../platform/errors.ts";
import { isId } from "../../platform/ids.ts";
import { csrfField, formField, signedInOf } from "../forms.ts";
import { type HtmlValue, html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { layout } from "../layout.ts";
import { sendPage } from "../web-routes.ts";

const text = messages(
  {
    users: "Brugere",
    workspace: "Sekretariat",
    intro:
      "Her styrer administratoren, hvem der kan logge ind, og hvilken rolle de har i hvert organ. Sekretariatet forbereder og offentliggør; et medlem kan læse alt i organet, også lukkede punkter.",
    name: "Navn",
    email: "E-mail",
    roles: "Roller",
    status: "Status",
    administrator: "Administrator",
    active: "Aktiv",
    disabled: "Spærret",
    noPassword: "Ingen adgangskode",
    noRoles: "Ingen roller",
    addUser: "Tilføj bruger",
    makeAdministrator: "Gør til administrator",
    passwordOptional: "Adgangskode (valgfri)",
    passwordHint: "Lad feltet stå tomt, så laves en tilfældig adgangskode, som vises én gang.",
    add: "Tilføj",
    secretariat: "Sekretariat",
    member: "Medlem",
    none: "Ingen rolle",
    body: "Organ",
    role: "Rolle",
    setRole: "Gem rolle",
    remove: "Fjern",
    resetPassword: "Ny adgangskode",
    newPassword: "Ny adgangskode",
    setPassword: "Sæt adgangskode",
    passwordShownOnce:
      "Adgangskoden er: {password} Giv den til brugeren på en sikker måde. Den vises ikke igen.",
    passwordChanged: "Adgangskoden er ændret. Brugerens sessioner er afsluttet.",
    account: "Konto",
    grantAdministrator: "Gør til administrator",
    revokeAdministrator: "Fjern som administrator",
    disable: "Spær brugeren",
    enable: "Genåbn brugeren",
    tokens: "API-nøgler",
    tokensIntro:
      "En API-nøgle giver et andet system adgang med denne brugers roller. Nøglen vises kun, når den laves.",
    tokenName: "Hvad nøglen bruges til",
    createToken: "Lav API-nøgle",
    tokenShownOnce: "API-nøglen er: {token} Gem den nu. Den vises ikke igen.",
    revoke: "Spær",
    revoked: "Spærret",
    lastUsed: "Sidst brugt",
    never: "Aldrig",
    created: "Oprettet",
    noTokens: "Ingen API-nøgler.",
    back: "Alle brugere",
    errorTitle: "Det blev ikke gemt",
    invalidEmail: "Skriv en gyldig e-mailadresse.",
    emailTaken: "En anden bruger har allerede denne e-mailadresse.",
    nameMissing: "Skriv et navn.",
    lastAdministrator: "Det er den sidste aktive administrator. Gør først en anden bruger til administrator.",
    chooseBody: "Vælg et organ.",
  },
  {
    users: "Users",
    workspace: "Secretariat",
    intro:
      "Here the administrator decides who can log in, and which role they have in each body. The secretariat prepares and publishes; a member can read everything of the body, closed items included.",
    name: "Name",
    email: "E-mail",
    roles: "Roles",
    status: "Status",
    administrator: "Administrator",
    active: "Active",
    disabled: "Disabled",
    noPassword: "No password",
    noRoles: "No roles",
    addUser: "Add user",
    makeAdministrator: "Make administrator",
    passwordOptional: "Password (optional)",
    passwordHint: "Leave it empty to make a random password, shown once.",
    add: "Add",
    secretariat: "Secretariat",
    member: "Member",
    none: "No role",
    body: "Body",
    role: "Role",
    setRole: "Save role",
    remove: "Remove",
    resetPassword: "New password",
    newPassword: "New password",
    setPassword: "Set password",
    passwordShownOnce: "The password is: {password} Give it to the user safely. It is not shown again.",
    passwordChanged: "The password has been changed. The user's sessions have ended.",
    account: "Account",
    grantAdministrator: "Make administrator",
    revokeAdministrator: "Remove as administrator",
    disable: "Disable the user",
    enable: "Enable the user",
    tokens: "API tokens",
    tokensIntro: "An API token lets another system in with this user's roles. It is shown only when made.",
    tokenName: "What the token is for",
    createToken: "Make API token",
    tokenShownOnce: "The API token is: {token} Keep it now. It is not shown again.",
    revoke: "Revoke",
    revoked: "Revoked",
    lastUsed: "Last used",
    never: "Never",
    created: "Created",
    noTokens: "No API tokens.",
    back: "All users",
    errorTitle: "It was not saved",
    invalidEmail: "Enter a valid e-mail address.",
    emailTaken: "Another user already has this e-mail address.",
    nameMissing: "Enter a name.",
    lastAdministrator: "This is the last active administrator. Make another user administrator first.",
    chooseBody: "Choose a body.",
  },
);

type Texts = (typeof text)[Lang];

/** Bodies (not municipalities or outside organisations) are what roles are given for. */
const bodyKinds = new Set<string>(meetingBodyKinds);

async function bodies(ctx: Context): Promise<{ id: string; name: string }[]> {
  const all: { id: string; name: string; kind: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await findOrganizations(ctx, { limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all.filter((o) => bodyKinds.has(o.kind)).sort((a, b) => a.name.localeCompare(b.name, "da"));
}

/** A refused form in the reader's words; errors of permission go on to the error page. */
function formError(error: unknown, t: Texts, lang: Lang): { status: number; message: string } {
  if (!(error instanceof AppError) || !["validation.invalid", "record.conflict"].includes(error.code))
    throw error;
  const field = error.details.field;
  const status = error.code === "record.conflict" ? 409 : 400;
  if (field === "email")
    return { status, message: error.code === "record.conflict" ? t.emailTaken : t.invalidEmail };
  if (field === "name") return { status, message: t.nameMissing };
  if (field === "password") return { status, message: passwordRuleText[lang] };
  if (field === "administrator") return { status, message: t.lastAdministrator };
  if (field === "organizationId") return { status, message: t.chooseBody };
  return { status, message: error.message };
}

function roleName(t: Texts, role: string): string {
  return role === "secretariat" ? t.secretariat : t.member;
}

function alert(t: Texts, message: string | null): HtmlValue {
  return message
    ? html`<div class="error" role="alert" id="form-error"><h2>${t.errorTitle}</h2><p>${message}</p></div>`
    : "";
}

function page(request: FastifyRequest, title: string, body: SafeHtml): SafeHtml {
  const t = text[request.lang];
  return layout({
    lang: request.lang,
    url: request.url,
    title: `${title} · ${t.workspace}`,
    signedIn: signedInOf(request),
    body,
  });
}

function listPage(
  request: FastifyRequest,
  reply: FastifyReply,
  users: User[],
  form: { error: string | null; name: string; email: string },
): SafeHtml {
  const t = text[request.lang];
  const invalid = form.error ? html` aria-describedby="form-error"` : "";
  return page(
    request,
    t.users,
    html`<p><a href="/sekretariat">${t.workspace}</a></p>
<h1>${t.users}</h1>
<p>${t.intro}</p>
<table>
  <caption>${t.users}</caption>
  <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.email}</th><th scope="col">${t.roles}</th><th scope="col">${t.status}</th></tr></thead>
  <tbody>
  ${users.map(
    (user) => html`<tr>
    <th scope="row"><a href="/sekretariat/brugere/${user.id}">${user.name}</a></th>
    <td>${user.email}</td>
    <td>${[
      user.administrator ? html`<span class="badge">${t.administrator}</span> ` : "",
      user.roles.length === 0 && !user.administrator ? t.noRoles : "",
      user.roles.map((r) => html`${r.organizationName}: ${roleName(t, r.role)}<br>`),
    ]}</td>
    <td>${user.disabled ? t.disabled : user.hasPassword ? t.active : t.noPassword}</td>
  </tr>`,
  )}
  </tbody>
</table>
<h2 id="add-user">${t.addUser}</h2>
${alert(t, form.error)}
<form method="post" action="/sekretariat/brugere" aria-labelledby="add-user">
  ${csrfField(request, reply)}
  <label for="name">${t.name}</label>
  <input type="text" id="name" name="name" required autocomplete="off" value="${form.name}"${invalid}>
  <label for="email">${t.email}</label>
  <input type="email" id="email" name="email" required autocomplete="off" value="${form.email}"${invalid}>
  <label for="password">${t.passwordOptional}</label>
  <input type="password" id="password" name="password" autocomplete="new-password" aria-describedby="password-hint">
  <p class="hint" id="password-hint">${t.passwordHint} ${passwordRuleText[request.lang]}</p>
  <p><label><input type="checkbox" name="administrator" value="on"> ${t.makeAdministrator}</label></p>
  <p><button type="submit">${t.add}</button></p>
</form>`,
  );
}

interface UserPageNotices {
  error?: string | null;
  notice?: string | null;
  /** Shown once: a generated password or a new API token. */
  secret?: { template: string; placeholder: string; value: string } | null;
}

function userPage(
  request: FastifyRequest,
  reply: FastifyReply,
  user: User,
  tokens: ApiToken[],
  organizations: { id: string; name: string }[],
  notices: UserPageNotices,
): SafeHtml {
  const t = text[request.lang];
  const csrf = csrfField(request, reply);
  const base = `/sekretariat/brugere/${user.id}`;
  const [before, after] = notices.secret
    ? notices.secret.template.split(notices.secret.placeholder)
    : ["", ""];
  const accountButton = (change: string, label: string, kind = "secondary") =>
    html`<form method="post" action="${base}/konto" class="inline-form">${csrf}<input type="hidden" name="change" value="${change}"><button type="submit" class="${kind}">${label}</button></form> `;
  return page(
    request,
    user.name,
    html`<p><a href="/sekretariat/brugere">${t.back}</a></p>
<h1>${user.name}</h1>
<p>${user.email} · ${user.disabled ? t.disabled : user.hasPassword ? t.active : t.noPassword}${user.administrator ? html` · <span class="badge">${t.administrator}</span>` : ""}</p>
${alert(t, notices.error ?? null)}
${notices.notice ? html`<p class="notice" role="status">${notices.notice}</p>` : ""}
${notices.secret ? html`<p class="notice" role="status">${before}<code>${notices.secret.value}</code>${after}</p>` : ""}

<h2 id="roles">${t.roles}</h2>
${
  user.roles.length === 0
    ? html`<p>${t.noRoles}</p>`
    : html`<table>
  <caption class="visually-hidden">${t.roles}</caption>
  <thead><tr><th scope="col">${t.body}</th><th scope="col">${t.role}</th><th scope="col"><span class="visually-hidden">${t.remove}</span></th></tr></thead>
  <tbody>${user.roles.map(
    (r) => html`<tr><th scope="row">${r.organizationName}</th><td>${roleName(t, r.role)}</td>
    <td><form method="post" action="${base}/rolle" class="inline-form">${csrf}<input type="hidden" name="organizationId" value="${r.organizationId}"><input type="hidden" name="role" value="none"><button type="submit" class="secondary">${t.remove}<span class="visually-hidden"> ${r.organizationName}</span></button></form></td></tr>`,
  )}</tbody>
</table>`
}
<form method="post" action="${base}/rolle" aria-labelledby="roles">
  ${csrf}
  <label for="organizationId">${t.body}</label>
  <select id="organizationId" name="organizationId" required>
    ${organizations.map((o) => html`<option value="${o.id}">${o.name}</option>`)}
  </select>
  <label for="role">${t.role}</label>
  <select id="role" name="role">
    <option value="secretariat">${t.secretariat}</option>
    <option value="member">${t.member}</option>
    <option value="none">${t.none}</option>
  </select>
  <p><button type="submit">${t.setRole}</button></p>
</form>

<h2 id="password-heading">${t.resetPassword}</h2>
<form method="post" action="${base}/adgangskode" aria-labelledby="password-heading">
  ${csrf}
  <label for="new-password">${t.newPassword}</label>
  <input type="password" id="new-password" name="password" autocomplete="new-password" aria-describedby="new-password-hint">
  <p class="hint" id="new-password-hint">${t.passwordHint} ${passwordRuleText[request.lang]}</p>
  <p><button type="submit">${t.setPassword}</button></p>
</form>

<h2>${t.account}</h2>
<p>${[
      user.administrator
        ? accountButton("revoke-administrator", t.revokeAdministrator)
        : accountButton("grant-administrator", t.grantAdministrator),
      user.disabled ? accountButton("enable", t.enable) : accountButton("disable", t.disable, "danger"),
    ]}</p>

<h2 id="tokens">${t.tokens}</h2>
<p>${t.tokensIntro}</p>
${
  tokens.length === 0
    ? html`<p>${t.noTokens}</p>`
    : html`<table>
  <caption class="visually-hidden">${t.tokens}</caption>
  <thead><tr><th scope="col">${t.tokenName}</th><th scope="col">${t.created}</th><th scope="col">${t.lastUsed}</th><th scope="col">${t.status}</th></tr></thead>
  <tbody>${tokens.map(
    (token) => html`<tr><th scope="row">${token.name}</th><td>${token.createdAt.slice(0, 10)}</td>
    <td>${token.lastUsedAt ? token.lastUsedAt.slice(0, 10) : t.never}</td>
    <td>${token.revoked ? t.revoked : html`<form method="post" action="${base}/noegler/${token.id}/spaer" class="inline-form">${csrf}<button type="submit" class="danger">${t.revoke}<span class="visually-hidden"> ${token.name}</span></button></form>`}</td></tr>`,
  )}</tbody>
</table>`
}
<form method="post" action="${base}/noegler" aria-labelledby="tokens">
  ${csrf}
  <label for="token-name">${t.tokenName}</label>
  <input type="text" id="token-name" name="name" required autocomplete="off">
  <p><button type="submit">${t.createToken}</button></p>
</form>`,
  );
}

const UserParams = Type.Object({ id: Id });
const TokenParams = Type.Object({ id: Id, tokenId: Id });

/**
 * `/sekretariat/brugere`: the administrator's page for users: list, add, roles per body, a new
 * password, disable, API tokens. Forms post and redirect back; a new password or token is shown
 * once, in the answer to the form that made it.
 */
export async function userAdminRoutes(app: FastifyInstance): Promise<void> {
  const showUser = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    notices: UserPageNotices,
    status = 200,
  ) => {
    const ctx = request.ctx;
    const [user, tokens, organizations] = await Promise.all([
      getUserById(ctx, id),
      listApiTokens(ctx, id),
      bodies(ctx),
    ]);
    return sendPage(reply, userPage(request, reply, user, tokens, organizations, notices), status);
  };

  app.get("/sekretariat/brugere", async (request, reply) => {
    const users = await listUsers(request.ctx);
    return sendPage(reply, listPage(request, reply, users, { error: null, name: "", email: "" }));
  });

  app.post("/sekretariat/brugere", async (request, reply) => {
    assertAdministrator(request.ctx.actor);
    const t = text[request.lang];
    const name = formField(request.body, "name");
    const email = formField(request.body, "email");
    const given = formField(request.body, "password");
    const password = given === "" ? generatePassword() : given;
    try {
      const user = await createUser(request.ctx, {
        name,
        email,
        password,
        administrator: formField(request.body, "administrator") === "on",
      });
      const secret =
        given === "" ? { template: t.passwordShownOnce, placeholder: "{password}", value: password } : null;
      return showUser(request, reply, user.id, { secret }, 201);
    } catch (error) {
      const { status, message } = formError(error, t, request.lang);
      const users = await listUsers(request.ctx);
      return sendPage(reply, listPage(request, reply, users, { error: message, name, email }), status);
    }
  });

  app.get("/sekretariat/brugere/:id", { schema: { params: UserParams } }, (request, reply) =>
    showUser(request, reply, (request.params as { id: string }).id, {}),
  );

  app.post("/sekretariat/brugere/:id/rolle", { schema: { params: UserParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const organizationId = formField(request.body, "organizationId");
    const role = formField(request.body, "role");
    try {
      if (!isId(organizationId)) {
        throw new AppError("validation.invalid", "organizationId: choose a body", {
          field: "organizationId",
        });
      }
      await setRole(
        request.ctx,
        id,
        organizationId,
        role === "secretariat" || role === "member" ? role : null,
      );
    } catch (error) {
      const { status, message } = formError(error, text[request.lang], request.lang);
      return showUser(request, reply, id, { error: message }, status);
    }
    return reply.redirect(`/sekretariat/brugere/${id}`, 303);
  });

  app.post(
    "/sekretariat/brugere/:id/adgangskode",
    { schema: { params: UserParams } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const t = text[request.lang];
      const given = formField(request.body, "password");
      const password = given === "" ? generatePassword() : given;
      try {
        await resetPassword(request.ctx, id, password);
      } catch (error) {
        const { status, message } = formError(error, t, request.lang);
        return showUser(request, reply, id, { error: message }, status);
      }
      return showUser(request, reply, id, {
        notice: t.passwordChanged,
        secret:
          given === "" ? { template: t.passwordShownOnce, placeholder: "{password}", value: password } : null,
      });
    },
  );

  app.post("/sekretariat/brugere/:id/konto", { schema: { params: UserParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const changes: Record<string, { administrator?: boolean; disabled?: boolean }> = {
      "grant-administrator": { administrator: true },
      "revoke-administrator": { administrator: false },
      disable: { disabled: true },
      enable: { disabled: false },
    };
    const patch = changes[formField(request.body, "change")];
    try {
      if (!patch)
        throw new AppError("validation.invalid", "change: not a change of an account", { field: "change" });
      await updateUser(request.ctx, id, patch);
    } catch (error) {
      const { status, message } = formError(error, text[request.lang], request.lang);
      return showUser(request, reply, id, { error: message }, status);
    }
    return reply.redirect(`/sekretariat/brugere/${id}`, 303);
  });

  app.post("/sekretariat/brugere/:id/noegler", { schema: { params: UserParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const t = text[request.lang];
    try {
      const { token } = await createApiToken(request.ctx, id, formField(request.body, "name"));
      return showUser(
        request,
        reply,
        id,
        { secret: { template: t.tokenShownOnce, placeholder: "{token}", value: token } },
        201,
      );
    } catch (error) {
      const { status, message } = formError(error, t, request.lang);
      return showUser(request, reply, id, { error: message }, status);
    }
  });

  app.post(
    "/sekretariat/brugere/:id/noegler/:tokenId/spaer",
    { schema: { params: TokenParams } },
    async (request, reply) => {
      const { id, tokenId } = request.params as { id: string; tokenId: string };
      await revokeApiToken(request.ctx, tokenId);
      return reply.redirect(`/sekretariat/brugere/${id}`, 303);
    },
  );
}
