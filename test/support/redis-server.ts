/**
 * @module
 * A private redis-server for one test (its own port, no persistence), to stop and start again:
 * how a test makes Redis go away under a running API without touching the shared one.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { freePort } from "./server.ts";

export interface PrivateRedis {
  port: number;
  url: string;
  /** Starts it (again, on the same port). */
  start(): Promise<void>;
  /** Kills it at once, as a crash would. */
  kill(): Promise<void>;
}

/** Whether the `redis-server` binary is installed (.ci/run installs it). */
export function redisServerInstalled(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => done(chunk.toString("latin1").startsWith("+PONG")));
  });
}

export async function privateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        { stdio: "ignore" },
      );
      for (let i = 0; i < 100 && !(await answersPing(port)); i += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));
      if (!(await answersPing(port))) throw new Error(`redis-server did not start on ${port}`);
    },
    async kill() {
      if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
  };
}
