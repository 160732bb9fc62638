import { render } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { FundingTerms } from "./amount-range.tsx";

describe("FundingTerms", () => {
  it("writes the amount range and the co-financing rate in Polish formats", () => {
    const { container } = render(() => (
      <dl>
        <FundingTerms
          amount={{ max: 3_000_000, currency: "PLN", of: "grant" }}
          maxCoFinancingRate={85}
        />
      </dl>
    ));
    const terms = [...container.querySelectorAll("dt")].map((dt) => dt.textContent);
    expect(terms).toHaveLength(2);
    expect(container.textContent).toMatch(/3\s000\s000,00\szł|3\s000\s000\szł/);
    expect(container.textContent).toMatch(/85\s?%/);
  });

  it("leaves out what the catalogue does not know, rather than showing an empty row", () => {
    const { container } = render(() => (
      <dl>
        <FundingTerms />
      </dl>
    ));
    expect(container.querySelectorAll("dt")).toHaveLength(0);
  });
});
