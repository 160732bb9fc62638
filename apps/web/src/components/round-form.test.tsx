import { fireEvent, render, screen } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { RoundForm } from "./round-form.tsx";

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(new RegExp(`^${label}`)), { target: { value } });
}

describe("round form", () => {
  it("opens a national round by default, or one for the region chosen", () => {
    const onOpen = vi.fn();
    render(() => <RoundForm ownRegion={undefined} pending={false} onOpen={onOpen} />);
    fill("Tytuł rundy", "Runda 2027");
    fill("Początek", "2027-01-10");
    fill("Koniec", "2027-02-28");
    fireEvent.click(screen.getByTestId("round-open"));
    expect(onOpen).toHaveBeenLastCalledWith({
      title: "Runda 2027",
      opensOn: "2027-01-10",
      closesOn: "2027-02-28",
      region: undefined,
    });
    fireEvent.change(screen.getByLabelText("Zasięg"), { target: { value: "12" } });
    fireEvent.click(screen.getByTestId("round-open"));
    expect(onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ region: "12" }));
  });

  it("fixes a region key's rounds to its own region", () => {
    const onOpen = vi.fn();
    render(() => <RoundForm ownRegion="14" pending={false} onOpen={onOpen} />);
    expect(screen.queryByLabelText("Zasięg")).toBeNull();
    expect(screen.getByTestId("round-scope-fixed").textContent).toContain("mazowieckie");
    fill("Tytuł rundy", "Runda mazowiecka");
    fill("Koniec", "2099-12-31");
    fireEvent.click(screen.getByTestId("round-open"));
    expect(onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ region: "14" }));
  });

  it("names what is missing and an end before the start, and opens nothing", () => {
    const onOpen = vi.fn();
    render(() => <RoundForm ownRegion={undefined} pending={false} onOpen={onOpen} />);
    fill("Początek", "2027-03-01");
    fill("Koniec", "2027-02-01");
    fireEvent.click(screen.getByTestId("round-open"));
    expect(onOpen).not.toHaveBeenCalled();
    expect(screen.getByTestId("error-round-title").textContent).toContain("To pole jest wymagane");
    expect(screen.getByTestId("error-round-closesOn").textContent).toContain(
      "Koniec nie może być wcześniej niż początek.",
    );
  });
});
