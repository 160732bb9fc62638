/**
 * @module
 * The twelve months as choices (coded 1-12, as `cluster.foundedMonth` takes them) and as words
 * for dates known only to the month ("marzec 2027").
 */
import type { LocalizedText } from "@klastry/domain";

const NAMES = {
  pl: "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień",
  en: "January February March April May June July August September October November December",
};

export const MONTHS: readonly { code: string; label: LocalizedText }[] = NAMES.pl
  .split(" ")
  .map((pl, index) => ({
    code: String(index + 1),
    label: { pl, en: NAMES.en.split(" ")[index] ?? pl },
  }));
