/**
 * @module
 * Private invitation links of a survey round. The token rides in the link's fragment
 * (`/invite#token=...`), which browsers never send to a server nor put in a Referer, so it never
 * lands in a request log; the page moves it into sessionStorage, clears the address bar and sends
 * it to the API in a header only.
 */
import { toCsv } from "@klastry/domain";

const STORAGE_KEY = "klastry.invitation";

/** The link a cluster gets by mail merge. */
export function invitationLink(origin: string, token: string): string {
  return `${origin}/invite#token=${encodeURIComponent(token)}`;
}

/** The token of a `#token=...` fragment, if there is one. */
export function tokenFromFragment(hash: string): string | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return value && value.trim() !== "" ? value.trim() : undefined;
}

/** The invitation this browser tab answers, if any. */
export function storedInvitation(): string | undefined {
  try {
    return globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function storeInvitation(token: string | undefined): void {
  try {
    if (token) globalThis.sessionStorage?.setItem(STORAGE_KEY, token);
    else globalThis.sessionStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Blocked storage: the invitation lasts as long as the page.
  }
}

export interface IssuedLink {
  name: string;
  region: string;
  contact?: string | null;
  link: string;
}

/** The links as a CSV for a mail merge: one row per cluster, with its contact when given. */
export function mailMergeCsv(links: readonly IssuedLink[]): string {
  return toCsv(
    ["name", "region", "contact", "link"],
    links.map((entry) => [entry.name, entry.region, entry.contact ?? "", entry.link]),
  );
}
