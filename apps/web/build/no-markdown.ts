/**
 * @module
 * A Vite plugin for the rule editor's schema package (codemirror-json-schema), which serves JSON,
 * JSON5 and YAML and renders descriptions as Markdown. We edit JSON only and show messages as
 * plain text, so three of its modules are replaced: the Markdown renderer (it starts shiki, a
 * highlighter with a WebAssembly engine, as soon as it is imported) by one that escapes text, and
 * the JSON5 and YAML parsers (the json5 and yaml packages) by ones that refuse. The editor's chunk
 * stays a third of the size, and nothing compiles code at run time (the server's
 * Content-Security-Policy allows no eval).
 */
import type { Plugin } from "vite";

const STUBS: Record<string, { id: string; code: string }> = {
  "../utils/markdown": {
    id: "\0klastry-plain-markdown",
    code: `const escape = (text) => String(text).replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
export function renderMarkdown(markdown) { return escape(markdown); }`,
  },
  "./json5-parser": {
    id: "\0klastry-no-json5",
    code: `export function parseJSON5DocumentState() { throw new Error("JSON5 is not used by the rule editor"); }`,
  },
  "./yaml-parser": {
    id: "\0klastry-no-yaml",
    code: `export function parseYAMLDocumentState() { throw new Error("YAML is not used by the rule editor"); }`,
  },
};

export function plainMarkdownForSchemaEditor(): Plugin {
  return {
    name: "klastry-schema-editor-json-only",
    enforce: "pre",
    resolveId(source, importer) {
      const stub = STUBS[source];
      if (stub && importer?.includes("codemirror-json-schema")) return stub.id;
      return null;
    },
    load(id) {
      return Object.values(STUBS).find((stub) => stub.id === id)?.code ?? null;
    },
  };
}
