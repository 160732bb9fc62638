/**
 * @module
 * The API's RFC 9457 problem documents as one error class the pages can render: status, title,
 * detail and the issues (path, pointer, message) to place beside fields.
 */

export interface ProblemIssue {
  path: string;
  pointer?: string;
  message: string;
  code?: string;
  /** The rule file an issue of a candidate rulebook is in. */
  file?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  issues?: ProblemIssue[];
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly problem: Problem,
    options?: { cause?: unknown },
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`, options);
  }

  get issues(): ProblemIssue[] {
    return this.problem.issues ?? [];
  }
}

/** Reads a failed response into an ApiError (problem+json when the API sent one). */
export async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = { status: response.status, title: response.statusText };
  try {
    const body: unknown = await response.json();
    if (typeof body === "object" && body !== null) problem = { ...problem, ...(body as Problem) };
  } catch {
    // Not JSON (e.g. a proxy's HTML page): keep the status line.
  }
  return new ApiError(response.status, problem);
}
