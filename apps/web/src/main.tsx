/**
 * @module
 * Browser entry: mounts the app on #root.
 */
import { render } from "solid-js/web";
import { z } from "zod";
import { App } from "./app.tsx";
import "./styles.css";

// The server's Content-Security-Policy forbids eval; without this zod would probe for it with
// `new Function` on its first parse, which the browser reports as a violation.
z.config({ jitless: true });

const root = document.getElementById("root");
if (root) render(() => <App />, root);
