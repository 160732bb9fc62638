/**
 * @module
 * Mounts the real app (frame + route table) at a path in a memory router, for component tests.
 */
import { createMemoryHistory, MemoryRouter } from "@solidjs/router";
import { render } from "@solidjs/testing-library";
import { routes } from "../app.tsx";
import { Layout } from "../components/layout.tsx";

export function renderAt(path: string) {
  const history = createMemoryHistory();
  history.set({ value: path });
  const result = render(() => (
    <MemoryRouter history={history} root={Layout}>
      {routes}
    </MemoryRouter>
  ));
  return { ...result, history };
}
