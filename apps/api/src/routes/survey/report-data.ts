/**
 * @module
 * The data of a round's report, from the round's national picture (so the report and the national
 * view hide the same cells) and the catalogue: who needs support, for which functions, which needs
 * public money may fund and in which forms and from which sources, public-task readiness, regions
 * versus the centre, gaps, and the change from an earlier round. Each of the working group's ten
 * questions gets a short answer in words made from these figures.
 */
import {
  ActorTypes,
  FundingSourceKinds,
  InstrumentForms,
  Levels,
  REPORT_QUESTIONS,
  SupportFunctions,
  indexByCode,
  protectCount,
  type CountCell,
  type FundingSource,
  type Instrument,
  type LocalizedText,
  type ReportData,
  type ResponseRate,
  type Round,
} from "@klastry/domain";
import type { SurveyCounts } from "@klastry/db";
import { coveringInstruments } from "./level-coverage.ts";
import { gapPairs, type buildNationalPicture } from "./national-picture.ts";

type Picture = ReturnType<typeof buildNationalPicture>;

export interface ReportInput {
  round: Round;
  picture: Picture;
  counts: SurveyCounts;
  rates: { total: ResponseRate };
  accepted: number;
  instruments: readonly Instrument[];
  fundingSources: readonly FundingSource[];
  rulebookVersion: string;
  catalogueVersion: string;
}

const num = (cell: CountCell) => (typeof cell === "number" ? cell : -1);

function top<T extends { count: CountCell }>(items: readonly T[], n: number): T[] {
  return [...items]
    .filter((i) => typeof i.count === "number")
    .sort((a, b) => num(b.count) - num(a.count))
    .slice(0, n);
}

