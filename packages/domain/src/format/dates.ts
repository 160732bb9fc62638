/**
 * @module
 * Calendar dates in words, for people: "15.01.2024" / "15 Jan 2024", month ranges
 * ("styczeń–marzec 2027" / "January–March 2027") and day arithmetic on ISO dates. Dates are
 * calendar days in Poland; arithmetic runs in UTC so no time zone can shift a day.
 */
import type { Language } from "../vocabulary/localized.ts";

const MONTHS: Record<Language, readonly string[]> = {
  pl: [
    "styczeń",
    "luty",
    "marzec",
    "kwiecień",
    "maj",
    "czerwiec",
    "lipiec",
    "sierpień",
    "wrzesień",
    "październik",
    "listopad",
    "grudzień",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/** "2024-01-15" as "15.01.2024" (pl) or "15 January 2024" (en). */
export function formatDate(iso: string, language: Language): string {
  const [year, month, day] = iso.split("-");
  if (language === "pl") return `${day}.${month}.${year}`;
  return `${Number(day)} ${MONTHS.en[Number(month) - 1]} ${year}`;
}

/** Two days as one range: "15.01–12.02.2024", "15 January – 12 February 2024". */
export function formatDateRange(from: string, to: string, language: Language): string {
  if (from === to) return formatDate(from, language);
  if (from.slice(0, 4) !== to.slice(0, 4)) {
    return `${formatDate(from, language)} – ${formatDate(to, language)}`;
  }
  const year = to.slice(0, 4);
  if (language === "pl") return `${from.slice(8)}.${from.slice(5, 7)}–${formatDate(to, "pl")}`;
  const start = formatDate(from, "en").replace(` ${year}`, "");
  return `${start} – ${formatDate(to, "en")}`;
}

/** The months a range spans: "styczeń–marzec 2027", "November 2026 – January 2027". */
export function formatMonthRange(from: string, to: string, language: Language): string {
  const month = (iso: string) => MONTHS[language][Number(iso.slice(5, 7)) - 1] as string;
  const [fromYear, toYear] = [from.slice(0, 4), to.slice(0, 4)];
  if (fromYear !== toYear) return `${month(from)} ${fromYear} – ${month(to)} ${toYear}`;
  if (from.slice(5, 7) === to.slice(5, 7)) return `${month(from)} ${toYear}`;
  return `${month(from)}–${month(to)} ${toYear}`;
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The ISO date `years` later, 29 February falling back to 28 February. */
export function addYears(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) + years;
  const monthDay = iso.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === "02-29" && !leap ? "02-28" : monthDay}`;
}

/** The last day of the month of an ISO date (or of "YYYY-MM"). */
export function endOfMonth(iso: string): string {
  const [year, month] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${iso.slice(0, 7)}-${String(last).padStart(2, "0")}`;
}
