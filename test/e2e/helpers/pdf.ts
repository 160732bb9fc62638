/**
 * @module
 * Reads what a browser test needs from a PDF that Chromium printed: how many pages it has and the
 * titles of its outline (the document's headings, printed with `outline: true`). Chromium writes
 * its objects in deflated streams; each one is inflated and searched as text.
 */
import { inflateSync } from "node:zlib";

/** The PDF's own text and every deflated stream inflated, as Latin-1 text. */
function pdfText(bytes: Buffer): string {
  const parts = [bytes.toString("latin1")];
  let at = 0;
  for (;;) {
    const start = bytes.indexOf("stream", at, "latin1");
    if (start < 0) break;
    let dataStart = start + "stream".length;
    if (bytes[dataStart] === 0x0d) dataStart += 1;
    if (bytes[dataStart] === 0x0a) dataStart += 1;
    const end = bytes.indexOf("endstream", dataStart, "latin1");
    if (end < 0) break;
    try {
      parts.push(inflateSync(bytes.subarray(dataStart, end)).toString("latin1"));
    } catch {
      // Not deflated (or an image): nothing to read in it.
    }
    at = end + "endstream".length;
  }
  return parts.join("\n");
}

/** A PDF string: `(literal)` with escapes, or `<hex>` (UTF-16BE after a FEFF mark). */
function decodeString(raw: string): string {
  if (raw.startsWith("<")) {
    const hex = raw.slice(1, -1).replace(/\s+/g, "");
    const bytes = Buffer.from(hex, "hex");
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return bytes.subarray(2).swap16().toString("utf16le");
    return bytes.toString("latin1");
  }
  const body = raw.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, escape: string) => {
    const named: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
    if (/^[0-7]+$/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    return named[escape] ?? escape;
  });
  const bytes = Buffer.from(body, "latin1");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString("utf16le");
  return body;
}

export interface PdfSummary {
  pages: number;
  /** Width and height of the first page in points (A4 is about 595 x 842). */
  pageSize: [number, number] | undefined;
  /** The outline's entry titles, in the file's order. */
  outline: string[];
}

export function readPdf(bytes: Buffer): PdfSummary {
  const text = pdfText(bytes);
  const pages = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const outline = [...text.matchAll(/\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/g)].map(
    (match) => decodeString(match[1] ?? ""),
  );
  const box = /\/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  const pageSize: [number, number] | undefined = box ? [Number(box[1]), Number(box[2])] : undefined;
  return { pages, pageSize, outline };
}
