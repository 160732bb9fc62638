/**
 * @module
 * Browser entry: mounts the app on #root.
 */
import { render } from "solid-js/web";
import { z } from "zod";
import { App } from "./app.tsx";
import { initLanguage } from "./i18n/index.ts";
import "./styles.css";

// The server's Content-Security-Policy forbids eval; without this zod would probe for it with
// `new Function` on its first parse, which the browser reports as a violation.
z.config({ jitless: true });

const root = document.getElementById("root");
// An English visitor's catalogue arrives before the first render, so no Polish flashes by.
if (root) void initLanguage().finally(() => render(() => <App />, root));
