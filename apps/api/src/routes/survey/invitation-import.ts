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
  RegionCodeSchema,
  textSchema,
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
    message: `line ${line}, ${column}: ${message}`,
    ...extra,
  };
}

/** Every line of the list, checked; throws one 400 listing every problem found. */
export function readInvitationCsv(text: string, round: Round): ImportedLine[] {
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
          issue(1, "header", `expected the columns ${expected} (contact may be left out)`, {
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
          `has ${cells.length} fields; the header has ${header.length} (${header.join(",")}); quote a name that contains "${separator}"`,
        ),
      );
      return;
    }
    const [rawName = "", rawRegion = "", rawContact = ""] = cells.map((cell) => cell.trim());
    const name = NameSchema.safeParse(rawName);
    if (rawName === "") issues.push(issue(line, "name", "the cluster's name is missing"));
    else if (!name.success)
      issues.push(
        issue(line, "name", name.error.issues[0]?.message ?? "is not valid text", {
          received: rawName,
        }),
      );
    const region = RegionCodeSchema.safeParse(rawRegion.padStart(2, "0"));
    if (!region.success)
      issues.push(
        issue(line, "region", `"${rawRegion}" is not a voivodeship's TERYT code`, {
          received: rawRegion,
          allowed: [...REGION_CODES],
        }),
      );
    else if (round.region !== null && region.data !== round.region)
      issues.push(
        issue(line, "region", `this round covers region ${round.region} only`, {
          received: rawRegion,
          allowed: [round.region],
        }),
      );
    const contact = rawContact === "" ? null : ContactSchema.safeParse(rawContact);
    if (contact !== null && !contact.success)
      issues.push(issue(line, "contact", contact.error.issues[0]?.message ?? "is not valid text"));
    if (name.success && region.success) {
      const key = `${region.data}/${name.data.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined)
        issues.push(
          issue(
            line,
            "name",
            `the same cluster as line ${first} (same name and region); list each cluster once`,
          ),
        );
      else seen.set(key, line);
      if (contact === null || contact.success)
        lines.push({ clusterName: name.data, region: region.data, contact: contact?.data ?? null });
    }
  });
  if (lines.length === 0 && issues.length === 0)
    issues.push(
      issue(2, "line", "the list has no cluster; add one line per cluster under the header"),
    );
  if (lines.length > MAX_INVITATIONS_PER_IMPORT)
    issues.push(
      issue(
        MAX_INVITATIONS_PER_IMPORT + 2,
        "line",
        `one import takes at most ${MAX_INVITATIONS_PER_IMPORT} clusters; split the list`,
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
