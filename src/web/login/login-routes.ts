import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { LOGIN_WINDOW_MINUTES, verifyLogin } from "../../core/accounts/login.ts";
import { mayKeepRegisters } from "../../core/publication/permissions.ts";
import { endSession, startSession } from "../../http/session.ts";
import { csrfField, formField, localPath, signedInOf } from "../forms.ts";
import { html } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { layout } from "../layout.ts";
import { sendPage } from "../web-routes.ts";

const text = messages(
  {
    title: "Log ind",
    intro: "Log ind med din e-mailadresse og din adgangskode.",
    email: "E-mail",
    password: "Adgangskode",
    submit: "Log ind",
    failed: "Forkert e-mail eller adgangskode.",
    missing: "Skriv både din e-mail og din adgangskode.",
    throttled: "For mange forsøg på at logge ind. Vent {minutes} minutter, og prøv igen.",
    signedInAs: "Du er logget ind som {name}.",
    forgotten: "Har du glemt din adgangskode? En administrator kan give dig en ny.",
  },
  {
    title: "Log in",
    intro: "Log in with your e-mail address and your password.",
    email: "E-mail",
    password: "Password",
    submit: "Log in",
    failed: "Wrong e-mail or password.",
    missing: "Enter both your e-mail and your password.",
    throttled: "Too many attempts to log in. Wait {minutes} minutes and try again.",
    signedInAs: "You are logged in as {name}.",
    forgotten: "Forgotten your password? An administrator can give you a new one.",
  },
);

interface LoginForm {
  email: string;
  next: string;
  error: string | null;
}

function loginPage(request: FastifyRequest, reply: FastifyReply, lang: Lang, form: LoginForm) {
  const t = text[lang];
  const signedIn = signedInOf(request);
  // The error is announced (role=alert) and tied to both fields, which are marked invalid.
  const invalid = form.error ? html` aria-invalid="true" aria-describedby="login-error"` : "";
  return layout({
    lang,
    url: request.url,
    title: t.title,
    signedIn,
    body: html`<h1>${t.title}</h1>
${signedIn ? html`<p class="notice">${t.signedInAs.replace("{name}", signedIn.name)}</p>` : ""}
<p>${t.intro}</p>
${form.error ? html`<p id="login-error" class="error" role="alert">${form.error}</p>` : ""}
<form method="post" action="/log-ind">
  ${csrfField(request, reply)}
  ${form.next ? html`<input type="hidden" name="next" value="${form.next}">` : ""}
  <label for="email">${t.email}</label>
  <input type="email" id="email" name="email" autocomplete="username" required value="${form.email}"${invalid}>
  <label for="password">${t.password}</label>
  <input type="password" id="password" name="password" autocomplete="current-password" required${invalid}>
  <p><button type="submit">${t.submit}</button></p>
</form>
<p class="hint">${t.forgotten}</p>`,
  });
}

/** `/log-ind` and `/log-ud`: e-mail and password, a session cookie, throttled failures. */
export async function loginRoutes(app: FastifyInstance): Promise<void> {
  app.get("/log-ind", (request, reply) => {
    const next = localPath((request.query as Record<string, unknown>).next, "");
    return sendPage(reply, loginPage(request, reply, request.lang, { email: "", next, error: null }));
  });

  app.post("/log-ind", async (request, reply) => {
    const t = text[request.lang];
    const email = formField(request.body, "email").trim();
    const password = formField(request.body, "password");
    const next = localPath(formField(request.body, "next"), "");
    const again = (status: number, error: string) =>
      sendPage(reply, loginPage(request, reply, request.lang, { email, next, error }), status);
    if (email === "" || password === "") return again(400, t.missing);
    const result = await verifyLogin(request.server.authOptions.db, { email, password, client: request.ip });
    if (result.outcome === "throttled") {
      reply.header("retry-after", String(result.retryAfterSeconds));
      const minutes = Math.min(LOGIN_WINDOW_MINUTES, Math.ceil(result.retryAfterSeconds / 60));
      return again(429, t.throttled.replace("{minutes}", String(minutes)));
    }
    if (result.outcome === "failure") return again(401, t.failed);
    const actor = await startSession(request, reply, result.userId);
    request.log.info({ userId: result.userId }, "logged in");
    return reply.redirect(next || (mayKeepRegisters(actor) ? "/sekretariat" : "/"), 303);
  });

  app.post("/log-ud", async (request, reply) => {
    await endSession(request, reply);
    return reply.redirect("/", 303);
  });
}
