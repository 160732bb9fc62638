/**
 * @module
 * The self-assessment wizard (the needs survey): five steps, one store, validation beside each
 * field, focus moved to the step's heading on every step change.
 */
import {
  createEffect,
  createMemo,
  createSignal,
  For,
  Match,
  on,
  onMount,
  Show,
  Switch,
} from "solid-js";
import { useNavigate, useParams } from "@solidjs/router";
import { FieldGroup } from "../components/form-field.tsx";
import { focusField } from "../components/focus.ts";
import { needActorsId, NeedsStep } from "../components/needs-step.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { PublicTasksStep } from "../components/public-tasks-step.tsx";
import { InvitationBanner } from "../components/invitation-banner.tsx";
import { fieldId, WizardField } from "../components/wizard-field.tsx";
import { STEP_TITLES, WizardProgress } from "../components/wizard-progress.tsx";
import { label, labelOf, t, type MessageKey } from "../i18n/index.ts";
import { SupportFunctions, type SupportFunction } from "@klastry/domain";
import { storedInvitation } from "../lib/invitation-link.ts";
import { stepIssues, validateDraft } from "../lib/validate-draft.ts";
import {
  fieldByPath,
  isVisible,
  stepFields,
  WIZARD_FIELDS,
  type QuestionGroup,
  type StepNumber,
} from "../lib/wizard-fields.ts";
import { useWizard } from "../lib/wizard-store.tsx";

/** The fieldsets of steps 1, 2 and 5, in order, with an optional line under the legend. */
const GROUPS: Record<
  1 | 2 | 5,
  { group: QuestionGroup; legend: MessageKey; intro?: MessageKey }[]
> = {
  1: [
    { group: "identity", legend: "wizard.group.identity" },
    { group: "statuses", legend: "wizard.group.statuses" },
  ],
  2: [
    { group: "members", legend: "wizard.group.members", intro: "wizard.group.membersIntro" },
    { group: "profile", legend: "wizard.group.profile" },
  ],
  5: [{ group: "contribution", legend: "wizard.group.contribution" }],
};

/** A question's label as the error summary names it; a need's "who" answer by its function. */
function questionName(path: string): string {
  const need = /^needs\.([a-z_]+)\.actors$/.exec(path);
  if (need) return labelOf(SupportFunctions.entries, need[1] as SupportFunction);
  const field = fieldByPath(path);
  if (!field) return path;
  return field.labelText ? label(field.labelText) : t(field.labelKey);
}

/** The DOM id an issue's link moves focus to. */
function targetId(path: string): string {
  const need = /^needs\.([a-z_]+)\.actors$/.exec(path);
  return need ? needActorsId(need[1] as SupportFunction) : fieldId(path);
}

export function toStepNumber(value: string | undefined): StepNumber {
  const number = Number(value);
  return number >= 1 && number <= 5 ? (number as StepNumber) : 1;
}

