/**
 * @module
 * fast-check generators of malformed and hostile requests for any documented operation: wrong
 * types, missing and extra fields, huge strings and arrays, deep nesting, invalid UTF-8 in bodies
 * and query strings, prototype-pollution keys, SQL and HTML fragments, unknown codes, bad dates,
 * bad pagination, bad credentials and Accept headers; plus wrong methods and unknown routes.
 */
import fc from "fast-check";
import { REGION_CODES } from "@klastry/domain";
import { headerText, percentEncode, rawPathText, type RawRequest } from "../support/http.ts";
import { fillPath, type Operation } from "../support/openapi.ts";

/** What a generated request may refer to on the server under test. */
export interface FuzzContext {
  operations: Operation[];
  bodyLimit: number;
  adminKey: string;
  regionKey: string;
  assessmentToken: string;
  assessmentId: string;
  clusterId: string;
  instrumentId: string;
  /** A valid request body per operation with a body ("POST /api/v1/recommendations"). */
  validBodies: Record<string, unknown>;
}

export const SQL_FRAGMENTS = [
  "' OR '1'='1",
  "'; DROP TABLE assessment; --",
  "1 UNION SELECT key_hash FROM api_key --",
  '" OR ""="',
  "%' --",
  "\\'; SELECT pg_sleep(0); --",
];
export const HTML_FRAGMENTS = [
  "<script>window.__xss=1</script>",
  "<img src=x onerror=window.__xss=1>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "{{constructor.constructor('alert(1)')()}}",
  "${7*7}",
];
export const POLLUTION_KEYS = ["__proto__", "constructor", "prototype"];
const WEIRD_TEXT = [
  "",
  " ",
  "\u0000",
  "\u0000abc",
  "\uFFFF",
  "\uD800",
  "\u202E",
  "𝕂𝕝𝕒𝕤𝕥𝕣𝕪",
  "NaN",
  "Infinity",
  "-0",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "../../etc/passwd",
  "%00",
  "%",
  "%%",
  "%ZZ",
];
const BAD_DATES = [
  "2023-02-30",
  "2026-13-01",
  "2026-00-10",
  "26-1-1",
  "2026-01-01T00:00:00Z",
  "0000-00-00",
  "9999-99-99",
  "-2026-01-01",
  "2026/01/01",
  "yesterday",
];
const BAD_NUMBERS = [
  "-1",
  "0",
  "1.5",
  "1e9",
  "1e309",
  "-1e309",
  "0x10",
  "99999999999999999999",
  "abc",
  "NaN",
  "Infinity",
  " 1",
  "1 ",
  "+1",
  "01",
];
const UNKNOWN_CODES = [
  "99",
  "00",
  "1",
  "014",
  "14 ",
  "xx",
  "region:14",
  "mazowieckie",
  "admin",
  "ALL",
  "*",
];
/** Invalid UTF-8 as percent escapes (overlong, lone surrogate, truncated, stray continuation). */
const INVALID_UTF8_ESCAPES = [
  "%FF",
  "%FE%FF",
  "%C0%AF",
  "%E0%80%AF",
  "%ED%A0%80",
  "%F4%90%80%80",
  "%C3",
  "%80",
  "%E2%82",
];
/** The same bytes raw (latin1 characters become single bytes on the wire). */
const INVALID_UTF8_RAW = ["\xff", "\xfe\xff", "\xc0\xaf", "\xed\xa0\x80", "\xc3", "\x80\x80"];

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    ...SQL_FRAGMENTS,
    ...HTML_FRAGMENTS,
    ...WEIRD_TEXT,
    ...BAD_DATES,
    ...BAD_NUMBERS,
    ...UNKNOWN_CODES,
    ...POLLUTION_KEYS,
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", minLength: 200, maxLength: 3000 }),
);

/** A query value and whether it goes on the wire as typed (raw) or percent-encoded. */
const queryValue: fc.Arbitrary<string> = fc.oneof(
  hostileText.map((text) => percentEncode(text)),
  fc.constantFrom(...INVALID_UTF8_ESCAPES, ...INVALID_UTF8_RAW),
  fc
    .tuple(fc.constantFrom(...INVALID_UTF8_ESCAPES), fc.string({ maxLength: 8 }))
    .map(([bad, text]) => `${percentEncode(text)}${bad}`),
  hostileText.map(rawPathText),
  fc.constantFrom(
    "1",
    "20",
    "200",
    "201",
    "1000000",
    "1000001",
    "2026-03-01",
    "pl",
    "en",
    "14",
    "compiled",
    "reference",
    "open",
    "closed",
  ),
);

