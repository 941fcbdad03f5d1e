import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { RadvalError } from "../core/errors.js";

/** One file of an output set: its path relative to the output directory and its content. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/** What the manifest records besides the files (provenance of the run). */
export interface ManifestInfo {
  readonly seed: number | null;
  readonly configHash: string | null;
  readonly command: string | null;
  readonly createdAt: string | null;
}

/** `manifest.json`, written last: every file of the set with its size and SHA-256. */
export interface Manifest extends ManifestInfo {
  readonly radvalManifest: 1;
  readonly files: ReadonlyArray<{ readonly path: string; readonly bytes: number; readonly sha256: string }>;
}

/** File names radval writes into an output directory (earlier runs' files, safe to replace). */
const RADVAL_NAMES = /^(results\.json|predictions\.csv|model\.json|report\.(html|md|json)|manifest\.json|charts)$/;

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Checks, before any fitting, that `outDir` can receive a complete output
 * set: its parent is writable (a probe directory is created and removed
 * there) and `outDir`, if it exists, is a directory that holds nothing but an
 * earlier radval output (results.json, predictions.csv, model.json, report.*, charts/,
 * manifest.json) — so that replacing it mixes and deletes nothing else.
 * Throws `WRITE_FAILED` or `OUTPUT_NOT_EMPTY` naming the directory.
 */
export function checkOutputDir(outDir: string): void {
  const dir = resolve(outDir);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) {
      throw new RadvalError("WRITE_FAILED", `${dir} exists and is not a directory`, { where: { file: dir, option: "--out" }, hint: "Point --out at a directory (it is created when missing)." });
    }
    const foreign = entries(dir).filter((name) => !RADVAL_NAMES.test(name));
    if (foreign.length) {
      throw new RadvalError("OUTPUT_NOT_EMPTY", `${dir} holds files radval did not write (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? `, … ${foreign.length - 3} more` : ""}); radval replaces its output directory as a whole`, {
        where: { file: dir, option: "--out" },
        hint: "Use a new or empty --out directory, or one that only holds an earlier radval output.",
      });
    }
  }
  const probe = join(dirname(dir), `.${basename(dir)}.radval-probe-${process.pid}`);
  try {
    mkdirSync(dirname(dir), { recursive: true });
    mkdirSync(probe);
    writeFileSync(join(probe, "probe"), "ok");
  } catch (e) {
    throw new RadvalError("WRITE_FAILED", `cannot write into ${dirname(dir)} (${(e as Error).message})`, { where: { file: dir, option: "--out" }, hint: "Check that --out points at a writable place; nothing was computed yet." });
  } finally {
    try {
      rmSync(probe, { recursive: true, force: true });
    } catch {
      // the probe was never created
    }
  }
}

const sha256 = (content: string) => createHash("sha256").update(content, "utf8").digest("hex");

/** The manifest of a set of files (sizes in UTF-8 bytes, SHA-256 hex). */
export function manifestOf(files: readonly OutputFile[], info: ManifestInfo): Manifest {
  return {
    radvalManifest: 1,
    ...info,
    files: files.map((f) => ({ path: f.path, bytes: Buffer.byteLength(f.content, "utf8"), sha256: sha256(f.content) })),
  };
}

/**
 * Writes a complete output set atomically: every file into a temporary
 * sibling directory, `manifest.json` last, then the directory renamed into
 * place (an earlier output at `outDir` is moved aside first and removed
 * after). A run killed or failing midway leaves the old output untouched
 * and no half-written new one; files of earlier runs that this run does not
 * write never stay beside the new ones. Returns the absolute paths written
 * (manifest last).
 */
export function writeOutputSet(outDir: string, files: readonly OutputFile[], info: ManifestInfo): string[] {
  const dir = resolve(outDir);
  checkOutputDir(dir);
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = join(dirname(dir), `.${basename(dir)}.radval-tmp-${stamp}`);
  const old = join(dirname(dir), `.${basename(dir)}.radval-old-${stamp}`);
  const manifest = manifestOf(files, info);
  try {
    mkdirSync(tmp, { recursive: true });
    for (const f of files) {
      const path = join(tmp, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
    writeFileSync(join(tmp, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(dir)) renameSync(old, dir);
    throw new RadvalError("WRITE_FAILED", `cannot write the output (${(e as Error).message}); the earlier output, if any, is unchanged`, { where: { file: dir, option: "--out" }, hint: "Check free disk space and that --out is writable." });
  }
  rmSync(old, { recursive: true, force: true });
  return [...files.map((f) => join(dir, f.path)), join(dir, "manifest.json")];
}

/** Reads and checks a manifest: every listed file present with its size and SHA-256 (true when the set is complete). */
export function verifyOutputSet(outDir: string): boolean {
  const dir = resolve(outDir);
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  return manifest.files.every((f) => {
    const path = join(dir, f.path);
    if (!existsSync(path)) return false;
    const content = readFileSync(path, "utf8");
    return Buffer.byteLength(content, "utf8") === f.bytes && sha256(content) === f.sha256;
  });
}

/**
 * After files were rewritten in an output directory that has a
 * `manifest.json` (e.g. `radval report` into a run's folder), updates their
 * entries (size, SHA-256; new files added) and rewrites the manifest last,
 * atomically, so the manifest never describes files that changed after it.
 * Does nothing where there is no manifest. `written` are absolute paths.
 */
export function refreshManifest(outDir: string, written: readonly string[]): void {
  const dir = resolve(outDir);
  const path = join(dir, "manifest.json");
  if (!existsSync(path)) return;
  const manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  const byPath = new Map(manifest.files.map((f) => [f.path, f]));
  for (const file of written) {
    const rel = file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : null;
    if (rel === null || rel === "manifest.json") continue;
    const content = readFileSync(file, "utf8");
    byPath.set(rel, { path: rel, bytes: Buffer.byteLength(content, "utf8"), sha256: sha256(content) });
  }
  const tmp = `${path}.radval-tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify({ ...manifest, files: [...byPath.values()] }, null, 2)}\n`);
  renameSync(tmp, path);
}