export default function AssessmentWizard() {
  const params = useParams<{ step: string }>();
  const navigate = useNavigate();
  const wizard = useWizard();
  const step = createMemo(() => toStepNumber(params.step));
  const validation = createMemo(() => validateDraft(wizard.draft));
  const [touched, setTouched] = createSignal<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = createSignal<ReadonlySet<number>>(new Set());
  let heading: HTMLHeadingElement | undefined;

  usePageTitle(() => `${t(STEP_TITLES[step() - 1] as MessageKey)} · ${t("wizard.title")}`);

  const touch = (path: string) => {
    if (!touched().has(path)) setTouched(new Set([...touched(), path]));
  };
  const errorOf = (path: string) =>
    touched().has(path) || attempted().has(step()) ? validation().fields[path] : undefined;
  const issuesOfStep = createMemo(() => stepIssues(validation(), step(), stepFields(step())));
  const visibleFields = (step: StepNumber) =>
    stepFields(step).filter((field) => isVisible(field, wizard.draft.answers));

  // Focus the new step's heading so screen-reader and keyboard users start at its top.
  createEffect(on(step, () => heading?.focus(), { defer: true }));
  // Arriving from another page the frame focuses <main>; start at the step instead, so the
  // first Tab reaches the first question (a fresh page load keeps the browser's own start).
  onMount(() =>
    requestAnimationFrame(() => {
      if (document.activeElement?.id === "main") heading?.focus();
    }),
  );

  const goNext = () => {
    const issues = issuesOfStep();
    if (issues.fieldErrors.length > 0 || issues.other.length > 0) {
      setAttempted(new Set([...attempted(), step()]));
      const first =
        WIZARD_FIELDS.find((field) => issues.fieldErrors.some(([path]) => path === field.path))
          ?.path ?? issues.fieldErrors[0]?.[0];
      if (first) focusField(targetId(first));
      return;
    }
    navigate(step() === 5 ? "/assessment/results" : `/assessment/${step() + 1}`);
  };

  const showSummary = () =>
    attempted().has(step()) &&
    (issuesOfStep().fieldErrors.length > 0 || issuesOfStep().other.length > 0);

  return (
    <section
      class="wizard"
      data-testid={`wizard-step-${step()}`}
      aria-labelledby="wizard-step-heading"
    >
      <h1>{t("wizard.title")}</h1>
      <InvitationBanner invitation={storedInvitation()} />
      <WizardProgress current={step()} />
      <h2 id="wizard-step-heading" tabindex="-1" ref={heading}>
        {t(STEP_TITLES[step() - 1] as MessageKey)}
      </h2>
      <Show when={showSummary()}>
        <div class="error-summary" role="alert" data-testid="wizard-error-summary">
          <h3>{t("wizard.errorSummary")}</h3>
          <ul>
            <For each={issuesOfStep().fieldErrors}>
              {([path, message]) => (
                <li>
                  <a
                    href={`#${targetId(path)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      focusField(targetId(path));
                    }}
                  >
                    {questionName(path)}: {message}
                  </a>
                </li>
              )}
            </For>
            <For each={issuesOfStep().other}>{(issue) => <li>{issue.message}</li>}</For>
          </ul>
        </div>
      </Show>
      <form
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          goNext();
        }}
      >
        <Switch>
          <Match when={step() === 3}>
            <NeedsStep errorOf={errorOf} />
          </Match>
          <Match when={step() === 4}>
            <PublicTasksStep />
          </Match>
          <Match when={step() === 1 || step() === 2 || step() === 5}>
            <For each={GROUPS[step() as 1 | 2 | 5]}>
              {(group) => (
                <FieldGroup
                  legend={t(group.legend)}
                  intro={group.intro ? t(group.intro) : undefined}
                >
                  <For each={visibleFields(step()).filter((field) => field.group === group.group)}>
                    {(field) => (
                      <WizardField field={field} error={errorOf(field.path)} onTouch={touch} />
                    )}
                  </For>
                </FieldGroup>
              )}
            </For>
          </Match>
        </Switch>
        {/* The way on comes first: after the last question, one Tab reaches it. */}
        <div class="wizard-nav no-print">
          <button type="submit" class="primary" data-testid="wizard-next">
            {step() === 5 ? t("wizard.showResults") : t("wizard.next")}
          </button>
          <Show when={step() > 1}>
            <button
              type="button"
              class="secondary"
              data-testid="wizard-back"
              onClick={() => navigate(`/assessment/${step() - 1}`)}
            >
              {t("wizard.back")}
            </button>
          </Show>
          <button
            type="button"
            class="link wizard-reset"
            data-testid="wizard-reset"
            onClick={() => {
              // A new survey for another cluster must not add to the saved cluster's history.
              if (!window.confirm(t("wizard.resetConfirm"))) return;
              wizard.reset();
              setTouched(new Set<string>());
              setAttempted(new Set<number>());
              navigate("/assessment/1");
              heading?.focus();
            }}
          >
            {t("wizard.reset")}
          </button>
        </div>
      </form>
    </section>
  );
}
