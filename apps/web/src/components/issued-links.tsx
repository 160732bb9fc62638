/**
 * @module
 * The private links of the invitations just imported, shown once: the API keeps only a hash of
 * each token, so these links cannot be shown again. They can be copied or downloaded as a CSV for
 * a mail merge (name, region, contact, link).
 */
import { createSignal, For } from "solid-js";
import { REGIONS } from "@klastry/domain";
import { labelOf, plural, t } from "../i18n/index.ts";
import { downloadText } from "../lib/download.ts";
import { mailMergeCsv, type IssuedLink } from "../lib/invitation-link.ts";

export function IssuedLinks(props: { links: readonly IssuedLink[]; fileName: string }) {
  const [copied, setCopied] = createSignal(false);
  const copyAll = () =>
    navigator.clipboard
      ?.writeText(props.links.map((entry) => `${entry.name}\t${entry.link}`).join("\n"))
      .then(
        () => setCopied(true),
        () => setCopied(false),
      );
  return (
    <section
      class="issued-links"
      role="status"
      aria-labelledby="issued-links-title"
      data-testid="issued-links"
    >
      <h3 id="issued-links-title">
        {t("invitations.linksTitle", { count: plural("plural.invitation", props.links.length) })}
      </h3>
      <p>
        <strong>{t("invitations.linksOnce")}</strong>
      </p>
      <div class="toolbar">
        <button
          type="button"
          class="primary"
          data-testid="links-download"
          onClick={() =>
            downloadText(props.fileName, mailMergeCsv(props.links), "text/csv;charset=utf-8")
          }
        >
          {t("invitations.linksDownload")}
        </button>
        <button type="button" class="secondary" onClick={() => void copyAll()}>
          {copied() ? t("save.copied") : t("invitations.linksCopy")}
        </button>
      </div>
      <ol class="issued-list" aria-label={t("invitations.linksCaption")}>
        <For each={props.links}>
          {(entry) => (
            <li>
              <strong data-user-text>{entry.name}</strong> ({labelOf(REGIONS, entry.region)})
              <br />
              <a href={entry.link} class="link-cell" data-testid="invitation-link" rel="noreferrer">
                {entry.link}
              </a>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
