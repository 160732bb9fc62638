/**
 * @module
 * The ten questions of the working group's work plan, in its order and words (Polish) with an
 * English translation, and which part of a round's report answers each. Questions 1-4 are about
 * the support system as a whole: the survey answers them with the evaluation of the system (the
 * gaps, and the change between two rounds), not with an opinion of its own.
 */
import type { LocalizedText } from "../vocabulary/localized.ts";
import type { ReportQuestionId } from "../schemas/survey.ts";

/** The parts of the report's data (ReportData) a question is answered from. */
export type ReportSection =
  | "change"
  | "gaps"
  | "levels"
  | "actors"
  | "functions"
  | "fundable"
  | "formsSources"
  | "publicTasks";

export interface ReportQuestion {
  id: ReportQuestionId;
  question: LocalizedText;
  sections: readonly ReportSection[];
}

export const REPORT_QUESTIONS: readonly ReportQuestion[] = [
  {
    id: "q1",
    question: {
      pl: "Czy „stary system” zaprojektowany w 2012 r. jest do poprawy na etapie projektowania czy wdrażania?",
      en: "Does the “old system” designed in 2012 need fixing at the design stage or in its implementation?",
    },
    sections: ["gaps", "change"],
  },
  {
    id: "q2",
    question: {
      pl: "Jakie są przyczyny niepowodzeń w realizacji poszczególnych elementów tego systemu?",
      en: "What are the causes of failures in carrying out the parts of this system?",
    },
    sections: ["gaps"],
  },
  {
    id: "q3",
    question: {
      pl: "Co zrobić, żeby wystrzec się błędów w systemie wsparcia?",
      en: "What should be done to avoid mistakes in the support system?",
    },
    sections: ["change"],
  },
  {
    id: "q4",
    question: {
      pl: "Jaki ma być docelowy model wsparcia klastrów w Polsce?",
      en: "What should the target model of cluster support in Poland be?",
    },
    sections: ["levels", "gaps"],
  },
  {
    id: "q5",
    question: {
      pl: "Kto w docelowym modelu i na jakich zasadach udziela wsparcia (regiony versus centrum)?",
      en: "Who gives support in the target model, and on what terms (the regions versus the centre)?",
    },
    sections: ["levels"],
  },
  {
    id: "q6",
    question: {
      pl: "Kto wymaga wsparcia w ramach klastrów (koordynator, firmy, instytucje naukowe)?",
      en: "Who in clusters needs support (the coordinator, firms, research institutions)?",
    },
    sections: ["actors"],
  },
  {
    id: "q7",
    question: {
      pl: "Co wymaga wsparcia w klastrach (które funkcje, obszary działalności)?",
      en: "What in clusters needs support (which functions, areas of activity)?",
    },
    sections: ["functions"],
  },
  {
    id: "q8",
    question: {
      pl: "Które potrzeby klastrów mogą być wspierane ze środków publicznych?",
      en: "Which needs of clusters can be supported from public funds?",
    },
    sections: ["fundable"],
  },
  {
    id: "q9",
    question: {
      pl: "Jakie są lub mogą być dostępne formy i źródła finansowania dla poszczególnych typów wsparcia?",
      en: "Which forms and sources of funding are or could be available for each type of support?",
    },
    sections: ["formsSources"],
  },
  {
    id: "q10",
    question: {
      pl: "Jakie zadania publiczne realizowane na szczeblu centralnym i regionalnym mogą zostać lepiej lub sprawniej realizowane poprzez zaangażowanie klastrów?",
      en: "Which public tasks carried out at central and regional level could be done better or more efficiently by involving clusters?",
    },
    sections: ["publicTasks"],
  },
];
