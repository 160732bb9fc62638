/**
 * @module
 * Vitest global setup of the browser and reliability tests: builds the API as `npm start` does
 * (under a second), once before any test file starts a server, so a test never runs yesterday's
 * build. The web app is built by `npm run build -w @klastry/web` (turbo does it before `e2e`).
 */
import { buildApi } from "@klastry/api/build";

export default async function setup(): Promise<void> {
  await buildApi();
}
