/**
 * @module
 * Reads an imported list of clusters (CSV text: `name,region,contact`, a header line first,
 * comma or semicolon separated, quotes as RFC 4180 has them). Every line is checked before
 * anything is stored; each problem names the line, the column and what is allowed, so the owner
 * fixes the file once, and nothing is half-imported.
 */
import {
  INVITATION_CSV_COLUMNS,
  MAX_INVITATIONS_PER_IMPORT,
  REGION_CODES,
  REGIONS,
  RegionCodeSchema,
  issuesFromZod,
  textSchema,
  type Language,
  type RegionCode,
  type Round,
} from "@klastry/domain";
import { ApiError, type ApiIssue } from "../../problems/api-error.ts";

export interface ImportedLine {
  clusterName: string;
  region: RegionCode;
  contact: string | null;
}

const NameSchema = textSchema(200);
const ContactSchema = textSchema(200);
/** The most problems one answer lists; the count of the rest is said in words. */
const MAX_ISSUES = 100;

const regionName = (code: string, language: Language) =>
  REGIONS.find((region) => region.code === code)?.label[language] ?? code;

/** What the owner reads about each kind of problem, in the page's language. */
const MESSAGES = {
  header: {
    en: (expected: string) => `expected the columns ${expected} (contact may be left out)`,
    pl: (expected: string) => `oczekiwane kolumny ${expected} (kontakt można pominąć)`,
  },
  tooManyFields: {
    en: (got: number, has: number, header: string, sep: string) =>
      `has ${got} fields; the header has ${has} (${header}); quote a name that contains "${sep}"`,
    pl: (got: number, has: number, header: string, sep: string) =>
      `ma ${got} pól, a nagłówek ${has} (${header}); nazwę zawierającą „${sep}” ujmij w cudzysłów`,
  },
  nameMissing: { en: "the cluster's name is missing", pl: "brak nazwy klastra" },
  notARegion: {
    en: (raw: string) => `"${raw}" is not a voivodeship's TERYT code`,
    pl: (raw: string) => `„${raw}” nie jest kodem TERYT województwa`,
  },
  outsideRound: {
    en: (region: string) => `this round covers region ${region} (${regionName(region, "en")}) only`,
    pl: (region: string) =>
      `ta runda obejmuje tylko województwo ${regionName(region, "pl")} (${region})`,
  },
  duplicate: {
    en: (first: number) =>
      `the same cluster as line ${first} (same name and region); list each cluster once`,
    pl: (first: number) =>
      `ten sam klaster co w wierszu ${first} (ta sama nazwa i województwo); każdy klaster tylko raz`,
  },
  empty: {
    en: "the list has no cluster; add one line per cluster under the header",
    pl: "lista nie zawiera klastra; dodaj pod nagłówkiem po jednym wierszu na klaster",
  },
  tooMany: {
    en: (max: number) => `one import takes at most ${max} clusters; split the list`,
    pl: (max: number) => `jeden import przyjmuje najwyżej ${max} klastrów; podziel listę`,
  },
  invalidText: { en: "is not valid text", pl: "to nie jest poprawny tekst" },
} as const;

/** Splits CSV text into rows of fields (quoted fields may hold separators, quotes and newlines). */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function issue(line: number, column: string, message: string, extra: Partial<ApiIssue> = {}) {
  return {
    code: "INVALID_VALUE",
    in: "body" as const,
    path: `line ${line}.${column}`,
    pointer: `/${line}/${column}`,
    // The path names the line and column; the message says what is wrong there, in the language
    // asked for (`?lang=`), so a page can put it in its own sentence.
    message,
    ...extra,
  };
}

/** Every line of the list, checked; throws one 400 listing every problem found. */
export function readInvitationCsv(
  text: string,
  round: Round,
  language: Language = "en",
): ImportedLine[] {
  const say = language;
  const textIssue = (error: Parameters<typeof issuesFromZod>[0]) =>
    issuesFromZod(error, language)[0]?.message ?? MESSAGES.invalidText[say];
  const clean = text.replace(/^\uFEFF/, "");
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? "";
  const separator = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  const rows = parseCsv(clean, separator);
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const expected = INVITATION_CSV_COLUMNS.join(",");
  if (
    header[0] !== "name" ||
    header[1] !== "region" ||
    (header.length > 2 && header[2] !== "contact") ||
    header.length > 3
  ) {
    throw new ApiError(
      "VALIDATION_FAILED",
      `the list must start with the header line "${expected}"`,
      {
        issues: [
          issue(1, "header", MESSAGES.header[say](expected), {
            received: (rows[0] ?? []).join(separator),
            allowed: [...INVITATION_CSV_COLUMNS],
          }),
        ],
      },
    );
  }
  const issues: ApiIssue[] = [];
  const lines: ImportedLine[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((cell) => cell.trim() === "")) return;
    if (cells.length > header.length) {
      issues.push(
        issue(
          line,
          "line",
          MESSAGES.tooManyFields[say](cells.length, header.length, header.join(","), separator),
        ),
      );
      return;
    }
    const [rawName = "", rawRegion = "", rawContact = ""] = cells.map((cell) => cell.trim());
    const name = NameSchema.safeParse(rawName);
    if (rawName === "") issues.push(issue(line, "name", MESSAGES.nameMissing[say]));
    else if (!name.success)
      issues.push(
        issue(line, "name", textIssue(name.error), {
          received: rawName,
        }),
      );
    const region = RegionCodeSchema.safeParse(rawRegion.padStart(2, "0"));
    if (!region.success)
      issues.push(
        issue(line, "region", MESSAGES.notARegion[say](rawRegion), {
          received: rawRegion,
          allowed: [...REGION_CODES],
        }),
      );
    else if (round.region !== null && region.data !== round.region)
      issues.push(
        issue(line, "region", MESSAGES.outsideRound[say](round.region), {
          received: rawRegion,
          allowed: [round.region],
        }),
      );
    const contact = rawContact === "" ? null : ContactSchema.safeParse(rawContact);
    if (contact !== null && !contact.success)
      issues.push(issue(line, "contact", textIssue(contact.error)));
    if (name.success && region.success) {
      const key = `${region.data}/${name.data.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) issues.push(issue(line, "name", MESSAGES.duplicate[say](first)));
      else seen.set(key, line);
      if (contact === null || contact.success)
        lines.push({ clusterName: name.data, region: region.data, contact: contact?.data ?? null });
    }
  });
  if (lines.length === 0 && issues.length === 0) issues.push(issue(2, "line", MESSAGES.empty[say]));
  if (lines.length > MAX_INVITATIONS_PER_IMPORT)
    issues.push(
      issue(
        MAX_INVITATIONS_PER_IMPORT + 2,
        "line",
        MESSAGES.tooMany[say](MAX_INVITATIONS_PER_IMPORT),
      ),
    );
  if (issues.length > 0) {
    const more = issues.length > MAX_ISSUES ? ` (the first ${MAX_ISSUES} are listed)` : "";
    throw new ApiError(
      "VALIDATION_FAILED",
      `the list has ${issues.length} problem(s)${more}; nothing was imported`,
      { issues: issues.slice(0, MAX_ISSUES) },
    );
  }
  return lines;
}
