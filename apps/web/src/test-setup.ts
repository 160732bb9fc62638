/**
 * Test setup: a clean localStorage and Polish before every test, as a first visit would have.
 */
import { cleanup } from "@solidjs/testing-library";
import { afterEach, beforeEach } from "vitest";
import { setLanguage } from "./i18n/index.ts";

// jsdom has no scrolling; the router scrolls to the top on navigation.
window.scrollTo = () => undefined;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  setLanguage("pl");
});

afterEach(() => cleanup());
