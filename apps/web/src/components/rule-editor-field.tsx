/**
 * @module
 * The rule file's text, edited in CodeMirror (loaded on first use, see lib/rule-editor.ts) with
 * schema checks and completion; a plain text area stands in while the editor loads, or where it
 * cannot run. Text set from outside (a rule opened, a file uploaded) replaces the editor's.
 */
import { createEffect, createSignal, on, onCleanup, onMount, Show } from "solid-js";
import { language } from "../i18n/index.ts";
import type { RuleEditor } from "../lib/rule-editor.ts";
import { FieldError } from "./form-field.tsx";

export function RuleEditorField(props: {
  id: string;
  label: string;
  hint: string;
  text: string;
  onText: (text: string) => void;
  error?: string | undefined;
}) {
  let host: HTMLDivElement | undefined;
  let editor: RuleEditor | undefined;
  let lastFromEditor = props.text;
  const [ready, setReady] = createSignal(false);
  const describedBy = () =>
    [`${props.id}-hint`, props.error ? `${props.id}-error` : ""].filter(Boolean).join(" ");

  onMount(() => {
    void import("../lib/rule-editor.ts")
      .then(({ createRuleEditor }) => {
        if (!host) return;
        editor = createRuleEditor(host, {
          text: props.text,
          label: props.label,
          describedBy: describedBy(),
          language: language(),
          onChange: (text) => {
            lastFromEditor = text;
            props.onText(text);
          },
        });
        setReady(true);
      })
      .catch(() => {
        // The text area below stays: the file can still be edited and previewed.
      });
  });
  // Text from outside (an opened rule, an upload) replaces the editor's own.
  createEffect(
    on(
      () => props.text,
      (text) => {
        if (editor && text !== lastFromEditor) {
          lastFromEditor = text;
          editor.setText(text);
        }
      },
    ),
  );
  onCleanup(() => editor?.destroy());

  return (
    <div class="field rule-editor" classList={{ invalid: Boolean(props.error) }}>
      <label for={ready() ? undefined : props.id} id={`${props.id}-label`}>
        {props.label}
      </label>
      <p class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <div ref={host} class="code-editor" data-testid="rule-editor" hidden={!ready()} />
      <Show when={!ready()}>
        <textarea
          id={props.id}
          rows={14}
          class="code"
          spellcheck={false}
          value={props.text}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={describedBy()}
          onInput={(event) => {
            lastFromEditor = event.currentTarget.value;
            props.onText(event.currentTarget.value);
          }}
        />
      </Show>
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}
