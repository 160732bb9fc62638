/**
 * @module
 * Finds Polish product text on a page shown in English: the lines of visible text with a Polish
 * letter, with user-entered text (cluster names, round titles, marked `data-user-text`) left aside.
 */
import type { Page } from "playwright-core";

const POLISH = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/;

/** Lines of the page's visible product text with a Polish letter, user-entered text removed. */
export function polishLines(page: Page): Promise<string[]> {
  return page.evaluate((pattern) => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll("[data-user-text], script, style, noscript").forEach((n) => n.remove());
    // Language names in the switch are in their own language on purpose ("Polski").
    clone.querySelectorAll("[data-testid=language-pl]").forEach((n) => n.remove());
    const host = document.createElement("div");
    host.style.position = "absolute";
    host.style.left = "-99999px";
    host.append(clone);
    document.body.append(host);
    const text = clone.innerText;
    host.remove();
    return text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => new RegExp(pattern).test(line));
  }, POLISH.source);
}
