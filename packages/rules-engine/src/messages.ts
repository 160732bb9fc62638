/**
 * @module
 * Wording of rule-file issues in English and Polish, apart from the issue data (as zod keeps its
 * locales). Each template names what is wrong and what is allowed.
 */
import type { Language } from "@klastry/domain";
import { pointerToPath, type RuleIssue, type RuleIssueCode } from "./errors.ts";

type Params = Readonly<Record<string, string>>;
type Template = (p: Params) => string;

const hint = (p: Params, en: boolean) =>
  p.suggestion
    ? en
      ? `; did you mean "${p.suggestion}"?`
      : `; czy chodziło o „${p.suggestion}”?`
    : "";
const allowed = (p: Params, en: boolean) =>
  p.allowed ? (en ? `; allowed: ${p.allowed}` : `; dozwolone: ${p.allowed}`) : "";

const EN: Record<RuleIssueCode, Template> = {
  RULE_FILE_UNREADABLE: (p) => `cannot read the file as JSON: ${p.detail}`,
  RULE_SCHEMA_INVALID: (p) => `does not match the rule file format: ${p.detail}`,
  RULE_ID_MISMATCH: (p) =>
    `id "${p.id}" differs from the file name; rename the file or set id to "${p.expected}"`,
  DUPLICATE_RULE_ID: (p) => `rule id "${p.id}" is also used by ${p.other}; rule ids must be unique`,
  UNKNOWN_INSTRUMENT: (p) => `unknown instrument "${p.instrument}"${hint(p, true)}`,
  EVENT_INSTRUMENT_MISMATCH: (p) =>
    `event.params.instrument "${p.received}" differs from the rule's instrument "${p.expected}"`,
  UNNAMED_CONDITION: () =>
    `condition has no "name"; every condition needs one, reasons are keyed by it`,
  DUPLICATE_CONDITION_NAME: (p) =>
    `condition name "${p.name}" is used twice in this rule (first at ${p.other})`,
  EMPTY_GROUP: (p) =>
    `"${p.group}" has no conditions; json-rules-engine treats an empty group as passed`,
  UNKNOWN_FACT: (p) =>
    `unknown fact "${p.fact}"${hint(p, true)}; known facts: see "klastry facts list"`,
  UNKNOWN_PATH: (p) =>
    `unknown path "${p.path}" for fact "${p.fact}"${hint(p, true)}${allowed(p, true)}`,
  PATH_REQUIRED: (p) => `fact "${p.fact}" is an object; give a path${allowed(p, true)}`,
  UNKNOWN_PARAM: (p) => `unknown parameter "${p.param}" for fact "${p.fact}"${allowed(p, true)}`,
  UNKNOWN_OPERATOR: (p) => `unknown operator "${p.operator}"${hint(p, true)}${allowed(p, true)}`,
  OPERATOR_NOT_APPLICABLE: (p) =>
    `operator "${p.operator}" does not apply to ${p.type} fact "${p.fact}"${allowed(p, true)}`,
  WRONG_VALUE_TYPE: (p) =>
    `operator "${p.operator}" on ${p.type} fact "${p.fact}" needs ${p.expected}, received ${p.received}`,
  UNKNOWN_VALUE: (p) =>
    `"${p.value}" is not a code of fact "${p.fact}"${hint(p, true)}${allowed(p, true)}`,
  MISSING_REASON: (p) =>
    `condition "${p.name}" has no ${p.missing} reason; give reasons.${p.name}.pass and .fail in pl and en`,
  REASON_FOR_UNKNOWN_CONDITION: (p) =>
    `reason "${p.name}" names no leaf condition of this rule (only leaves have reasons)${hint(p, true)}`,
  UNKNOWN_PLACEHOLDER: (p) =>
    `unknown placeholder "{${p.placeholder}}"; allowed: {label}, {actual}, {required}`,
  VALIDITY_IN_PAST: (p) =>
    `validTo ${p.validTo} is already past (today is ${p.today}); a rule that ended must be removed or given new dates`,
  VALIDITY_REVERSED: (p) => `validFrom ${p.validFrom} is after validTo ${p.validTo}`,
  TIME_IN_RULE: (p) =>
    `condition on "${p.fact}" puts time into the rule; when the instrument can be used is its availability in the knowledge base (calls, rounds, offers, end), which the engine applies to every rule: remove the condition and keep only who is eligible`,
};