function queryOf(names: readonly string[]): fc.Arbitrary<string> {
  const name = fc.oneof(
    { weight: 4, arbitrary: names.length > 0 ? fc.constantFrom(...names) : fc.constant("page") },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "page",
        "pageSize",
        "date",
        "lang",
        "token",
        "unknown",
        "__proto__[polluted]",
        "constructor[prototype][polluted]",
        "__proto__.polluted",
        "a[]",
        "",
        "%FF",
      ),
    },
  );
  return fc
    .array(fc.tuple(name, queryValue), { maxLength: 5 })
    .map((pairs) =>
      pairs.length === 0 ? "" : `?${pairs.map(([key, value]) => `${key}=${value}`).join("&")}`,
    );
}

function authorization(ctx: FuzzContext): fc.Arbitrary<Record<string, string>> {
  const token43 = fc.string({
    unit: fc.constantFrom(..."ABCxyz019_-"),
    minLength: 43,
    maxLength: 43,
  });
  return fc.oneof(
    fc.constant({}),
    fc
      .constantFrom(
        `Bearer ${ctx.adminKey}`,
        `Bearer ${ctx.regionKey}`,
        `Bearer ${ctx.assessmentToken}`,
      )
      .map((value) => ({ authorization: value })),
    fc
      .oneof(
        fc.constantFrom(
          "Bearer",
          "Bearer ",
          "Basic YWRtaW46YWRtaW4=",
          "bearer",
          "Token abc",
          "Bearer kl_",
          "Bearer kl_short",
          "Bearer kt_",
          `Bearer ${ctx.adminKey} extra`,
          `Bearer  ${ctx.adminKey.slice(0, -1)}`,
          `Bearer ${ctx.adminKey.toUpperCase()}`,
          "Bearer \xff\xfe",
          `Bearer ${"a".repeat(6000)}`,
        ),
        token43.map((t) => `Bearer kl_${t}`),
        token43.map((t) => `Bearer kt_${t}`),
        hostileText.map((t) => `Bearer ${headerText(t)}`),
      )
      .map((value) => ({ authorization: value })),
    fc
      .oneof(
        fc.constant(ctx.assessmentToken),
        token43.map((t) => `kt_${t}`),
        hostileText.map(headerText),
      )
      .map((value) => ({ "x-assessment-token": value })),
  );
}

const accept: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        "text/csv",
        "application/xml",
        "*/*",
        "text/html",
        "application/problem+json",
        "text/csv;q=0.1, application/json",
        "garbage/;;;",
        "",
        "image/png",
        "text/*",
        `${"a/b, ".repeat(1000)}c/d`,
        "\xff/\xfe",
      )
      .map((value) => ({ accept: value })),
  },
);

const contentType: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ "content-type": "application/json" }) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        "application/json; charset=utf-8",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=latin1",
        "",
        "application/jsonx",
        "APPLICATION/JSON",
        "application/merge-patch+json",
      )
      .map((value) => ({ "content-type": value })),
  },
  { weight: 1, arbitrary: fc.constant({}) },
);

/** A JSON value that is wrong almost anywhere: wrong types, huge, deep, hostile. */
function hostileValue(bodyLimit: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    hostileText,
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(
      null,
      true,
      false,
      0,
      -1,
      1.5,
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER + 2,
      [],
      {},
    ),
    fc.integer({ min: 1000, max: Math.floor(bodyLimit / 4) }).map((n) => "x".repeat(n)),
    fc.integer({ min: 1000, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
    fc.integer({ min: 100, max: 2500 }).map((depth) => nest(depth)),
    fc
      .constantFrom(...POLLUTION_KEYS)
      .map(
        (key) =>
          JSON.parse(
            `{"${key}":{"polluted":"yes","pageSize":1,"lang":"en","prototype":{"polluted":"yes"}}}`,
          ) as unknown,
      ),
  );
}

/** `{"a":[{"a":...}]}` nested `depth` times, as JSON text (JSON.stringify would overflow the stack). */
export function nestedJson(depth: number): string {
  return `${'{"a":['.repeat(depth)}1${"]}".repeat(depth)}`;
}

/** `{"a":[{"a":...}]}` nested `depth` times (keep it below ~3,000 levels: JSON.stringify recurses). */
export function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

/** Every path to a value inside `value` (objects and arrays), e.g. ["cluster", "name"]. */
function pathsOf(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], out));
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  }
  return out;
}

