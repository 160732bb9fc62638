/**
 * @module
 * The report's data annex: the same tables as CSV (long form: table, item, measure, value, so one
 * file holds them all) and as an XLSX workbook (exceljs; one sheet per table, plus the method).
 * Both are made from the report's data, so they show the same protected counts ("<3", "x").
 */
import ExcelJS from "exceljs";
import {
  ActorTypes,
  FundingSourceKinds,
  InstrumentForms,
  PublicTasks,
  ReadinessLevels,
  SupportFunctions,
  toCsv,
  type CsvCell,
  type Language,
  type ReportData,
} from "@klastry/domain";
import { labeller } from "./national.ts";

export interface AnnexTable {
  name: string;
  /** How many leading columns label the row; the rest are measures. */
  keys: number;
  header: string[];
  rows: CsvCell[][];
}

const TITLES: Record<string, Record<Language, string>> = {
  method: { pl: "Metoda", en: "Method" },
  needs: { pl: "Potrzeby", en: "Needs" },
  actors: { pl: "Kto potrzebuje", en: "Who needs" },
  functions: { pl: "Funkcje", en: "Functions" },
  fundable: { pl: "Finansowanie publiczne", en: "Public funding" },
  forms: { pl: "Formy i źródła", en: "Forms and sources" },
  tasks: { pl: "Zadania publiczne", en: "Public tasks" },
  regions: { pl: "Regiony a centrum", en: "Regions vs centre" },
  gaps: { pl: "Luki", en: "Gaps" },
  change: { pl: "Zmiana", en: "Change" },
};

/** Every table of the annex, labelled in the language. */
export function annexTables(report: ReportData, lang: Language): AnnexTable[] {
  const actor = labeller(ActorTypes.entries, lang);
  const fn = labeller(SupportFunctions.entries, lang);
  const task = labeller(PublicTasks.entries, lang);
  const readiness = labeller(ReadinessLevels.entries, lang);
  const form = labeller(InstrumentForms.entries, lang);
  const kind = labeller(FundingSourceKinds.entries, lang);
  const m = report.method;
  const tables: AnnexTable[] = [
    {
      name: "method",
      keys: 1,
      header: ["measure", "value"],
      rows: [
        ["round", report.round.title],
        ["periodStart", m.periodStart],
        ["periodEnd", m.periodEnd],
        ["clusters", m.clusters],
        ["invited", m.invited],
        ["submitted", m.submitted],
        ["responseRate", m.responseRate],
        ["selfRegisteredAccepted", m.selfRegisteredAccepted],
        ["firstAnswer", m.firstAnswer],
        ["lastAnswer", m.lastAnswer],
        ["rulebookVersion", m.rulebookVersion],
        ["catalogueVersion", m.catalogueVersion],
        ["questionnaireVersion", m.questionnaireVersion],
        ["statusOn", m.statusOn],
        ["minCellSize", m.minCellSize],
      ],
    },
    {
      name: "needs",
      keys: 2,
      header: ["actor", "function", "clusters"],
      rows: report.needs.map((n) => [actor(n.actor), fn(n.function), n.count]),
    },
    {
      name: "actors",
      keys: 1,
      header: ["actor", "clusters"],
      rows: report.actors.map((a) => [actor(a.actor), a.count]),
    },
    {
      name: "functions",
      keys: 1,
      header: ["function", "clusters"],
      rows: report.functions.map((f) => [fn(f.function), f.count]),
    },
    {
      name: "fundable",
      keys: 2,
      header: ["actor", "function", "clusters", "instruments", "eu", "national", "regional"],
      rows: report.fundable.map((f) => [
        actor(f.actor),
        fn(f.function),
        f.count,
        f.instruments,
        f.levels.eu,
        f.levels.national,
        f.levels.regional,
      ]),
    },
    {
      name: "forms",
      keys: 3,
      header: ["function", "kind", "form or source", "instruments"],
      rows: report.formsSources.flatMap((f) => [
        ...f.forms.map((x) => [fn(f.function), "form", form(x.form), x.instruments]),
        ...f.sources.map((x) => [fn(f.function), "source", kind(x.kind), x.instruments]),
      ]),
    },
    {
      name: "tasks",
      keys: 2,
      header: ["task", "readiness", "clusters"],
      rows: report.publicTasks.map((t) => [task(t.task), readiness(t.readiness), t.count]),
    },
    {
      name: "regions",
      keys: 1,
      header: [
        "region",
        "clusters",
        "needs",
        "eu",
        "national",
        "regional",
        "onlyRegional",
        "onlyCentral",
        "gaps",
      ],
      rows: report.regions.map((r) => [
        r.region,
        r.clusters,
        r.needs,
        r.coveredBy.eu,
        r.coveredBy.national,
        r.coveredBy.regional,
        r.onlyRegional,
        r.onlyCentral,
        r.gaps,
      ]),
    },
    {
      name: "gaps",
      keys: 2,
      header: ["actor", "function", "clusters"],
      rows: report.gaps.map((g) => [actor(g.actor), fn(g.function), g.count]),
    },
  ];
  if (report.change !== null)
    tables.push({
      name: "change",
      keys: 2,
      header: ["actor", "function", "before", "after", "delta", "gapBefore", "gapAfter"],
      rows: report.change.needs.map((n) => [
        actor(n.actor),
        fn(n.function),
        n.before,
        n.after,
        n.delta,
        n.gapBefore,
        n.gapAfter,
      ]),
    });
  return tables;
}

/** One CSV, long form: table, item (the row's labels joined), measure (the column), value. */
export function annexCsv(report: ReportData, lang: Language): string {
  const rows: CsvCell[][] = [];
  for (const table of annexTables(report, lang)) {
    for (const row of table.rows) {
      const item = row.slice(0, table.keys).map(String).join(" / ");
      row
        .slice(table.keys)
        .forEach((value, i) =>
          rows.push([table.name, item, table.header[table.keys + i] ?? "", value]),
        );
    }
  }
  return toCsv(["table", "item", "measure", "value"], rows);
}

/** The workbook: one sheet per table, a bold header row, the method first. */
export async function annexXlsx(report: ReportData, lang: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Klastry";
  workbook.created = new Date(report.generatedAt);
  for (const table of annexTables(report, lang)) {
    const sheet = workbook.addWorksheet(TITLES[table.name]?.[lang] ?? table.name);
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? ""));
    sheet.columns.forEach((column) => (column.width = 24));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
