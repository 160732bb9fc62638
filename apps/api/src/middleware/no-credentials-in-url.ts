/**
 * @module
 * Credentials travel only in headers (issue 15 item 7): a URL is kept in browser history, proxy
 * and server logs, and sent on in Referer headers. A request whose query string carries a token
 * parameter (`token`, `access_token` as RFC 6750 section 2.3 defines it, `api_key`) or any value
 * shaped like a Klastry key or token is refused with a 400 naming the header to use instead.
 */
import type { MiddlewareHandler } from "hono";
import { ApiError, type ApiIssue } from "../problems/api-error.ts";
import { problemLanguage } from "../problems/on-error.ts";

const CREDENTIAL_PARAMETERS = new Set(["token", "access_token", "api_key"]);
/** A key (`kl_`), an assessment token (`kt_`) or an invitation token (`ki_`). */
const CREDENTIAL_VALUE = /^k[lti]_[A-Za-z0-9_-]{20,}$/;

const MESSAGES = {
  en: "credentials are accepted only in headers: send `X-Assessment-Token: kt_...` or `Authorization: Bearer kl_...`; a URL is kept in browser history and logs",
  pl: "dane uwierzytelniające przyjmujemy tylko w nagłówkach: wyślij `X-Assessment-Token: kt_...` lub `Authorization: Bearer kl_...`; adres URL zostaje w historii przeglądarki i w logach",
};

export function noCredentialsInUrl(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const found = [...url.searchParams].filter(
      ([name, value]) => CREDENTIAL_PARAMETERS.has(name) || CREDENTIAL_VALUE.test(value),
    );
    if (found.length > 0) {
      const message = MESSAGES[problemLanguage(c)];
      const issues: ApiIssue[] = found.map(([name]) => ({
        code: "CREDENTIAL_IN_URL",
        in: "query",
        path: name,
        pointer: `/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`,
        message,
      }));
      throw new ApiError(
        "VALIDATION_FAILED",
        "a credential was sent in the URL; send it in a header instead",
        { issues },
      );
    }
    await next();
  };
}