/**
 * `valid` with a value nested `depth` levels deep in place of each of (up to) `count` of its
 * values, spread over the document, as JSON text.
 */
export function deepBodies(valid: unknown, depth: number, count: number): Buffer[] {
  const paths = pathsOf(valid).length;
  const step = Math.max(1, Math.floor(paths / count));
  const bodies: Buffer[] = [];
  for (let at = 0; at < paths && bodies.length < count; at += step) {
    const text = JSON.stringify(mutate(valid, [{ kind: "set", at, value: "__DEEP__" }]));
    bodies.push(Buffer.from(text.replace('"__DEEP__"', nestedJson(depth))));
  }
  return bodies;
}

type Mutation =
  | { kind: "set"; at: number; value: unknown }
  | { kind: "delete"; at: number }
  | { kind: "extra"; at: number; key: string; value: unknown };

function mutate(valid: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(valid);
  const paths = pathsOf(copy);
  let root = copy;
  for (const mutation of mutations) {
    const path = paths[mutation.at % paths.length] ?? [];
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], root);
    const last = path[path.length - 1];
    if (mutation.kind === "set") {
      if (last === undefined) root = mutation.value;
      else if (parent !== null && typeof parent === "object")
        (parent as Record<string | number, unknown>)[last] = mutation.value;
    } else if (mutation.kind === "delete") {
      if (last !== undefined && parent !== null && typeof parent === "object")
        delete (parent as Record<string | number, unknown>)[last];
    } else {
      const target = path.reduce<unknown>(
        (node, key) => (node as Record<string | number, unknown>)?.[key],
        root,
      );
      // defineProperty, so "__proto__" becomes an own key that JSON.stringify writes out.
      if (target !== null && typeof target === "object")
        Object.defineProperty(target, mutation.key, {
          value: mutation.value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
    }
  }
  return root;
}

function bodyOf(ctx: FuzzContext, op: Operation): fc.Arbitrary<Buffer> {
  const valid = ctx.validBodies[`${op.method} ${op.template}`] ?? {};
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({
      kind: fc.constant("set" as const),
      at: fc.nat(),
      value: hostileValue(ctx.bodyLimit),
    }),
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant("extra" as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom(...POLLUTION_KEYS), hostileText),
      value: hostileValue(ctx.bodyLimit),
    }),
  );
  const json = (value: unknown) => Buffer.from(JSON.stringify(value) ?? "null");
  const invalidUtf8 = fc.constantFrom(...INVALID_UTF8_RAW).map((bad) => Buffer.from(bad, "latin1"));
  // Very deep nesting at any place of a valid body, written as text: past ~10,000 levels any
  // recursive walk of the parsed value (JSON.stringify, a validator) overflows the stack.
  const deep = fc
    .tuple(fc.nat(), fc.integer({ min: 3_000, max: Math.floor(ctx.bodyLimit / 10) }))
    .map(([at, depth]) =>
      Buffer.from(
        JSON.stringify(mutate(valid, [{ kind: "set", at, value: "__DEEP__" }])).replace(
          '"__DEEP__"',
          nestedJson(depth),
        ),
      ),
    );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(mutation, { minLength: 1, maxLength: 3 })
        .map((m) => json(mutate(valid, m))),
    },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: fc.constant(json(valid)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)) },
    {
      weight: 1,
      // Invalid UTF-8 inside a JSON string of an otherwise valid body.
      arbitrary: invalidUtf8.map((bad) => {
        const text = JSON.stringify(valid);
        const at = text.indexOf('"name":"') + 8;
        return at < 8
          ? Buffer.concat([Buffer.from('{"cluster":"'), bad, Buffer.from('"}')])
          : Buffer.concat([Buffer.from(text.slice(0, at)), bad, Buffer.from(text.slice(at))]);
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1000, max: Math.floor(ctx.bodyLimit / 2) - 10 })
        .map((n) => Buffer.from(`${"[".repeat(n)}${"]".repeat(n)}`)),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1, max: 64 * 1024 })
        .map((extra) => Buffer.from(`{"cluster":{"name":"${"a".repeat(ctx.bodyLimit + extra)}"}}`)),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          "",
          "{",
          '{"cluster":',
          "null",
          "[]",
          '"text"',
          '{"a":1,}',
          "\ufeff{}",
          '{"cluster":{"name":"x","region":"14"}}garbage',
        )
        .map((text) => Buffer.from(text)),
    },
  );
}

