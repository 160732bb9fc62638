/**
 * @module
 * Routes of the web app. Every page but the first is a lazy chunk, so the first load carries only
 * the frame, the home page and the translation catalogues.
 */
import { lazy } from "solid-js";
import { Navigate, Router, type RouteDefinition } from "@solidjs/router";
import { Layout } from "./components/layout.tsx";
import { filtersFrom } from "./lib/catalogue-filters.ts";
import { instrumentQuery, instrumentsQuery } from "./lib/queries.ts";
import Home from "./routes/home.tsx";

const AssessmentWizard = lazy(() => import("./routes/assessment-wizard.tsx"));
const AssessmentResults = lazy(() => import("./routes/assessment-results.tsx"));
const SavedAssessment = lazy(() => import("./routes/saved-assessment.tsx"));
const Catalogue = lazy(() => import("./routes/catalogue.tsx"));
const InstrumentDetail = lazy(() => import("./routes/instrument-detail.tsx"));
const RegionDashboard = lazy(() => import("./routes/region-dashboard.tsx"));
const Rules = lazy(() => import("./routes/rules.tsx"));
const SurveyRounds = lazy(() => import("./routes/survey-rounds.tsx"));
const SurveyRound = lazy(() => import("./routes/survey-round.tsx"));
const SurveyReport = lazy(() => import("./routes/survey-report.tsx"));
const SurveyInvite = lazy(() => import("./routes/survey-invite.tsx"));
const National = lazy(() => import("./routes/national.tsx"));
const Privacy = lazy(() => import("./routes/privacy.tsx"));
const NotFound = lazy(() => import("./routes/not-found.tsx"));

/** The route table, exported for tests that mount a single route. */
export const routes: RouteDefinition[] = [
  { path: "/", component: Home },
  { path: "/assessment", component: () => <Navigate href="/assessment/1" /> },
  { path: "/assessment/results", component: AssessmentResults },
  { path: "/assessment/:step", component: AssessmentWizard, matchFilters: { step: /^[1-5]$/ } },
  { path: "/assessments/:id", component: SavedAssessment },
  {
    path: "/instruments",
    component: Catalogue,
    // Start the request while the page's chunk loads.
    preload: ({ location }) => {
      void instrumentsQuery(filtersFrom(Object.fromEntries(new URLSearchParams(location.search))));
    },
  },
  {
    path: "/instruments/:id",
    component: InstrumentDetail,
    preload: ({ params }) => {
      if (params.id) void instrumentQuery(params.id);
    },
  },
  { path: "/region", component: RegionDashboard },
  { path: "/region/:code", component: RegionDashboard, matchFilters: { code: /^\d{2}$/ } },
  { path: "/rounds", component: SurveyRounds },
  { path: "/rounds/:id", component: SurveyRound },
  { path: "/rounds/:id/report", component: SurveyReport },
  // An invitation link: /survey/answer#ki_... (the token in the fragment, never sent here).
  { path: "/survey/answer", component: SurveyInvite },
  { path: "/national", component: National },
  { path: "/privacy", component: Privacy },
  { path: "/rules", component: Rules },
  { path: "*", component: NotFound },
];

export function App(props: { url?: string }) {
  return (
    <Router root={Layout} url={props.url}>
      {routes}
    </Router>
  );
}
