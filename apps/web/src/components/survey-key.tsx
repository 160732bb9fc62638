/**
 * @module
 * The key of the survey pages (rounds, the national picture, the report), asked once per browser
 * session and shared by them: an admin key, a region key (its own region's rounds) or a national
 * key (the national picture and reports). The API says which it is (`GET /keys/me`).
 */
import { ErrorBoundary, Show, Suspense, type JSX } from "solid-js";
import { createAsync } from "@solidjs/router";
import { t } from "../i18n/index.ts";
import { keyInfoQuery } from "../lib/queries.ts";
import { createSessionValue } from "../lib/session-keys.ts";
import { ErrorMessage } from "./error-message.tsx";
import { KeyForm } from "./key-form.tsx";

export type KeyInfo = NonNullable<Awaited<ReturnType<typeof keyInfoQuery>>>;

/** The key form, then `children` with the key and what it is for. */
export function SurveyKey(props: { children: (key: string, info: KeyInfo) => JSX.Element }) {
  const [key, setKey] = createSessionValue("surveyKey");
  return (
    <>
      <KeyForm
        id="survey-key"
        label={t("survey.key")}
        hint={t("survey.keyHint")}
        value={key()}
        onSave={setKey}
      />
      <Show when={key()}>
        {(secret) => (
          <ErrorBoundary fallback={(error: unknown) => <ErrorMessage error={error} />}>
            <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
              <WithInfo secret={secret()}>{props.children}</WithInfo>
            </Suspense>
          </ErrorBoundary>
        )}
      </Show>
    </>
  );
}

function WithInfo(props: {
  secret: string;
  children: (key: string, info: KeyInfo) => JSX.Element;
}) {
  const info = createAsync(() => keyInfoQuery(props.secret));
  return <Show when={info()}>{(loaded) => props.children(props.secret, loaded())}</Show>;
}
