/**
 * @module
 * Imports a round's invitations from CSV (name, region, optional contact), pasted or chosen as a
 * file. The API checks every line; a rejected import lists each bad line in plain words
 * ("Wiersz 4: ..."), so the person can fix the file and try again. Nothing is imported then.
 */
import { createSignal, For, Show } from "solid-js";
import { t } from "../i18n/index.ts";
import { ApiError, type ProblemIssue } from "../lib/api-error.ts";
import { ErrorMessage } from "./error-message.tsx";

/** The 1-based line of the file an issue names (`lines[3]...` or `line 4`), header counted. */
export function lineOfIssue(issue: ProblemIssue): number | undefined {
  const match = /(?:^|\.)(?:lines|rows)\[(\d+)\]|^line[ :](\d+)/.exec(issue.path);
  if (!match) return undefined;
  if (match[1] !== undefined) return Number(match[1]) + 2;
  return Number(match[2]);
}

const COLUMNS = ["name", "region", "contact"] as const;

/** The column an issue names (`line 4.region`), if it is one of the list's columns. */
export function columnOfIssue(issue: ProblemIssue): (typeof COLUMNS)[number] | undefined {
  const column = /\.(\w+)$/.exec(issue.path)?.[1];
  return COLUMNS.find((known) => known === column);
}

export function InvitationImport(props: {
  pending: boolean;
  error: unknown;
  /** Answers whether the list was imported; the field then empties. */
  onImport: (csv: string) => Promise<boolean>;
}) {
  const [text, setText] = createSignal("");
  const [empty, setEmpty] = createSignal(false);
  const lineIssues = () =>
    props.error instanceof ApiError
      ? props.error.issues.filter((issue) => lineOfIssue(issue) !== undefined)
      : [];

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    setEmpty(false);
  };

  return (
    <form
      class="invitation-import"
      data-testid="invitation-import"
      onSubmit={(event) => {
        event.preventDefault();
        if (text().trim() === "") {
          setEmpty(true);
          document.getElementById("invitations-csv")?.focus();
          return;
        }
        void props.onImport(text()).then((imported) => {
          if (imported) setText("");
        });
      }}
    >
      <div class="field" classList={{ invalid: empty() }}>
        <label for="invitations-csv">{t("invitations.csv")}</label>
        <p class="hint" id="invitations-csv-hint">
          {t("invitations.csvHint")}
        </p>
        <textarea
          id="invitations-csv"
          rows={6}
          class="code"
          spellcheck={false}
          value={text()}
          aria-describedby="invitations-csv-hint"
          aria-invalid={empty() ? "true" : undefined}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setEmpty(false);
          }}
        />
        <Show when={empty()}>
          <p class="field-error">{t("invitations.csvEmpty")}</p>
        </Show>
      </div>
      <div class="field">
        <label for="invitations-file">{t("invitations.file")}</label>
        <input
          id="invitations-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(event) => void readFile(event.currentTarget.files?.[0])}
        />
      </div>
      <button
        type="submit"
        class="primary"
        disabled={props.pending}
        data-testid="invitations-submit"
      >
        {props.pending ? t("invitations.importing") : t("invitations.import")}
      </button>
      <Show when={props.error}>
        <Show when={lineIssues().length > 0} fallback={<ErrorMessage error={props.error} />}>
          <div class="error-box" role="alert" data-testid="import-errors">
            <p>{t("invitations.rejected")}</p>
            <ul>
              <For each={lineIssues()}>
                {(issue) => (
                  <li>
                    {t("invitations.lineIssue", {
                      line: lineOfIssue(issue) ?? 0,
                      message: issue.message,
                    })}
                    <Show when={columnOfIssue(issue)}>
                      {(column) => <> ({t(`invitations.column.${column()}`)})</>}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Show>
      </Show>
    </form>
  );
}
