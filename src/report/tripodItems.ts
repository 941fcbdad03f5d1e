import type { StudyInfo } from "./results.js";

/** How much of an item radval can fill: "A" all of it from the data and the run, "P" part, "M" none (author only). */
export type RadvalCoverage = "A" | "P" | "M";

/** A TRIPOD+AI checklist item as published. */
export interface TripodItemDef {
  /** Item number as published: "1", "3a", "12g", … */
  readonly id: string;
  /** Section of the checklist: "Title", "Methods", "Open science", … */
  readonly section: string;
  /** Topic heading within the section, as published ("Data", "Analytical methods", …). */
  readonly topic: string;
  /** Development (D), evaluation (E) or both (D;E). */
  readonly appliesTo: "D" | "E" | "D;E";
  /** The checklist item's wording. */
  readonly text: string;
  readonly coverage: RadvalCoverage;
  /** Study-config fields (author-written text) that answer this item. */
  readonly studyFields: ReadonlyArray<keyof StudyInfo>;
}

const item = (
  id: string,
  section: string,
  topic: string,
  appliesTo: TripodItemDef["appliesTo"],
  coverage: RadvalCoverage,
  studyFields: ReadonlyArray<keyof StudyInfo>,
  text: string,
): TripodItemDef => ({ id, section, topic, appliesTo, coverage, studyFields, text });

/**
 * The TRIPOD+AI checklist: 27 items, 52 sub-items, in the published order.
 * Source: Collins GS, Moons KGM, Dhiman P, et al. TRIPOD+AI statement:
 * updated guidance for reporting clinical prediction models that use
 * regression or machine learning methods. BMJ 2024;385:e078378
 * (doi:10.1136/bmj-2023-078378), Table 1; the statement is published under
 * CC BY 4.0, so the item wording is reproduced here with this attribution.
 *
 * Verification: the numbers, topics, D/E applicability and wording were
 * cross-checked against a public transcription that states it was compared
 * with the official TRIPOD+AI supplement; they were not compared with the BMJ
 * PDF itself (not reachable from where this was written). Check against the
 * published table before citing the wording.
 */
