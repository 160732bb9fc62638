#!/usr/bin/env node
// Launcher for `npx klastry`: Node 20 cannot import TypeScript itself, so tsx compiles on load.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
