/**
 * @module
 * Timing helpers: warm up, then run batches until a time budget is spent, and report the median
 * batch's milliseconds per operation. Ratios are only compared within one run of `npm run bench`.
 */
export interface Timing {
  msPerOp: number;
  ops: number;
  batches: number;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * A full collection before each measurement (the bench runs with --expose-gc), so garbage left
 * by the previous contender (json-rules-engine allocates a lot) is not billed to the next one.
 */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Measures `op(i)` for i = 0.. (synchronous). */
export function measureSync(
  op: (i: number) => unknown,
  options: { budgetMs?: number; batch?: number } = {},
): Timing {
  const budget = options.budgetMs ?? 1500;
  const batch = options.batch ?? 50;
  settle();
  let sink = 0;
  for (let i = 0; i < batch; i++) sink += op(i) === undefined ? 0 : 1;
  const perBatch: number[] = [];
  const start = now();
  let i = 0;
  while (now() - start < budget || perBatch.length < 5) {
    const t0 = now();
    for (let k = 0; k < batch; k++) sink += op(i++) === undefined ? 0 : 1;
    perBatch.push((now() - t0) / batch);
  }
  if (sink < 0) console.log(sink);
  return { msPerOp: median(perBatch), ops: i, batches: perBatch.length };
}

/** Measures `op(i)` for i = 0.. (asynchronous, one at a time). */
export async function measureAsync(
  op: (i: number) => Promise<unknown>,
  options: { budgetMs?: number; batch?: number } = {},
): Promise<Timing> {
  const budget = options.budgetMs ?? 1500;
  const batch = options.batch ?? 5;
  settle();
  for (let i = 0; i < batch; i++) await op(i);
  const perBatch: number[] = [];
  const start = now();
  let i = 0;
  while (now() - start < budget || perBatch.length < 5) {
    const t0 = now();
    for (let k = 0; k < batch; k++) await op(i++);
    perBatch.push((now() - t0) / batch);
  }
  return { msPerOp: median(perBatch), ops: i, batches: perBatch.length };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function time<T>(op: () => T): { result: T; ms: number } {
  const t0 = now();
  const result = op();
  return { result, ms: now() - t0 };
}
