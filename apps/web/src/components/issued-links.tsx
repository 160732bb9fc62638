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
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="issued-links-title">
        <table class="data">
          <caption class="visually-hidden">{t("invitations.linksCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("region.cluster")}</th>
              <th scope="col">{t("region.region")}</th>
              <th scope="col">{t("invitations.link")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.links}>
              {(entry) => (
                <tr>
                  <th scope="row" data-user-text>
                    {entry.name}
                  </th>
                  <td>{labelOf(REGIONS, entry.region)}</td>
                  <td class="link-cell">
                    <a href={entry.link} data-testid="invitation-link" rel="noreferrer">
                      {entry.link}
                    </a>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
