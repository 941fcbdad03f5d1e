import type { StudyInfo } from "../../report/results.js";
import type { StudyConfig } from "../config.js";

const STUDY_KEYS: readonly (keyof StudyInfo)[] = [
  "title", "abstract", "background", "targetPopulation", "healthInequalities", "objectives", "dataSources", "setting",
  "eligibility", "treatments", "dataPreparation", "outcomeDefinition", "outcomeAssessors", "outcomeBlinding", "predictorChoice",
  "predictorDefinitions", "predictorAssessors", "sampleSize", "missingData", "performanceRationale", "fairness", "modelOutput",
  "differences", "ethics", "funding", "conflicts", "protocol", "registration", "dataSharing", "codeSharing", "patientInvolvement",
  "participantFlow", "interpretation", "limitations", "inputDataQuality", "userInteraction", "nextSteps", "anticipatedR2CoxSnell",
];

/** The author-written study information of a config (every TRIPOD+AI field, null when absent). */
export function studyInfo(config: StudyConfig): StudyInfo {
  const given = (config.study ?? {}) as Record<string, unknown>;
  return Object.fromEntries(STUDY_KEYS.map((k) => [k, given[k] ?? null])) as unknown as StudyInfo;
}
