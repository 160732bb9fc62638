/**
 * @module
 * The region dashboard's key form, filled as its user would.
 */
import type { Page } from "playwright-core";

/** Enters the key for a region once, as the form asks (region first, then the key). */
export async function enterRegionKey(page: Page, region: string, key: string): Promise<void> {
  await page.goto("/region");
  await page.getByLabel("Województwo", { exact: false }).first().selectOption({ label: region });
  await page.getByLabel("Klucz API województwa").fill(key);
  await page.getByRole("button", { name: "Użyj klucza" }).click();
}
