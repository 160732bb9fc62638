import { fireEvent, render, screen } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../lib/api-error.ts";
import { InvitationImport, lineOfIssue } from "./invitation-import.tsx";

describe("invitation import", () => {
  it("reads the file's line from an issue's path, the header being line 1", () => {
    expect(lineOfIssue({ path: "lines[0].region", message: "" })).toBe(2);
    expect(lineOfIssue({ path: "line 4", message: "" })).toBe(4);
    expect(lineOfIssue({ path: "line:7.name", message: "" })).toBe(7);
    expect(lineOfIssue({ path: "body", message: "" })).toBeUndefined();
  });

  it("lists each rejected line in plain words", () => {
    const error = new ApiError(400, {
      code: "VALIDATION_FAILED",
      issues: [
        { path: "line 3.region", message: '"99" is not a voivodeship\'s TERYT code' },
        { path: "line 5", message: "name: empty" },
      ],
    });
    render(() => (
      <InvitationImport pending={false} error={error} onImport={() => Promise.resolve(false)} />
    ));
    const box = screen.getByTestId("import-errors");
    expect(box.textContent).toContain("Nic nie zaimportowano");
    expect(box.textContent).toContain(
      'Wiersz 3: "99" is not a voivodeship\'s TERYT code (kolumna: województwo)',
    );
    expect(box.textContent).toContain("Wiersz 5: name: empty");
  });

  it("asks for a list instead of sending an empty one, and empties once it is imported", async () => {
    const onImport = vi.fn(() => Promise.resolve(true));
    render(() => <InvitationImport pending={false} error={undefined} onImport={onImport} />);
    fireEvent.click(screen.getByTestId("invitations-submit"));
    expect(onImport).not.toHaveBeenCalled();
    expect(screen.getByText("Wklej listę albo wybierz plik CSV.")).toBeTruthy();
    fireEvent.input(screen.getByLabelText("Lista klastrów (CSV)"), {
      target: { value: "name,region,contact\nKlaster A,14,\n" },
    });
    fireEvent.click(screen.getByTestId("invitations-submit"));
    expect(onImport).toHaveBeenCalledWith("name,region,contact\nKlaster A,14,\n");
    // Once imported, the field empties, so the same list is not sent twice.
    await vi.waitFor(() =>
      expect(screen.getByLabelText<HTMLTextAreaElement>("Lista klastrów (CSV)").value).toBe(""),
    );
  });
});
