import { readFileSync, statSync } from "node:fs";
import { RadvalError } from "../core/errors.js";

/**
 * Reads a UTF-8 text file. `FILE_NOT_FOUND` when it does not exist,
 * `FILE_UNREADABLE` when it is a directory or cannot be read.
 */
export function readTextFile(path: string): string {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new RadvalError("FILE_NOT_FOUND", "file not found", {
      where: { file: path },
      hint: "Check the path (it is relative to the current directory).",
    });
  }
  if (!isFile) {
    throw new RadvalError("FILE_UNREADABLE", "this is a directory, not a file", { where: { file: path }, hint: "Give the path of a CSV file." });
  }
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new RadvalError("FILE_UNREADABLE", `cannot read the file (${(e as Error).message})`, { where: { file: path } });
  }
}
