/**
 * @module
 * The 16 voivodeships keyed by the first two digits of their TERYT code.
 * Source: Rozporządzenie Rady Ministrów z 15 grudnia 1998 r. (Dz.U. 1998 nr 157 poz. 1031), list
 * confirmed by http://www.positor.pl/teryt-w-gus-26.html (facts.md section 1). The English names
 * are conventional and unsourced (facts.md section 8 item 19): Polish is canonical.
 */
import { z } from "zod";
import type { LocalizedText } from "./localized.ts";

export const REGION_CODES = [
  "02",
  "04",
  "06",
  "08",
  "10",
  "12",
  "14",
  "16",
  "18",
  "20",
  "22",
  "24",
  "26",
  "28",
  "30",
  "32",
] as const;
export const RegionCodeSchema = z.enum(REGION_CODES);
export type RegionCode = z.infer<typeof RegionCodeSchema>;

export interface Region {
  readonly code: RegionCode;
  readonly label: LocalizedText;
  /** Seat(s) of the voivodeship; two where the wojewoda and the sejmik sit apart. */
  readonly capitals: readonly string[];
}

export const REGIONS: readonly Region[] = [
  { code: "02", label: { pl: "dolnośląskie", en: "Lower Silesian" }, capitals: ["Wrocław"] },
  {
    code: "04",
    label: { pl: "kujawsko-pomorskie", en: "Kuyavian-Pomeranian" },
    capitals: ["Bydgoszcz", "Toruń"],
  },
  { code: "06", label: { pl: "lubelskie", en: "Lublin" }, capitals: ["Lublin"] },
  {
    code: "08",
    label: { pl: "lubuskie", en: "Lubusz" },
    capitals: ["Gorzów Wielkopolski", "Zielona Góra"],
  },
  { code: "10", label: { pl: "łódzkie", en: "Lodz" }, capitals: ["Łódź"] },
  { code: "12", label: { pl: "małopolskie", en: "Lesser Poland" }, capitals: ["Kraków"] },
  { code: "14", label: { pl: "mazowieckie", en: "Masovian" }, capitals: ["Warszawa"] },
  { code: "16", label: { pl: "opolskie", en: "Opole" }, capitals: ["Opole"] },
  { code: "18", label: { pl: "podkarpackie", en: "Subcarpathian" }, capitals: ["Rzeszów"] },
  { code: "20", label: { pl: "podlaskie", en: "Podlaskie" }, capitals: ["Białystok"] },
  { code: "22", label: { pl: "pomorskie", en: "Pomeranian" }, capitals: ["Gdańsk"] },
  { code: "24", label: { pl: "śląskie", en: "Silesian" }, capitals: ["Katowice"] },
  { code: "26", label: { pl: "świętokrzyskie", en: "Holy Cross" }, capitals: ["Kielce"] },
  {
    code: "28",
    label: { pl: "warmińsko-mazurskie", en: "Warmian-Masurian" },
    capitals: ["Olsztyn"],
  },
  { code: "30", label: { pl: "wielkopolskie", en: "Greater Poland" }, capitals: ["Poznań"] },
  {
    code: "32",
    label: { pl: "zachodniopomorskie", en: "West Pomeranian" },
    capitals: ["Szczecin"],
  },
];

/**
 * Voivodeships covered by FE dla Polski Wschodniej 2021-2027. Mazowieckie (14) is covered only
 * outside the region warszawski stołeczny, so a rule must also check the cluster's seat there.
 * Source: facts.md section 1 (meritum-lublin.pl, studio.pwc.pl).
 */
export const EASTERN_POLAND_REGIONS: readonly RegionCode[] = ["06", "18", "20", "26", "28", "14"];
