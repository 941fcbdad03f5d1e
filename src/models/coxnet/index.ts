export { coxnetPath } from "./path.js";
export { cvCoxnet, type CvCoxnetOptions } from "./cv.js";
export { coxnetDeviance } from "./deviance.js";
export type { CoxnetMeasure, CoxnetOptions, CoxnetPath, CvCoxnetResult } from "./types.js";
