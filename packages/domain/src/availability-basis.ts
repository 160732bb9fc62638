/**
 * @module
 * The basis of an availability status in plain Polish and English: the window, the pattern and
 * the years it rests on, the offer's dates, the end and its rule. Users read these sentences next
 * to the status badge, so they name dates and sources' facts, never how the catalogue was made.
 */
import { formatDate, formatDateRange, formatMonthRange } from "./format/dates.ts";
import { formatCount, UNITS } from "./format/plural.ts";
import type {
  CallWindow,
  ContinuousOffer,
  End,
  ProgrammePeriod,
  Recurrence,
} from "./schemas/availability.ts";
import type { LocalizedText } from "./vocabulary/localized.ts";
import { EndRules } from "./vocabulary/vocabulary.ts";

export type BasisFacts =
  | { kind: "open" | "planned" | "closed" | "scheduled"; window: CallWindow }
  | { kind: "available" | "offer_over" | "stale_offer"; offer: ContinuousOffer }
  | {
      kind: "recurring";
      recurrence: Recurrence;
      years: readonly number[];
      window: { opens: string; closes: string } | undefined;
    }
  | { kind: "programme_running"; programme: ProgrammePeriod }
  | { kind: "ended"; end: End }
  | { kind: "lapsed"; lastYear: number }
  | { kind: "far_future"; opens: string }
  | { kind: "undated" };

const both = (pl: string, en: string): LocalizedText => ({ pl, en });

function windowText(w: CallWindow, language: "pl" | "en"): string {
  const range =
    w.precision === "day"
      ? formatDateRange(w.opens, w.closes, language)
      : formatMonthRange(w.opens, w.closes, language);
  return w.label ? `${range} (${w.label[language]})` : range;
}

function yearsText(years: readonly number[]): string {
  return years.join(", ");
}

/** The sentence for one status. */
export function availabilityBasis(facts: BasisFacts): LocalizedText {
  switch (facts.kind) {
    case "open":
      return both(
        `Nabór trwa: ${windowText(facts.window, "pl")}`,
        `Applications open: ${windowText(facts.window, "en")}`,
      );
    case "planned":
      return both(
        `Zapowiedziany nabór: ${windowText(facts.window, "pl")}`,
        `Announced call: ${windowText(facts.window, "en")}`,
      );
    case "closed":
      return both(
        `Ostatni znany nabór: ${windowText(facts.window, "pl")}; kolejny nie jest zapowiedziany`,
        `Last known call: ${windowText(facts.window, "en")}; no further call is announced`,
      );
    case "scheduled":
      return both(
        `Harmonogram zapowiada nabór w okresie: ${windowText(facts.window, "pl")}; dokładne daty nie są jeszcze znane`,
        `The published schedule lists a call in ${windowText(facts.window, "en")}; exact dates are not known yet`,
      );
    case "available": {
      const { until, confirmedOn, note } = facts.offer;
      const pl = [
        until ? `Oferta dostępna do ${formatDate(until, "pl")}` : "Oferta dostępna",
        confirmedOn ? `potwierdzona w źródle z ${formatDate(confirmedOn, "pl")}` : undefined,
      ];
      const en = [
        until ? `Available until ${formatDate(until, "en")}` : "Available",
        confirmedOn ? `confirmed by a source dated ${formatDate(confirmedOn, "en")}` : undefined,
      ];
      return both(
        `${pl.filter(Boolean).join(", ")}. ${note.pl}`,
        `${en.filter(Boolean).join(", ")}. ${note.en}`,
      );
    }
    case "offer_over": {
      const until = facts.offer.until as string;
      return both(
        `Oferta była dostępna do ${formatDate(until, "pl")}`,
        `The offer was available until ${formatDate(until, "en")}`,
      );
    }
    case "stale_offer": {
      const on = facts.offer.confirmedOn as string;
      return both(
        `Oferta potwierdzona ostatnio w źródle z ${formatDate(on, "pl")}; nowszego potwierdzenia brak`,
        `Last confirmed by a source dated ${formatDate(on, "en")}; no later confirmation`,
      );
    }
    case "recurring": {
      const { recurrence, years, window } = facts;
      if (window) {
        return both(
          `Nabór co roku; kolejny spodziewany w okresie: ${formatMonthRange(window.opens, window.closes, "pl")} (na podstawie naborów z lat ${yearsText(years)}). ${recurrence.note.pl}`,
          `A yearly call; the next is expected in ${formatMonthRange(window.opens, window.closes, "en")} (based on the calls of ${yearsText(years)}). ${recurrence.note.en}`,
        );
      }
      const validity = recurrence.statusValidYears;
      return both(
        `Kolejna runda nie jest jeszcze zapowiedziana (poprzednie: ${yearsText(years)}${validity ? `; status ważny ${formatCount(validity, UNITS.years, "pl")}` : ""}). ${recurrence.note.pl}`,
        `The next round is not announced yet (earlier rounds: ${yearsText(years)}${validity ? `; a status lasts ${formatCount(validity, UNITS.years, "en")}` : ""}). ${recurrence.note.en}`,
      );
    }
    case "programme_running":
      return both(
        `Program działa od ${formatDate(facts.programme.from, "pl")}; nie potwierdzono naboru, z którego klaster mógłby skorzystać. ${facts.programme.note.pl}`,
        `The programme has run since ${formatDate(facts.programme.from, "en")}; no call a cluster could use is confirmed. ${facts.programme.note.en}`,
      );
    case "ended": {
      const rule = EndRules.entries.find((entry) => entry.code === facts.end.rule);
      const note = facts.end.note;
      return both(
        `Zakończony ${formatDate(facts.end.on, "pl")} (${rule?.label.pl ?? facts.end.rule})${note ? `. ${note.pl}` : ""}`,
        `Ended on ${formatDate(facts.end.on, "en")} (${rule?.label.en ?? facts.end.rule})${note ? `. ${note.en}` : ""}`,
      );
    }
    case "lapsed":
      return both(
        `Ostatni znany nabór w ${facts.lastYear} r.; nowszego nie potwierdzono`,
        `Last known call in ${facts.lastYear}; no later one is confirmed`,
      );
    case "far_future":
      return both(
        `Najbliższy znany nabór otwiera się dopiero ${formatDate(facts.opens, "pl")}; wcześniej nie był zapowiedziany`,
        `The next known call opens only on ${formatDate(facts.opens, "en")}; it was not announced earlier`,
      );
    case "undated":
      return both("Źródła nie podają dat naboru", "The sources give no call dates");
  }
}
