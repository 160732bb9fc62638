import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import type { ModerationList as List } from "@klastry/domain";
import { ModerationList } from "./moderation-list.tsx";

const ROUND: List["round"] = {
  id: "11111111-1111-4111-8111-111111111111",
  title: "Runda 2026",
  periodStart: "2026-11-01",
  periodEnd: "2026-12-31",
  scope: "national",
  region: null,
  questionnaireVersion: "wizard-1",
  status: "open",
  owner: "admin",
  createdAt: "2026-11-01T10:00:00Z",
  closedAt: null,
};

const LIST: List = {
  round: ROUND,
  total: 2,
  page: 1,
  pageSize: 200,
  items: [
    {
      assessmentId: "a1",
      clusterId: "c1",
      clusterName: "Klaster Jawny",
      region: "14",
      assessedOn: "2026-11-10",
      createdAt: "2026-11-10T10:00:00Z",
      needs: 2,
    },
    {
      assessmentId: "a2",
      clusterId: "c2",
      clusterName: null,
      region: "02",
      assessedOn: "2026-11-12",
      createdAt: "2026-11-12T10:00:00Z",
      needs: 1,
    },
  ],
};

describe("moderation list", () => {
  it("names a cluster only when it agreed, and sends the owner's decision for the right answer", () => {
    const onDecide = vi.fn();
    render(() => (
      <ModerationList list={LIST} pending={undefined} closed={false} onDecide={onDecide} />
    ));
    const [named, anonymous] = screen.getAllByTestId("moderation-item");
    expect(named?.textContent).toContain("Klaster Jawny (mazowieckie)");
    expect(named?.textContent).toContain("2 potrzeby");
    expect(anonymous?.textContent).toContain("Klaster bez zgody na podanie nazwy (dolnośląskie)");
    fireEvent.click(within(anonymous as HTMLElement).getByTestId("moderation-reject"));
    expect(onDecide).toHaveBeenLastCalledWith("a2", "rejected");
    fireEvent.click(within(named as HTMLElement).getByTestId("moderation-accept"));
    expect(onDecide).toHaveBeenLastCalledWith("a1", "accepted");
  });

  it("offers no decision once the round is closed, and says when nothing waits", () => {
    const { unmount } = render(() => (
      <ModerationList list={LIST} pending={undefined} closed onDecide={() => undefined} />
    ));
    expect(screen.queryAllByTestId("moderation-accept")).toHaveLength(0);
    unmount();
    render(() => (
      <ModerationList
        list={{ ...LIST, items: [], total: 0 }}
        pending={undefined}
        closed={false}
        onDecide={() => undefined}
      />
    ));
    expect(screen.getByTestId("moderation-empty").textContent).toContain("Nie ma odpowiedzi");
  });
});
