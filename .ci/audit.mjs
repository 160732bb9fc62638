// Dependency audit for CI: fails on any high or critical advisory in production dependencies.
// The registry this machine reaches refuses the advisory endpoint (405 on the bulk POST); that is
// reported loudly as "not checked", not as a pass and not as a failure of the build.
import { execFileSync } from "node:child_process";

let raw;
try {
  raw = execFileSync("npm", ["audit", "--omit=dev", "--json"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
} catch (error) {
  raw = error.stdout ?? "";
}
let report;
try {
  report = JSON.parse(raw);
} catch {
  console.log("npm audit: NOT CHECKED (no JSON answer from the audit service)");
  process.exit(0);
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  console.log(
    `npm audit: NOT CHECKED (audit service answered: ${report?.message ?? report?.error?.summary ?? "no report"})`,
  );
  process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`npm audit (production dependencies): ${JSON.stringify(counts)}`);
if (serious > 0) {
  console.error(
    `npm audit: ${serious} high or critical advisories; run "npm audit --omit=dev" for details`,
  );
  process.exit(1);
}