const PL: Record<RuleIssueCode, Template> = {
  RULE_FILE_UNREADABLE: (p) => `nie można odczytać pliku jako JSON: ${p.detail}`,
  RULE_SCHEMA_INVALID: (p) => `niezgodny z formatem pliku reguły: ${p.detail}`,
  RULE_ID_MISMATCH: (p) =>
    `id „${p.id}” różni się od nazwy pliku; zmień nazwę pliku lub ustaw id na „${p.expected}”`,
  DUPLICATE_RULE_ID: (p) =>
    `id reguły „${p.id}” jest użyte także w ${p.other}; id reguł muszą być unikalne`,
  UNKNOWN_INSTRUMENT: (p) => `nieznany instrument „${p.instrument}”${hint(p, false)}`,
  EVENT_INSTRUMENT_MISMATCH: (p) =>
    `event.params.instrument „${p.received}” różni się od instrumentu reguły „${p.expected}”`,
  UNNAMED_CONDITION: () =>
    `warunek nie ma pola „name”; każdy warunek musi je mieć, bo od niego zależą uzasadnienia`,
  DUPLICATE_CONDITION_NAME: (p) =>
    `nazwa warunku „${p.name}” występuje w tej regule dwa razy (pierwszy raz w ${p.other})`,
  EMPTY_GROUP: (p) =>
    `„${p.group}” nie zawiera warunków; json-rules-engine uznaje pustą grupę za spełnioną`,
  UNKNOWN_FACT: (p) =>
    `nieznany fakt „${p.fact}”${hint(p, false)}; znane fakty: zob. „klastry facts list”`,
  UNKNOWN_PATH: (p) =>
    `nieznana ścieżka „${p.path}” faktu „${p.fact}”${hint(p, false)}${allowed(p, false)}`,
  PATH_REQUIRED: (p) => `fakt „${p.fact}” jest obiektem; podaj ścieżkę${allowed(p, false)}`,
  UNKNOWN_PARAM: (p) => `nieznany parametr „${p.param}” faktu „${p.fact}”${allowed(p, false)}`,
  UNKNOWN_OPERATOR: (p) => `nieznany operator „${p.operator}”${hint(p, false)}${allowed(p, false)}`,
  OPERATOR_NOT_APPLICABLE: (p) =>
    `operator „${p.operator}” nie dotyczy faktu „${p.fact}” typu ${p.type}${allowed(p, false)}`,
  WRONG_VALUE_TYPE: (p) =>
    `operator „${p.operator}” dla faktu „${p.fact}” typu ${p.type} wymaga: ${p.expected}, otrzymano: ${p.received}`,
  UNKNOWN_VALUE: (p) =>
    `„${p.value}” nie jest kodem faktu „${p.fact}”${hint(p, false)}${allowed(p, false)}`,
  MISSING_REASON: (p) =>
    `warunek „${p.name}” nie ma uzasadnienia ${p.missing}; podaj reasons.${p.name}.pass i .fail po polsku i angielsku`,
  REASON_FOR_UNKNOWN_CONDITION: (p) =>
    `uzasadnienie „${p.name}” nie wskazuje żadnego warunku-liścia tej reguły (uzasadnienia mają tylko liście)${hint(p, false)}`,
  UNKNOWN_PLACEHOLDER: (p) =>
    `nieznany symbol „{${p.placeholder}}”; dozwolone: {label}, {actual}, {required}`,
  VALIDITY_IN_PAST: (p) =>
    `validTo ${p.validTo} już minęło (dziś jest ${p.today}); zakończoną regułę usuń albo nadaj jej nowe daty`,
  VALIDITY_REVERSED: (p) => `validFrom ${p.validFrom} jest późniejsze niż validTo ${p.validTo}`,
  TIME_IN_RULE: (p) =>
    `warunek na fakcie „${p.fact}” wprowadza czas do reguły; kiedy można skorzystać z instrumentu, mówi jego dostępność w bazie wiedzy (nabory, rundy, oferta, koniec), którą silnik stosuje do każdej reguły: usuń warunek i zostaw tylko to, kto się kwalifikuje`,
};

const MESSAGES: Record<Language, Record<RuleIssueCode, Template>> = { en: EN, pl: PL };

/** Renders one issue's message in a language. */
export function renderRuleIssue(language: Language, code: RuleIssueCode, params: Params): string {
  return MESSAGES[language][code](params);
}

/**
 * Builds an issue with its message rendered in `language`; `params.suggestion`, when present,
 * also becomes the issue's `suggestion`.
 */
export function ruleIssue(
  language: Language,
  file: string,
  pointer: string,
  code: RuleIssueCode,
  params: Params,
  allowed?: readonly string[],
): RuleIssue {
  return {
    file,
    pointer,
    path: pointerToPath(pointer),
    code,
    message: renderRuleIssue(language, code, params),
    params,
    ...(allowed !== undefined && allowed.length > 0 && { allowed }),
    ...(params.suggestion !== undefined && { suggestion: params.suggestion }),
  };
}