function pathValue(ctx: FuzzContext, name: string): fc.Arbitrary<string> {
  const known =
    name === "code"
      ? fc.constantFrom(...REGION_CODES)
      : fc.constantFrom(ctx.assessmentId, ctx.clusterId, ctx.instrumentId, "test-cluster-grant");
  return fc.oneof(
    { weight: 2, arbitrary: known },
    { weight: 2, arbitrary: hostileText.map((text) => percentEncode(text)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        ...INVALID_UTF8_ESCAPES,
        ...INVALID_UTF8_RAW,
        ...UNKNOWN_CODES.map(percentEncode),
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 65, max: 4000 }).map((n) => "a".repeat(n)) },
  );
}

/** A request to a documented operation with hostile parts. */
export function operationRequest(ctx: FuzzContext): fc.Arbitrary<RawRequest> {
  return fc.constantFrom(...ctx.operations).chain((op) =>
    fc
      .record({
        params: fc.record(
          Object.fromEntries(op.pathParams.map((name) => [name, pathValue(ctx, name)])),
        ),
        query: queryOf(op.queryParams),
        auth: authorization(ctx),
        accept,
        contentType,
        body: op.hasBody ? bodyOf(ctx, op) : fc.constant(undefined),
      })
      .map(({ params, query, auth, accept: acceptHeader, contentType: type, body }) => ({
        method: op.method,
        path: `${fillPath(op.template, params)}${query}`,
        headers: { ...auth, ...acceptHeader, ...(op.hasBody ? type : {}) },
        ...(body === undefined ? {} : { body }),
      })),
  );
}

/** A documented path with a method it does not have. */
export function wrongMethodRequest(ctx: FuzzContext): fc.Arbitrary<RawRequest> {
  return fc
    .tuple(
      fc.constantFrom(...ctx.operations),
      fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "PROPFIND"),
      authorization(ctx),
    )
    .filter(
      ([op, method]) =>
        !ctx.operations.some((other) => other.template === op.template && other.method === method),
    )
    .map(([op, method, auth]) => ({
      method,
      path: fillPath(op.template, { code: "14", id: ctx.assessmentId }),
      headers: { ...auth, "content-type": "application/json" },
      ...(method === "GET" ? {} : { body: "{}" }),
    }));
}

/** A path that is no route of the API (including traversal attempts). */
export function unknownRouteRequest(): fc.Arbitrary<RawRequest> {
  const segment = fc.oneof(
    fc.constantFrom(
      "..",
      "%2e%2e",
      "..%2f",
      "admin",
      "v2",
      "internal",
      ".env",
      "%00",
      "%FF",
      "\xff",
      "openapi.yaml",
      "health%20",
    ),
    fc.string({ minLength: 1, maxLength: 12 }).map(percentEncode),
  );
  return fc
    .tuple(
      fc.constantFrom(
        "/api/v1/",
        "/api/",
        "/api/v2/",
        "/api/v1/regions/14/",
        "/api/v1/rules/",
        "/assets/",
        "/",
      ),
      fc.array(segment, { minLength: 1, maxLength: 4 }),
      fc.constantFrom("GET", "POST"),
    )
    .map(([prefix, segments, method]) => ({
      method,
      path: `${prefix}${segments.join("/")}`,
      headers: { "content-type": "application/json" },
      ...(method === "POST" ? { body: "{}" } : {}),
    }));
}
