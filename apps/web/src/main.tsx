/**
 * @module
 * Browser entry: mounts the app on #root.
 */
import { render } from "solid-js/web";
import { App } from "./app.tsx";
import { initLanguage } from "./i18n/index.ts";
import "./styles.css";

const root = document.getElementById("root");
// An English visitor's catalogue arrives before the first render, so no Polish flashes by.
if (root) void initLanguage().finally(() => render(() => <App />, root));
