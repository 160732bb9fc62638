/**
 * @module
 * The one store of the wizard's answers, shared by the wizard and the results page, and kept in
 * localStorage so that a closed tab loses nothing.
 */
import { createContext, createEffect, useContext, type ParentProps } from "solid-js";
import { createStore, reconcile, type SetStoreFunction } from "solid-js/store";
import type {
  ActorType,
  PublicTask,
  ReadinessLevel,
  SupportFunction,
  Visibility,
} from "@klastry/domain";
import {
  emptyDraft,
  upgradeDraft,
  type ListQuestion,
  type PriorityAnswer,
  type SavedAccess,
  type WizardDraft,
} from "./wizard-state.ts";

export const WIZARD_STORAGE_KEY = "klastry.wizard.v1";

export interface WizardStore {
  draft: WizardDraft;
  setAnswer(path: string, value: string): void;
  /** Checks or unchecks "needs support in <function>". */
  setNeedChecked(fn: SupportFunction, checked: boolean): void;
  /** Whether `actor` is among those who need support in `fn`. */
  setNeedActor(fn: SupportFunction, actor: ActorType, needs: boolean): void;
  setNeedPriority(fn: SupportFunction, priority: PriorityAnswer): void;
  setPublicTask(task: PublicTask, readiness: ReadinessLevel | ""): void;
  /** The explicit "none of these" answer of a list; checking it clears the list's choices. */
  setNone(list: ListQuestion, none: boolean): void;
  setVisibility(visibility: Visibility): void;
  /** Remembers a save: the cluster id for later saves and the private token for comparisons. */
  recordSave(access: SavedAccess): void;
  replace(draft: WizardDraft): void;
  reset(): void;
}

function readDraft(storage: Storage | undefined): WizardDraft {
  try {
    const text = storage?.getItem(WIZARD_STORAGE_KEY);
    return text ? upgradeDraft(JSON.parse(text)) : emptyDraft();
  } catch {
    // A corrupt or unreadable entry starts a fresh survey rather than breaking the page.
    return emptyDraft();
  }
}

/** Creates the store; call inside a component or root so the persisting effect has an owner. */
export function createWizardStore(
  storage: Storage | undefined = globalThis.localStorage,
): WizardStore {
  const [draft, setDraft]: [WizardDraft, SetStoreFunction<WizardDraft>] = createStore(
    readDraft(storage),
  );
  createEffect(() => {
    // Stringifying reads every property, so any change re-runs this effect.
    const text = JSON.stringify(draft);
    try {
      storage?.setItem(WIZARD_STORAGE_KEY, text);
    } catch {
      // Full or blocked storage: answers stay in memory for this tab.
    }
  });
  return {
    draft,
    setAnswer: (path, value) => setDraft("answers", path, value),
    setNeedChecked: (fn, checked) =>
      setDraft("needs", fn, checked ? (current) => current ?? { actors: [] } : undefined),
    setNeedActor: (fn, actor, needs) =>
      setDraft("needs", fn, (current) => {
        const actors = (current?.actors ?? []).filter((a) => a !== actor);
        return { ...current, actors: needs ? [...actors, actor] : actors };
      }),
    setNeedPriority: (fn, priority) =>
      setDraft("needs", fn, (current) => ({ actors: [], ...current, priority })),
    setPublicTask: (task, readiness) =>
      setDraft("publicTasks", task, readiness === "" ? undefined : readiness),
    setNone: (list, none) => {
      setDraft("none", list, none ? true : undefined);
      if (!none) return;
      if (list === "needs") setDraft("needs", reconcile({}));
      else if (list === "publicTasks") setDraft("publicTasks", reconcile({}));
      else setDraft("answers", list, "");
    },
    setVisibility: (visibility) => setDraft("visibility", visibility),
    recordSave: (access) => {
      setDraft("clusterId", access.clusterId);
      setDraft("saved", (saved) => [...saved, access]);
    },
    replace: (next) => setDraft(reconcile(next)),
    // Starting over keeps the private tokens, so earlier saves stay comparable.
    reset: () => setDraft(reconcile({ ...emptyDraft(), saved: [...draft.saved] })),
  };
}

const WizardContext = createContext<WizardStore>();

/** Provides the wizard's store to the wizard and the results page. */
export function WizardProvider(props: ParentProps<{ storage?: Storage }>) {
  const store = createWizardStore(props.storage ?? globalThis.localStorage);
  return <WizardContext.Provider value={store}>{props.children}</WizardContext.Provider>;
}

export function useWizard(): WizardStore {
  const store = useContext(WizardContext);
  if (!store) throw new Error("useWizard must be used inside <WizardProvider>");
  return store;
}
