/**
 * The main flows on SQLite and on PostgreSQL (see testing/databases.ts for skips and CI).
 */
import { describeApiFlows } from "./api-flows.case.ts";
import { describeEachDatabase } from "./testing/databases.ts";

describeEachDatabase("API flows", describeApiFlows);
