import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { RadvalError } from "../core/errors.js";
import { type LoadedShard, type ShardFile, checkShardFile, shardFileName } from "../validate/shard/format.js";

/** Shard file names as `radval run --shard` writes them. */
const SHARD_NAME = /^shard-(\d+)-of-(\d+)\.json$/;

/**
 * Checks before any fitting that `dir` can receive a shard file (created
 * when missing; a probe file is written and removed). Throws `WRITE_FAILED`
 * naming the folder.
 */
export function checkShardDir(dir: string): void {
  const path = resolve(dir);
  const probe = join(path, `.radval-probe-${process.pid}`);
  try {
    mkdirSync(path, { recursive: true });
    if (!statSync(path).isDirectory()) throw new Error("not a directory");
    writeFileSync(probe, "ok");
  } catch (e) {
    throw new RadvalError("WRITE_FAILED", `cannot write shard files into ${path} (${(e as Error).message})`, { where: { file: path, option: "--out" }, hint: "Point --out at a writable folder shared by all shards (it is created when missing); nothing was computed yet." });
  } finally {
    rmSync(probe, { force: true });
  }
}

/**
 * Writes `DIR/shard-i-of-N.json` atomically: into a temporary file in the
 * same folder, then renamed over the old one (a rerun shard replaces its
 * file; a killed run leaves the old file or none, never half a file).
 * Returns the absolute path.
 */
export function writeShardFile(dir: string, file: ShardFile): string {
  const path = join(resolve(dir), shardFileName(file.shard));
  const tmp = `${path}.radval-tmp-${process.pid}-${Date.now()}`;
  try {
    mkdirSync(resolve(dir), { recursive: true });
    writeFileSync(tmp, `${JSON.stringify(file)}\n`);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new RadvalError("WRITE_FAILED", `cannot write ${path} (${(e as Error).message}); an earlier file of this shard, if any, is unchanged`, { where: { file: path, option: "--out" }, hint: "Check free disk space and that --out is writable." });
  }
  return path;
}

/** Reads and checks one shard file (format, version, index; see `checkShardFile`). */
export function readShardFile(path: string): LoadedShard {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    throw new RadvalError(missing ? "FILE_NOT_FOUND" : "FILE_UNREADABLE", missing ? "shard file not found" : `cannot read the shard file (${(e as Error).message})`, { where: { file: path } });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new RadvalError("INVALID_JSON", `not valid JSON (${(e as Error).message}); a shard killed while writing leaves no file, so this one was cut or edited`, { where: { file: path }, hint: "Recompute this shard." });
  }
  return { source: path, file: checkShardFile(value, path) };
}

/**
 * The shard files named on `radval merge`'s command line: each argument a
 * shard file or a folder (its `shard-i-of-N.json` files; other files are
 * left alone). Returns them read and checked one by one, and the folder
 * (for error messages) when exactly one was given.
 */
export function readShardInputs(inputs: readonly string[]): { shards: LoadedShard[]; folder: string | null } {
  const files: string[] = [];
  let folder: string | null = null;
  for (const input of inputs) {
    const path = resolve(input);
    if (!existsSync(path)) throw new RadvalError("FILE_NOT_FOUND", "no such shard file or folder", { where: { file: path }, hint: "Pass the folder given to `radval run --shard i/N --out DIR`, or its shard-i-of-N.json files." });
    if (statSync(path).isDirectory()) {
      folder = inputs.length === 1 ? path : null;
      const names = readdirSync(path).filter((n) => SHARD_NAME.test(n));
      names.sort((a, b) => {
        const [, ia, na] = SHARD_NAME.exec(a)!.map(Number) as [number, number, number];
        const [, ib, nb] = SHARD_NAME.exec(b)!.map(Number) as [number, number, number];
        return na - nb || ia - ib;
      });
      files.push(...names.map((n) => join(path, n)));
    } else {
      files.push(path);
    }
  }
  return { shards: files.map(readShardFile), folder };
}
