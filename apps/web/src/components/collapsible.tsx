/**
 * @module
 * A disclosure: a button (aria-expanded) that shows or hides a region. Collapsed content is hidden
 * on screen only; on paper everything prints, with the button's words as a plain heading.
 */
import { createSignal, type JSX } from "solid-js";

export function Collapsible(props: {
  id: string;
  label: string;
  open?: boolean;
  testid?: string;
  children: JSX.Element;
}) {
  const [open, setOpen] = createSignal(props.open ?? false);
  return (
    <div class="collapsible" data-testid={props.testid}>
      <p class="print-only collapsible-heading">{props.label}</p>
      <button
        type="button"
        class="disclosure no-print"
        aria-expanded={open() ? "true" : "false"}
        aria-controls={props.id}
        onClick={() => setOpen(!open())}
      >
        {props.label}
      </button>
      <div id={props.id} class="collapsible-content" classList={{ collapsed: !open() }}>
        {props.children}
      </div>
    </div>
  );
}
