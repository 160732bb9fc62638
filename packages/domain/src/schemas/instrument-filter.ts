/**
 * @module
 * The catalogue's filters and page bounds, shared by the repository (SQL), the API (query string)
 * and the web app (through the API's types).
 */
import { z } from "zod";
import { RegionCodeSchema } from "../vocabulary/regions.ts";
import {
  ActorTypeSchema,
  InstrumentFormSchema,
  LevelSchema,
  SupportFunctionSchema,
} from "../vocabulary/vocabulary.ts";
import { searchTextSchema, SlugSchema } from "./primitives.ts";

/** Lists are capped so a single request never asks for an unbounded page. */
export const MAX_PAGE_SIZE = 200;

/** Filters of the instrument list; every one optional. Pages and the status filter are added by callers. */
export const InstrumentFilterFieldsSchema = z.object({
  level: LevelSchema.optional(),
  region: RegionCodeSchema.optional(),
  function: SupportFunctionSchema.optional(),
  actorType: ActorTypeSchema.optional(),
  form: InstrumentFormSchema.optional(),
  fundingSource: SlugSchema.optional(),
  /** Words that must all appear in a name, short name or description; case and diacritics ignored. */
  q: searchTextSchema(200).optional(),
});
