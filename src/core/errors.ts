/**
 * Where a problem was found: any of file, 1-based line/row of the file, column
 * name, feature name, split or config key. Every field is optional; the
 * message renders whichever are present.
 */
export interface ErrorLocation {
  readonly file?: string;
  /** 1-based physical line in the file (header = line 1). */
  readonly line?: number;
  /** 1-based data row (first row after the header = row 1). */
  readonly row?: number;
  readonly column?: string;
  readonly feature?: string;
  readonly split?: string;
  readonly key?: string;
  /** A command-line option such as `--alpha`. */
  readonly option?: string;
  readonly value?: string;
}

/** Machine-readable error codes. Stable: tests and users match on them. */
export type RadvalErrorCode =
  | "FILE_NOT_FOUND"
  | "FILE_UNREADABLE"
  | "EMPTY_FILE"
  | "NO_DATA_ROWS"
  | "RAGGED_ROW"
  | "CSV_SYNTAX"
  | "DUPLICATE_COLUMN"
  | "DUPLICATE_ID"
  | "MISSING_ID"
  | "NON_NUMERIC"
  | "NON_FINITE"
  | "UNKNOWN_COLUMN"
  | "OUTCOME_ONE_LEVEL"
  | "OUTCOME_TOO_MANY_LEVELS"
  | "OUTCOME_MISSING"
  | "UNKNOWN_POSITIVE_LABEL"
  | "NO_FEATURES"
  | "UNKNOWN_EXAMPLE"
  | "INVALID_ARGUMENT"
  | "INVALID_OPTION"
  | "INVALID_DATE"
  | "MISSING_ROLE"
  | "CONSTANT_FEATURE"
  | "DIMENSION_MISMATCH"
  | "SINGLE_CLASS"
  | "UNBALANCED_DESIGN"
  | "TOO_FEW_RATERS"
  | "NOT_CONVERGED"
  | "INVALID_CONFIG"
  | "UNKNOWN_MODEL"
  | "INCOMPATIBLE_MODEL"
  | "EMPTY_SPLIT"
  | "TOO_FEW_EVENTS"
  | "ALL_MISSING"
  | "UNKNOWN_STEP"
  | "NOT_IMPLEMENTED_OPTION"
  | "TOO_FEW_CASES"
  | "TOO_FEW_FEATURES"
  | "INCOMPLETE_CASE"
  | "MISSING_VALUES"
  | "UNMEASURED_FEATURE"
  | "INVALID_RESULTS"
  | "RESULTS_VERSION"
  | "INVALID_JSON"
  | "WRITE_FAILED"
  | "OUTPUT_NOT_EMPTY"
  | "RENDER_FAILED"
  | "PROBABILITY_OUT_OF_RANGE"
  | "PROBABILITY_ZERO_ONE"
  | "UNKNOWN_PARAMETER"
  | "INVALID_PARAMETER"
  | "ENGINE_NOT_LOADED"
  | "NO_PROBABILITY"
  | (string & {});

/**
 * The one error type radval throws for bad input. It carries a stable `code`,
 * a `where` naming file/row/column/feature, and a `hint` saying what to do.
 * `message` is the human sentence, already including the location, so the CLI
 * prints `message` and `hint` on two lines without a stack trace.
 */
export class RadvalError extends Error {
  readonly code: RadvalErrorCode;
  readonly where: ErrorLocation;
  readonly hint: string | undefined;
  /** The message without the location prefix (for re-wrapping with more context). */
  readonly detail: string;

  constructor(code: RadvalErrorCode, message: string, options: { where?: ErrorLocation; hint?: string } = {}) {
    const where = options.where ?? {};
    const place = describeLocation(where);
    super(place ? `${place}: ${message}` : message);
    this.name = "RadvalError";
    this.code = code;
    this.where = where;
    this.hint = options.hint;
    this.detail = message;
  }

  /** Rebuilds an error from `toJSON()` output (e.g. after it crossed a worker-thread boundary). */
  static fromJSON(data: { code: string; detail?: string; message: string; where?: ErrorLocation; hint?: string }): RadvalError {
    if (data.detail !== undefined) return new RadvalError(data.code, data.detail, { where: data.where ?? {}, ...(data.hint ? { hint: data.hint } : {}) });
    const error = new RadvalError(data.code, data.message, data.hint ? { hint: data.hint } : {});
    Object.defineProperty(error, "where", { value: data.where ?? {} });
    return error;
  }

  /** Plain data for `--json` error output and logs. */
  toJSON(): { code: string; message: string; detail: string; where: ErrorLocation; hint?: string } {
    return this.hint === undefined
      ? { code: this.code, message: this.message, detail: this.detail, where: this.where }
      : { code: this.code, message: this.message, detail: this.detail, where: this.where, hint: this.hint };
  }
}

/** Renders a location as `file.csv, line 7 (row 6), column "age"`. */
export function describeLocation(where: ErrorLocation): string {
  const parts: string[] = [];
  if (where.file !== undefined) parts.push(where.file);
  if (where.line !== undefined && where.row !== undefined) parts.push(`line ${where.line} (data row ${where.row})`);
  else if (where.line !== undefined) parts.push(`line ${where.line}`);
  else if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column !== undefined) parts.push(`column "${where.column}"`);
  if (where.feature !== undefined && where.feature !== where.column) parts.push(`feature "${where.feature}"`);
  if (where.split !== undefined) parts.push(`split ${where.split}`);
  if (where.key !== undefined) parts.push(`config key "${where.key}"`);
  if (where.option !== undefined) parts.push(`option ${where.option}`);
  return parts.join(", ");
}

/** A non-fatal problem worth telling the user (constant feature, separation…). */
export interface RadvalWarning {
  readonly code: string;
  readonly message: string;
  readonly where?: ErrorLocation;
}

/** True when `e` is a RadvalError (also across realms / worker boundaries). */
export function isRadvalError(e: unknown): e is RadvalError {
  return e instanceof RadvalError || (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "RadvalError");
}
