// Lint owns meaning (Prettier owns layout): typescript-eslint's type-checked rules, plus the
// house rules: no floating promises, no needless assertions, process.env only in env.ts, no deep
// imports into another package. Types come from the two programs of `npm run typecheck`
// (tsconfig.node.json, tsconfig.browser.json), each file once: about 40 s for the repository,
// against 50 s with one program per package tsconfig (projectService); a file in neither is an
// error here as it would be unchecked by tsc.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/.cache/**",
      "**/.turbo/**",
      "bench-results/**",
      "data/**",
      "test/e2e/screenshots/**",
      "**/*.js",
      "**/*.mjs",
      "**/*.cjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ["./tsconfig.node.json", "./tsconfig.browser.json"],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@klastry/*/src/*", "@klastry/*/src"],
              message:
                "Import a package by its exports (`@klastry/<name>` or `@klastry/<name>/testing`).",
            },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message:
            "Read the environment in the package's env.ts (validated by zod) and pass it in.",
        },
      ],
    },
  },
  {
    files: [
      "**/env.ts",
      "**/*.test.ts",
      "**/*.test.tsx",
      "**/testing/**",
      "test/**",
      "packages/bench/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
);
