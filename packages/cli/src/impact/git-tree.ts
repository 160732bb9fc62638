/**
 * @module
 * Reads a folder of another git revision without touching the working tree: `git rev-parse`
 * checks the revision, `git ls-tree` lists the folder's files there and one `git cat-file
 * --batch` reads every blob. Nothing is checked out; the index and the work tree stay as they are.
 */
import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { relative, sep } from "node:path";
import { ImpactError } from "./impact-error.ts";

/** A revision resolved in a repository. */
export interface GitRevision {
  /** Absolute path of the repository's top folder. */
  readonly top: string;
  /** As the user wrote it (`main`, `HEAD~1`). */
  readonly name: string;
  readonly commit: string;
}

/** One file of a folder at a revision, its path relative to that folder. */
export interface TreeFile {
  readonly file: string;
  readonly text: string;
}

function git(cwd: string, args: string[], input?: string) {
  return spawnSync("git", args, {
    cwd,
    input,
    maxBuffer: 1 << 30,
  });
}

/** The repository holding `folder` and the commit `name` stands for there. */
export function resolveRevision(folder: string, name: string): GitRevision {
  const top = git(folder, ["rev-parse", "--show-toplevel"]);
  if (top.status !== 0 || top.error)
    throw new ImpactError(
      "NOT_A_GIT_REPOSITORY",
      `${folder} is not inside a git repository, so --against ${JSON.stringify(name)} cannot be read as a revision; allowed there: a folder of rule files`,
    );
  const root = top.stdout.toString("utf8").trim();
  // A name starting with "-" would be read as an option by git.
  const found = name.startsWith("-")
    ? undefined
    : git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${name}^{commit}`]);
  if (!found || found.status !== 0)
    throw new ImpactError(
      "BAD_REVISION",
      `--against ${JSON.stringify(name)} is neither a revision of the git repository at ${root} nor a folder; allowed: a branch, tag or commit (see git branch -a, git log --oneline) or a folder of rule files`,
    );
  return { top: root, name, commit: found.stdout.toString("utf8").trim() };
}

/** `folder` as a path inside the repository (`rules`), `/`-separated; "" for the top itself. */
export function pathInRepository(revision: GitRevision, folder: string): string {
  return relative(realpathSync(revision.top), realpathSync(folder)).split(sep).join("/");
}

/**
 * The files under `folder` (a path inside the repository) at the revision whose path passes
 * `keep`, with paths relative to `folder`, sorted.
 */
export function readTree(
  revision: GitRevision,
  folder: string,
  keep: (file: string) => boolean,
): TreeFile[] {
  const listing = git(revision.top, [
    "ls-tree",
    "-r",
    "-z",
    "--full-tree",
    revision.commit,
    "--",
    folder === "" ? "." : folder,
  ]);
  if (listing.status !== 0)
    throw new ImpactError(
      "BAD_REVISION",
      `git could not list ${folder || "the top folder"} at ${revision.name}: ${listing.stderr.toString("utf8").trim()}`,
    );
  const prefix = folder === "" ? "" : `${folder}/`;
  const entries = listing.stdout
    .toString("utf8")
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const [meta = "", path = ""] = line.split("\t");
      const [, type, object] = meta.split(" ");
      return { type, object: object ?? "", file: path.slice(prefix.length) };
    })
    .filter((entry) => entry.type === "blob" && keep(entry.file))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (entries.length === 0) return [];
  const batch = git(
    revision.top,
    ["cat-file", "--batch"],
    `${entries.map((e) => e.object).join("\n")}\n`,
  );
  if (batch.status !== 0)
    throw new ImpactError(
      "BAD_REVISION",
      `git could not read the files of ${revision.name}: ${batch.stderr.toString("utf8").trim()}`,
    );
  return parseBatch(batch.stdout).map((text, i) => ({
    file: (entries[i] as { file: string }).file,
    text,
  }));
}

/** `git cat-file --batch` output: per object `<sha> <type> <size>\n<bytes>\n`. */
function parseBatch(out: Buffer): string[] {
  const texts: string[] = [];
  let at = 0;
  while (at < out.length) {
    const newline = out.indexOf(0x0a, at);
    const header = out.toString("utf8", at, newline).split(" ");
    const size = Number(header[2]);
    texts.push(out.toString("utf8", newline + 1, newline + 1 + size));
    at = newline + 1 + size + 1;
  }
  return texts;
}