export const TRIPOD_AI_ITEMS: readonly TripodItemDef[] = [
  item("1", "Title", "Title", "D;E", "M", ["title"], "Identify the study as developing or evaluating the performance of a multivariable prediction model, the target population, and the outcome to be predicted."),
  item("2", "Abstract", "Abstract", "D;E", "P", ["abstract"], "See TRIPOD+AI for Abstracts checklist."),
  item("3a", "Introduction", "Background", "D;E", "M", ["background"], "Explain the healthcare context (including whether diagnostic or prognostic) and rationale for developing or evaluating the prediction model, including references to existing models."),
  item("3b", "Introduction", "Background", "D;E", "M", ["targetPopulation"], "Describe the target population and the intended purpose of the prediction model in the care pathway, including its intended users (eg, healthcare professionals, patients, public)."),
  item("3c", "Introduction", "Background", "D;E", "M", ["healthInequalities"], "Describe any known health inequalities between sociodemographic groups."),
  item("4", "Introduction", "Objectives", "D;E", "M", ["objectives"], "Specify the study objectives, including whether the study describes the development or validation of a prediction model (or both)."),
  item("5a", "Methods", "Data", "D;E", "P", ["dataSources"], "Describe the sources of data separately for the development and evaluation datasets (eg, randomised trial, cohort, routine care or registry data), the rationale for using these data, and representativeness of the data."),
  item("5b", "Methods", "Data", "D;E", "P", [], "Specify the dates of the collected participant data, including start and end of participant accrual; and, if applicable, end of follow-up."),
  item("6a", "Methods", "Participants", "D;E", "P", ["setting"], "Specify key elements of the study setting (eg, primary care, secondary care, general population) including the number and location of centres."),
  item("6b", "Methods", "Participants", "D;E", "M", ["eligibility"], "Describe the eligibility criteria for study participants."),
  item("6c", "Methods", "Participants", "D;E", "M", ["treatments"], "Give details of any treatments received, and how they were handled during model development or evaluation, if relevant."),
  item("7", "Methods", "Data preparation", "D;E", "A", ["dataPreparation"], "Describe any data pre-processing and quality checking, including whether this was similar across relevant sociodemographic groups."),
  item("8a", "Methods", "Outcome", "D;E", "P", ["outcomeDefinition"], "Clearly define the outcome that is being predicted and the time horizon, including how and when assessed, the rationale for choosing this outcome, and whether the method of outcome assessment is consistent across sociodemographic groups."),
  item("8b", "Methods", "Outcome", "D;E", "M", ["outcomeAssessors"], "If outcome assessment requires subjective interpretation, describe the qualifications and demographic characteristics of the outcome assessors."),
  item("8c", "Methods", "Outcome", "D;E", "M", ["outcomeBlinding"], "Report any actions to blind assessment of the outcome to be predicted."),
  item("9a", "Methods", "Predictors", "D", "A", ["predictorChoice"], "Describe the choice of initial predictors (eg, literature, previous models, all available predictors) and any pre-selection of predictors before model building."),
  item("9b", "Methods", "Predictors", "D;E", "P", ["predictorDefinitions"], "Clearly define all predictors, including how and when they were measured (and any actions to blind assessment of predictors for the outcome and other predictors)."),
  item("9c", "Methods", "Predictors", "D;E", "M", ["predictorAssessors"], "If predictor measurement requires subjective interpretation, describe the qualifications and demographic characteristics of the predictor assessors."),
  item("10", "Methods", "Sample size", "D;E", "P", ["sampleSize"], "Explain how the study size was arrived at (separately for development and evaluation), and justify that the study size was sufficient to answer the research question. Include details of any sample size calculation."),
  item("11", "Methods", "Missing data", "D;E", "A", ["missingData"], "Describe how missing data were handled. Provide reasons for omitting any data."),
  item("12a", "Methods", "Analytical methods", "D", "A", [], "Describe how the data were used (eg, for development and evaluation of model performance) in the analysis, including whether the data were partitioned, considering any sample size requirements."),
  item("12b", "Methods", "Analytical methods", "D", "A", [], "Depending on the type of model, describe how predictors were handled in the analyses (functional form, rescaling, transformation, or any standardisation)."),
  item("12c", "Methods", "Analytical methods", "D", "A", [], "Specify the type of model, rationale, all model-building steps, including any hyperparameter tuning, and method for internal validation."),
  item("12d", "Methods", "Analytical methods", "D;E", "A", [], "Describe if and how any heterogeneity in estimates of model parameter values and model performance was handled and quantified across clusters (eg, hospitals, countries). See TRIPOD-Cluster for additional considerations."),
  item("12e", "Methods", "Analytical methods", "D;E", "A", ["performanceRationale"], "Specify all measures and plots used (and their rationale) to evaluate model performance (eg, discrimination, calibration, clinical utility) and, if relevant, to compare multiple models."),
  item("12f", "Methods", "Analytical methods", "E", "A", [], "Describe any model updating (eg, recalibration) arising from the model evaluation, either overall or for particular sociodemographic groups or settings."),
  item("12g", "Methods", "Analytical methods", "E", "A", [], "For model evaluation, describe how the model predictions were calculated (eg, formula, code, object, application programming interface)."),
  item("13", "Methods", "Class imbalance", "D;E", "A", [], "If class imbalance methods were used, state why and how this was done, and any subsequent methods to recalibrate the model or the model predictions."),
  item("14", "Methods", "Fairness", "D;E", "P", ["fairness"], "Describe any approaches that were used to address model fairness and their rationale."),
  item("15", "Methods", "Model output", "D", "A", ["modelOutput"], "Specify the output of the prediction model (eg, probabilities, classification). Provide details and rationale for any classification and how the thresholds were identified."),
  item("16", "Methods", "Training versus evaluation", "D;E", "P", ["differences"], "Identify any differences between the development and evaluation data in healthcare setting, eligibility criteria, outcome, and predictors."),
  item("17", "Methods", "Ethical approval", "D;E", "M", ["ethics"], "Name the institutional research board or ethics committee that approved the study and describe the participant-informed consent or the ethics committee waiver of informed consent."),
  item("18a", "Open science", "Funding", "D;E", "M", ["funding"], "Give the source of funding and the role of the funders for the present study."),
  item("18b", "Open science", "Conflicts of interest", "D;E", "M", ["conflicts"], "Declare any conflicts of interest and financial disclosures for all authors."),
  item("18c", "Open science", "Protocol", "D;E", "M", ["protocol"], "Indicate where the study protocol can be accessed or state that a protocol was not prepared."),
  item("18d", "Open science", "Registration", "D;E", "M", ["registration"], "Provide registration information for the study, including register name and registration number, or state that the study was not registered."),
  item("18e", "Open science", "Data sharing", "D;E", "M", ["dataSharing"], "Provide details of the availability of the study data."),
  item("18f", "Open science", "Code sharing", "D;E", "P", ["codeSharing"], "Provide details of the availability of the analytical code."),
  item("19", "Patient and public involvement", "Patient and public involvement", "D;E", "M", ["patientInvolvement"], "Provide details of any patient and public involvement during the design, conduct, reporting, interpretation, or dissemination of the study or state no involvement."),
  item("20a", "Results", "Participants", "D;E", "P", ["participantFlow"], "Describe the flow of participants through the study, including the number of participants with and without the outcome and, if applicable, a summary of the follow-up time. A diagram may be helpful."),
  item("20b", "Results", "Participants", "D;E", "A", [], "Report the characteristics overall and, where applicable, for each data source or setting, including the key dates, key predictors (including demographics), treatments received, sample size, number of outcome events, follow-up time, and amount of missing data. A table may be helpful. Report any differences across key demographic groups."),
  item("20c", "Results", "Participants", "E", "A", [], "For model evaluation, show a comparison with the development data of the distribution of important predictors (demographics, predictors, and outcome)."),
  item("21", "Results", "Model development", "D;E", "A", [], "Specify the number of participants and outcome events in each analysis (eg, for model development, hyperparameter tuning, model evaluation)."),
  item("22", "Results", "Model specification", "D", "A", [], "Provide details of the full prediction model (eg, formula, code, object, application programming interface) to allow predictions in new individuals and to enable third-party evaluation and implementation, including any restrictions to access or re-use (eg, freely available, proprietary)."),
  item("23a", "Results", "Model performance", "D;E", "A", [], "Report model performance estimates with confidence intervals, including for any key subgroups (eg, sociodemographic). Consider plots to aid presentation."),
  item("23b", "Results", "Model performance", "D;E", "A", [], "If examined, report results of any heterogeneity in model performance across clusters. See TRIPOD Cluster for additional details."),
  item("24", "Results", "Model updating", "E", "A", [], "Report the results from any model updating, including the updated model and subsequent performance."),
  item("25", "Discussion", "Interpretation", "D;E", "M", ["interpretation"], "Give an overall interpretation of the main results, including issues of fairness in the context of the objectives and previous studies."),
  item("26", "Discussion", "Limitations", "D;E", "P", ["limitations"], "Discuss any limitations of the study (such as a non-representative sample, sample size, overfitting, missing data) and their effects on any biases, statistical uncertainty, and generalisability."),
  item("27a", "Discussion", "Usability of the model in the context of current care", "D", "M", ["inputDataQuality"], "Describe how poor quality or unavailable input data (eg, predictor values) should be assessed and handled when implementing the prediction model."),
  item("27b", "Discussion", "Usability of the model in the context of current care", "D", "M", ["userInteraction"], "Specify whether users will be required to interact in the handling of the input data or use of the model, and what level of expertise is required of users."),
  item("27c", "Discussion", "Usability of the model in the context of current care", "D;E", "M", ["nextSteps"], "Discuss any next steps for future research, with a specific view to applicability and generalisability of the model."),
];

