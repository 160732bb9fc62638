/**
 * @module
 * Moves keyboard focus to a field by id; for a group of radios, to its checked or first radio.
 */
export function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const target =
    element instanceof HTMLFieldSetElement
      ? (element.querySelector<HTMLInputElement>("input:checked") ??
        element.querySelector<HTMLInputElement>("input"))
      : element;
  target?.focus();
}
