/**
 * @module
 * What a region's dashboard says to a key of another region: which region the key is for, with a
 * link to it, instead of a row of refusals (no data, no exports are offered).
 */
import { A } from "@solidjs/router";
import { REGIONS, type RegionCode } from "@klastry/domain";
import { labelOf, t } from "../i18n/index.ts";

export function WrongKey(props: {
  asked: RegionCode;
  keyRegion: RegionCode;
  onForget: () => void;
}) {
  return (
    <section class="panel wrong-key" role="alert" data-testid="wrong-key">
      <h2>{t("region.wrongKey.title")}</h2>
      <p>
        {t("region.wrongKey.text", {
          asked: labelOf(REGIONS, props.asked),
          keyRegion: labelOf(REGIONS, props.keyRegion),
        })}
      </p>
      <p>
        <A href={`/region/${props.keyRegion}`} class="button primary" data-testid="wrong-key-link">
          {t("region.wrongKey.link", { region: labelOf(REGIONS, props.keyRegion) })}
        </A>{" "}
        <button type="button" class="secondary" onClick={() => props.onForget()}>
          {t("keys.forget")}
        </button>
      </p>
    </section>
  );
}
