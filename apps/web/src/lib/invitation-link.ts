/**
 * @module
 * Private invitation links of a survey round. The token rides in the link's fragment
 * (`/survey/answer#ki_...`, as the API builds the link), which browsers never send to a server nor put
 * in a Referer, so it never lands in a request log; the page moves it into sessionStorage, clears
 * the address bar and sends it to the API in a header only.
 */
import { toCsv } from "@klastry/domain";

const STORAGE_KEY = "klastry.invitation";

/** The token of the link's fragment (`#<token>`, or `#token=<token>`), if there is one. */
export function tokenFromFragment(hash: string): string | undefined {
  const text = hash.replace(/^#/, "");
  const value = text.includes("=")
    ? new URLSearchParams(text).get("token")
    : decodeURIComponent(text);
  return value && /^ki_[\w-]+$/.test(value.trim()) ? value.trim() : undefined;
}

/** The invitation this browser tab answers: its token and what the page says about it. */
export interface ActiveInvitation {
  token: string;
  roundTitle: string;
  clusterName: string;
}

export function storedInvitation(): ActiveInvitation | undefined {
  try {
    const text = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    if (!text) return undefined;
    const value = JSON.parse(text) as Partial<ActiveInvitation>;
    return typeof value.token === "string" && value.token !== ""
      ? {
          token: value.token,
          roundTitle: String(value.roundTitle ?? ""),
          clusterName: String(value.clusterName ?? ""),
        }
      : undefined;
  } catch {
    return undefined;
  }
}

export function storeInvitation(invitation: ActiveInvitation | undefined): void {
  try {
    if (invitation) globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(invitation));
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
