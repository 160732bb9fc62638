/**
 * A package's entry points (`src/index.ts` and the other targets of its `exports` map) say what
 * the rest of the repository may use. Each name there must be imported through that entry by
 * another package, an app or a test; a name nobody imports is either dead or used only inside
 * the package, where a relative import serves.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  readSource,
  repoRoot,
  sourceFiles,
  workspacePackages,
  type WorkspacePackage,
} from "./source-files.ts";

interface Entry {
  /** How other files import it: `@klastry/db` or `@klastry/db/testing`. */
  specifier: string;
  /** Absolute path of the file the exports map points at. */
  file: string;
}

/** Every workspace (packages, apps and the test workspace) and the entries of its exports map. */
function entries(): Entry[] {
  const testDir = join(repoRoot, "test");
  const testManifest = JSON.parse(
    readFileSync(join(testDir, "package.json"), "utf8"),
  ) as WorkspacePackage["manifest"];
  const workspaces = [...workspacePackages(), { dir: testDir, manifest: testManifest }];
  return workspaces.flatMap(({ dir, manifest }) =>
    Object.entries(manifest.exports ?? {})
      .filter(([, target]) => /\.tsx?$/.test(target))
      .map(([subpath, target]) => ({
        specifier: join(manifest.name, subpath),
        file: resolve(dir, target),
      })),
  );
}

const parse = (file: string, text: string) =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);

const hasExportModifier = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names an entry file exports; `export *` is reported, as a curated entry names each one. */
function exportedNames(file: string): string[] {
  const source = parse(file, readFileSync(file, "utf8"));
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (clause === undefined) names.push("*");
      else if (ts.isNamedExports(clause)) names.push(...clause.elements.map((e) => e.name.text));
      else names.push(clause.name.text);
    } else if (hasExportModifier(statement)) {
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
        }
      } else {
        const name = (statement as ts.DeclarationStatement).name;
        if (name !== undefined && ts.isIdentifier(name)) names.push(name.text);
      }
    }
  }
  return names;
}

/** Entry file and imported name, as `file#name`; `file#*` when a whole entry is taken. */
function importedNames(entryBySpecifier: Map<string, string>): Set<string> {
  const used = new Set<string>();
  for (const { file, text } of sourceFiles().map(readSource)) {
    const absolute = join(repoRoot, file);
    const entryOf = (specifier: string): string | undefined =>
      specifier.startsWith(".")
        ? [...entryBySpecifier.values()].find(
            (entry) => entry === resolve(dirname(absolute), specifier) && entry !== absolute,
          )
        : entryBySpecifier.get(specifier);
    const source = parse(absolute, text);
    const visit = (node: ts.Node): void => {
      // import { a, type B } from "..."; import * as ns from "..."; import x from "..."
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const entry = entryOf(node.moduleSpecifier.text);
        const clause = node.importClause;
        if (entry !== undefined && clause !== undefined) {
          if (clause.name !== undefined) used.add(`${entry}#default`);
          const bindings = clause.namedBindings;
          if (bindings !== undefined && ts.isNamedImports(bindings)) {
            for (const e of bindings.elements)
              used.add(`${entry}#${(e.propertyName ?? e.name).text}`);
          } else if (bindings !== undefined) {
            const members = text.matchAll(new RegExp(`\\b${bindings.name.text}\\.(\\w+)`, "g"));
            for (const [, member] of members) used.add(`${entry}#${member}`);
          }
        }
      }
      // export { a } from "..." (another entry passing a name on)
      if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) {
        const entry = ts.isStringLiteral(node.moduleSpecifier)
          ? entryOf(node.moduleSpecifier.text)
          : undefined;
        const clause = node.exportClause;
        if (entry !== undefined && clause !== undefined && ts.isNamedExports(clause)) {
          for (const e of clause.elements) used.add(`${entry}#${(e.propertyName ?? e.name).text}`);
        } else if (entry !== undefined) used.add(`${entry}#*`);
      }
      // const { a } = await import("..."); anything else takes the whole entry
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] !== undefined &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        const entry = entryOf(node.arguments[0].text);
        const parent = ts.isAwaitExpression(node.parent) ? node.parent.parent : undefined;
        if (entry !== undefined) {
          if (
            parent !== undefined &&
            ts.isVariableDeclaration(parent) &&
            ts.isObjectBindingPattern(parent.name)
          ) {
            for (const e of parent.name.elements) {
              const name = e.propertyName ?? e.name;
              if (ts.isIdentifier(name)) used.add(`${entry}#${name.text}`);
            }
          } else used.add(`${entry}#*`);
        }
      }
      // typeof import("...").a
      if (
        ts.isImportTypeNode(node) &&
        ts.isLiteralTypeNode(node.argument) &&
        ts.isStringLiteral(node.argument.literal)
      ) {
        const entry = entryOf(node.argument.literal.text);
        if (entry !== undefined) {
          const qualifier = node.qualifier;
          const first =
            qualifier === undefined
              ? "*"
              : ts.isIdentifier(qualifier)
                ? qualifier.text
                : qualifier.left.getText();
          used.add(`${entry}#${first}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return used;
}

describe("package entry points", () => {
  const all = entries();
  const used = importedNames(new Map(all.map(({ specifier, file }) => [specifier, file])));

  it("are what every import of a Klastry package names", () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
    const specifiers = new Set(all.map(({ specifier }) => specifier));
    const other = sourceFiles()
      .map(readSource)
      .flatMap(({ file, text }) =>
        [...text.matchAll(/(?:from\s+|import\()["'](@klastry\/[^"']+)["']/g)]
          .map((match) => match[1]!)
          .filter((specifier) => !specifiers.has(specifier) && !specifier.endsWith(".json"))
          .map((specifier) => `${file}: ${specifier}`),
      );
    expect(other).toEqual([]);
  });

  it("export only names another package, app or test imports through them", () => {
    const unused = all.flatMap(({ specifier, file }) =>
      used.has(`${file}#*`)
        ? []
        : exportedNames(file)
            .filter((name) => !used.has(`${file}#${name}`))
            .map((name) => `${specifier} (${relative(repoRoot, file)}): ${name}`),
    );
    expect(unused).toEqual([]);
  });
});