/** A TRIPOD 2015 item and the TRIPOD+AI items whose content answers it. */
export interface Tripod2015ItemDef {
  readonly id: string;
  readonly section: string;
  /** Short topic label (radval's paraphrase; the 2015 wording is not reproduced). */
  readonly topic: string;
  readonly appliesTo: "D" | "V" | "D;V";
  /** TRIPOD+AI item ids with the same content. */
  readonly mapsTo: readonly string[];
}

const old = (id: string, section: string, topic: string, appliesTo: Tripod2015ItemDef["appliesTo"], mapsTo: readonly string[]): Tripod2015ItemDef => ({
  id,
  section,
  topic,
  appliesTo,
  mapsTo,
});

/**
 * TRIPOD 2015 (Collins GS, Reitsma JB, Altman DG, Moons KGM. Ann Intern Med
 * 2015;162:55-63; 22 items, 37 sub-items) mapped onto the TRIPOD+AI items
 * carrying the same content, so a report can show the 2015 view. Topics are
 * radval's short paraphrases, not the published wording. Item 14b (unadjusted
 * predictor–outcome associations) has no TRIPOD+AI counterpart and is left
 * to the author.
 */
export const TRIPOD_2015_ITEMS: readonly Tripod2015ItemDef[] = [
  old("1", "Title and abstract", "Title: development and/or validation, population, outcome", "D;V", ["1"]),
  old("2", "Title and abstract", "Abstract: structured summary", "D;V", ["2"]),
  old("3a", "Introduction", "Medical context and rationale, existing models", "D;V", ["3a", "3b"]),
  old("3b", "Introduction", "Objectives: development, validation or both", "D;V", ["4"]),
  old("4a", "Methods", "Source of data: study design, separately per data set", "D;V", ["5a"]),
  old("4b", "Methods", "Key study dates: accrual, follow-up", "D;V", ["5b"]),
  old("5a", "Methods", "Setting, number and location of centres", "D;V", ["6a"]),
  old("5b", "Methods", "Eligibility criteria", "D;V", ["6b"]),
  old("5c", "Methods", "Treatments received", "D;V", ["6c"]),
  old("6a", "Methods", "Outcome definition, how and when assessed", "D;V", ["8a"]),
  old("6b", "Methods", "Blinding of outcome assessment", "D;V", ["8c"]),
  old("7a", "Methods", "Predictor definitions and measurement", "D;V", ["9b"]),
  old("7b", "Methods", "Blinding of predictor assessment", "D;V", ["9b", "9c"]),
  old("8", "Methods", "Sample size", "D;V", ["10"]),
  old("9", "Methods", "Missing data handling", "D;V", ["11"]),
  old("10a", "Methods", "Predictor handling in the analyses", "D", ["12b", "7"]),
  old("10b", "Methods", "Model type, model building (incl. predictor selection), internal validation", "D", ["12c", "9a", "12a"]),
  old("10c", "Methods", "How predictions were calculated for validation", "V", ["12g"]),
  old("10d", "Methods", "Performance measures and model comparison", "D;V", ["12e"]),
  old("10e", "Methods", "Model updating arising from validation", "V", ["12f"]),
  old("11", "Methods", "Risk groups", "D;V", ["15"]),
  old("12", "Methods", "Development vs validation: differences", "V", ["16"]),
  old("13a", "Results", "Participant flow, numbers with and without the outcome", "D;V", ["20a"]),
  old("13b", "Results", "Participant characteristics, missing data", "D;V", ["20b"]),
  old("13c", "Results", "Validation vs development: distribution of important variables", "V", ["20c"]),
  old("14a", "Results", "Participants and events in each analysis", "D", ["21"]),
  old("14b", "Results", "Unadjusted predictor–outcome associations", "D", []),
  old("15a", "Results", "Full prediction model (all coefficients, intercept)", "D", ["22"]),
  old("15b", "Results", "How to use the prediction model", "D", ["22", "15"]),
  old("16", "Results", "Performance measures with confidence intervals", "D;V", ["23a"]),
  old("17", "Results", "Model updating results", "V", ["24"]),
  old("18", "Discussion", "Limitations", "D;V", ["26"]),
  old("19a", "Discussion", "Validation results compared with development and other validations", "V", ["25"]),
  old("19b", "Discussion", "Overall interpretation", "D;V", ["25"]),
  old("20", "Discussion", "Implications: clinical use, future research", "D;V", ["27c"]),
  old("21", "Other information", "Supplementary information: protocol, calculator, data", "D;V", ["18c", "18e", "18f"]),
  old("22", "Other information", "Funding", "D;V", ["18a"]),
];
