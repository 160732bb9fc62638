/**
 * @module
 * The API as the heap soak runs it: `startApi`, what `npm start` runs, in a child process started
 * with `--expose-gc`, which answers the soak's "heap" message over IPC with the heap in use right
 * after a full garbage collection, so samples measure what is still reachable, not garbage.
 */
import { createLogger, loadEnv, startApi } from "@klastry/api";

const env = loadEnv();
const api = await startApi(env, createLogger({ level: env.LOG_LEVEL }));
const send = (message: unknown) => process.send?.(message);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("start the soak server with node --expose-gc");

send({ kind: "ready", url: api.url });
process.on("message", (message) => {
  if (message === "heap") {
    gc();
    const memory = process.memoryUsage();
    send({ kind: "heap", heapUsed: memory.heapUsed, rss: memory.rss });
  } else if (message === "stop") {
    void api.close().finally(() => process.exit(0));
  }
});