export function buildReportData(input: ReportInput): ReportData {
  const { picture, counts } = input;
  const p = picture.protectedCounts;
  const actorLabel = indexByCode(ActorTypes.entries);
  const fnLabel = indexByCode(SupportFunctions.entries);
  const covering = coveringInstruments(input.instruments, picture.statusOn);
  const kindOf = new Map(input.fundingSources.map((source) => [source.id, source.kind]));

  const actors = ActorTypes.codes.map((actor) => ({
    actor,
    count: protectCount(counts.actors.find((a) => a.actor === actor)?.count ?? 0),
  }));
  const functions = SupportFunctions.codes.map((fn) => ({
    function: fn,
    count: protectCount(counts.functions.find((f) => f.function === fn)?.count ?? 0),
  }));
  const fundable = picture.needTotals.map((need) => {
    const serving = covering.filter(
      (i) => i.functions.includes(need.function) && i.eligibleActors.includes(need.actor),
    );
    return {
      ...need,
      instruments: serving.length,
      levels: {
        eu: serving.some((i) => i.level === "eu"),
        national: serving.some((i) => i.level === "national"),
        regional: serving.some((i) => i.level === "regional"),
      },
    };
  });
  const formsSources = SupportFunctions.codes.map((fn) => {
    const serving = covering.filter((i) => i.functions.includes(fn));
    const forms = InstrumentForms.codes
      .map((form) => ({ form, instruments: serving.filter((i) => i.forms.includes(form)).length }))
      .filter((f) => f.instruments > 0);
    const sources = FundingSourceKinds.codes
      .map((kind) => ({
        kind,
        instruments: serving.filter((i) => i.fundingSources.some((id) => kindOf.get(id) === kind))
          .length,
      }))
      .filter((s) => s.instruments > 0);
    return { function: fn, forms, sources };
  });
  const publicTasks = p.tasks.map((t) => ({
    task: t.task,
    readiness: t.readiness,
    count: p.cell(`rt|${t.task}|${t.readiness}`),
  })) as ReportData["publicTasks"];
  const gaps = gapPairs(p, picture.offers);
  const gapList = picture.needTotals.filter((n) => gaps.has(`${n.actor}|${n.function}`));
  const levels = Levels.codes.map((level) => ({
    level,
    needsCovered: picture.levels.reduce((s, r) => s + r.coveredBy[level], 0),
  }));
  const regions = picture.levels.map((split) => ({
    ...split,
    clusters: picture.regions.find((r) => r.region === split.region)?.clusters ?? ("<3" as const),
  }));

  const topActors = top(actors, 3).map((a) => actorLabel.get(a.actor)?.label);
  const topFunctions = top(functions, 3).map((f) => fnLabel.get(f.function)?.label);
  const words = (list: (LocalizedText | undefined)[], lang: "pl" | "en") =>
    list
      .filter((l) => l !== undefined)
      .map((l) => l[lang])
      .join(", ") ||
    (lang === "pl" ? "brak danych powyżej progu" : "no figures above the threshold");
  const central = levels
    .filter((l) => l.level !== "regional")
    .reduce((s, l) => s + l.needsCovered, 0);
  const regional = levels.find((l) => l.level === "regional")?.needsCovered ?? 0;
  const fundableCount = fundable.filter((f) => f.instruments > 0).length;
  const ready = publicTasks.filter(
    (t) => t.readiness !== "interested" && typeof t.count === "number",
  );
  const change = picture.change;
  const changeText: LocalizedText =
    change === null
      ? {
          pl: "Jedna runda: porównanie z następną rundą pokaże, czy luki się zamykają.",
          en: "One round only: comparing it with the next round will show whether gaps close.",
        }
      : {
          pl: `Od rundy „${change.from.title}”: luk było ${change.gapsBefore}, jest ${change.gapsAfter}; zamknięte ${change.closedGaps}, nowe ${change.newGaps}.`,
          en: `Since the round “${change.from.title}”: ${change.gapsBefore} gaps before, ${change.gapsAfter} now; ${change.closedGaps} closed, ${change.newGaps} new.`,
        };
  const gapText: LocalizedText = {
    pl: `Potrzeby zgłoszone przez co najmniej 3 klastry, których żaden instrument nie pokrywa: ${gapList.length}.`,
    en: `Needs reported by at least 3 clusters that no instrument covers: ${gapList.length}.`,
  };
  const answers: Record<string, LocalizedText> = {
    q1: { pl: `${gapText.pl} ${changeText.pl}`, en: `${gapText.en} ${changeText.en}` },
    q2: gapText,
    q3: changeText,
    q4: {
      pl: `Potrzeby pokryte przez poziom centralny (UE i krajowy): ${central}, przez regionalny: ${regional}; luki: ${gapList.length}.`,
      en: `Needs covered by the central level (EU and national): ${central}, by the regional level: ${regional}; gaps: ${gapList.length}.`,
    },
    q5: {
      pl: `Zgłoszone potrzeby (region × potrzeba) pokryte tylko przez regiony: ${regions.reduce((s, r) => s + r.onlyRegional, 0)}, tylko przez centrum: ${regions.reduce((s, r) => s + r.onlyCentral, 0)}.`,
      en: `Reported needs (region × need) covered only by the regions: ${regions.reduce((s, r) => s + r.onlyRegional, 0)}, only by the centre: ${regions.reduce((s, r) => s + r.onlyCentral, 0)}.`,
    },
    q6: {
      pl: `Najczęściej: ${words(topActors, "pl")}.`,
      en: `Most often: ${words(topActors, "en")}.`,
    },
    q7: {
      pl: `Najczęściej: ${words(topFunctions, "pl")}.`,
      en: `Most often: ${words(topFunctions, "en")}.`,
    },
    q8: {
      pl: `Potrzeby, którym służy co najmniej jeden dostępny instrument: ${fundableCount} z ${fundable.length}.`,
      en: `Needs served by at least one available instrument: ${fundableCount} of ${fundable.length}.`,
    },
    q9: {
      pl: "Formy i źródła finansowania dostępnych instrumentów według funkcji — tabela poniżej.",
      en: "Forms and funding sources of the available instruments by function: see the table below.",
    },
    q10: {
      pl: `Zadania publiczne z co najmniej 3 klastrami gotowymi lub już je realizującymi: ${new Set(ready.map((t) => t.task)).size}.`,
      en: `Public tasks with at least 3 clusters ready or already doing them: ${new Set(ready.map((t) => t.task)).size}.`,
    },
  };
  const round = input.round;
  return {
    round,
    generatedAt: new Date().toISOString(),
    method: {
      clusters: picture.clusters,
      invited: input.rates.total.invited,
      submitted: input.rates.total.submitted,
      responseRate: input.rates.total.rate,
      selfRegisteredAccepted: input.accepted,
      periodStart: round.periodStart,
      periodEnd: round.periodEnd,
      firstAnswer: counts.firstAnswer,
      lastAnswer: counts.lastAnswer,
      rulebookVersion: input.rulebookVersion,
      catalogueVersion: input.catalogueVersion,
      questionnaireVersion: round.questionnaireVersion,
      statusOn: picture.statusOn,
      minCellSize: picture.minCellSize,
    },
    questions: REPORT_QUESTIONS.map((q) => ({
      id: q.id,
      question: q.question,
      answer: answers[q.id] as LocalizedText,
    })),
    actors,
    functions,
    needs: picture.needTotals,
    fundable,
    formsSources,
    publicTasks,
    levels,
    regions,
    gaps: gapList,
    change: picture.change,
  };
}
