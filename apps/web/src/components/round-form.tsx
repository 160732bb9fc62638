/**
 * @module
 * Opens a survey round: its title, period and scope. An admin key may open a national round or
 * one for any region; a region key opens rounds of its own region only, so the scope is fixed.
 * The questionnaire is the wizard as it is today (its version is recorded by the API).
 */
import { createSignal, Show } from "solid-js";
import { REGIONS, type RegionCode } from "@klastry/domain";
import { label, labelOf, t } from "../i18n/index.ts";
import { SelectField, TextField } from "./form-field.tsx";

export interface RoundDraft {
  title: string;
  opensOn: string;
  closesOn: string;
  /** `undefined` for a national round. */
  region: RegionCode | undefined;
}

export function RoundForm(props: {
  /** The region of a region key: rounds of that region only. */
  ownRegion: RegionCode | undefined;
  pending: boolean;
  onOpen: (draft: RoundDraft) => void;
}) {
  const [title, setTitle] = createSignal("");
  const [opensOn, setOpensOn] = createSignal(new Date().toISOString().slice(0, 10));
  const [closesOn, setClosesOn] = createSignal("");
  const [scope, setScope] = createSignal("");
  const [errors, setErrors] = createSignal<Record<string, string>>({});

  const submit = () => {
    const found: Record<string, string> = {};
    if (title().trim() === "") found.title = t("validation.required");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opensOn())) found.opensOn = t("validation.date");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(closesOn())) found.closesOn = t("validation.date");
    else if (closesOn() < opensOn()) found.closesOn = t("rounds.closesBeforeOpens");
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`round-${first}`)?.focus();
      return;
    }
    const region = props.ownRegion ?? (scope() === "" ? undefined : (scope() as RegionCode));
    props.onOpen({ title: title().trim(), opensOn: opensOn(), closesOn: closesOn(), region });
  };

  return (
    <form
      class="panel"
      aria-labelledby="round-form-title"
      data-testid="round-form"
      // Our own messages beside the fields, in the page's language, instead of the browser's.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id="round-form-title">{t("rounds.open")}</h2>
      <p class="hint">{t("rounds.openHint")}</p>
      <TextField
        id="round-title"
        label={t("rounds.titleField")}
        value={title()}
        onValue={setTitle}
        required
        error={errors().title}
      />
      <div class="grid">
        <TextField
          id="round-opensOn"
          type="date"
          label={t("rounds.opensOn")}
          value={opensOn()}
          onValue={setOpensOn}
          required
          error={errors().opensOn}
        />
        <TextField
          id="round-closesOn"
          type="date"
          label={t("rounds.closesOn")}
          value={closesOn()}
          onValue={setClosesOn}
          required
          error={errors().closesOn}
        />
      </div>
      <Show
        when={props.ownRegion}
        fallback={
          <SelectField
            id="round-scope"
            label={t("rounds.scope")}
            value={scope()}
            onValue={setScope}
            emptyLabel={t("rounds.scope.national")}
            choices={REGIONS.map((entry) => ({
              value: entry.code,
              label: t("rounds.scope.region", { region: label(entry.label) }),
            }))}
          />
        }
      >
        {(region) => (
          <p data-testid="round-scope-fixed">
            {t("rounds.scope")}: {t("rounds.scope.region", { region: labelOf(REGIONS, region()) })}
          </p>
        )}
      </Show>
      <button type="submit" class="primary" disabled={props.pending} data-testid="round-open">
        {props.pending ? t("rounds.opening") : t("rounds.openButton")}
      </button>
    </form>
  );
}
