/**
 * Test setup: a clean localStorage and Polish before every test, as a first visit would have.
 */
import { cleanup, configure } from "@solidjs/testing-library";
import { afterEach, beforeEach } from "vitest";
import { setLanguage } from "./i18n/index.ts";

// Lazy routes are transformed on first import; give findBy* room on a slow machine.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no scrolling; the router scrolls to the top on navigation and the skip link scrolls
// the content into view.
window.scrollTo = () => undefined;
Element.prototype.scrollIntoView = () => undefined;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  setLanguage("pl");
});

afterEach(() => cleanup());
