/**
 * @module
 * API keys typed by the user (region key, admin key), kept in sessionStorage: entered once, gone
 * when the browser session ends, never in localStorage or the URL.
 */
import { createSignal, type Accessor } from "solid-js";

function read(name: string): string {
  try {
    return globalThis.sessionStorage?.getItem(name) ?? "";
  } catch {
    return "";
  }
}

function write(name: string, value: string): void {
  try {
    if (value === "") globalThis.sessionStorage?.removeItem(name);
    else globalThis.sessionStorage?.setItem(name, value);
  } catch {
    // Blocked storage: the value lives in memory until the page closes.
  }
}

/** A value kept in sessionStorage under `klastry.<name>`, as a signal. */
export function createSessionValue(name: string): [Accessor<string>, (value: string) => void] {
  const storageName = `klastry.${name}`;
  const [value, setValue] = createSignal(read(storageName));
  return [
    value,
    (next: string) => {
      write(storageName, next);
      setValue(next);
    },
  ];
}
