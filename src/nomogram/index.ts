export { nomogram } from "./nomogram.js";
export { logisticNomogram, coxNomogram, baselineSurvivalAt } from "./models.js";
export { nomogramAxisValues } from "./axisValues.js";
export { rPretty } from "./pretty.js";
export { approxLinear } from "./approx.js";
export type * from "./types.js";
export { nomogramPointsTable } from "./pointsTable.js";
export type { PointsTableRow } from "./pointsTable.js";
