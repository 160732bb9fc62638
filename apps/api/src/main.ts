/**
 * @module
 * `npm start`: reads the environment and serves the API and the built web app on one port.
 */
import { loadEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { startApi } from "./server.ts";

let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const logger = createLogger({ level: env.LOG_LEVEL });

try {
  const api = await startApi(env, logger);
  const stop = (signal: string) => {
    logger.log("info", "stopping", { signal });
    api.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
} catch (error) {
  logger.log("error", "start-up failed", {
    error: error instanceof Error ? error.message : String(error),
  });
  process.exit(1);
}
