import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { RadvalError } from "../core/errors.js";
import type { ChunkSource } from "../table/scan.js";

/** Bytes read per system call by {@link fileChunks}. */
const CHUNK_BYTES = 1 << 20;

/**
 * Checks that `path` can be read as a file: `FILE_NOT_FOUND` when it does not exist,
 * `FILE_UNREADABLE` when it is a directory. Pipes, `/dev/stdin` and shell process
 * substitutions (`<(…)`) are accepted. Returns whether it is a regular file and its size.
 */
function checkReadable(path: string): { regular: boolean; size: number } {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new RadvalError("FILE_NOT_FOUND", "file not found", {
      where: { file: path },
      hint: "Check the path (it is relative to the current directory).",
    });
  }
  if (stats.isDirectory()) {
    throw new RadvalError("FILE_UNREADABLE", "this is a directory, not a file", { where: { file: path }, hint: "Give the path of a CSV file." });
  }
  return { regular: stats.isFile(), size: stats.size };
}

function unreadable(path: string, e: unknown): RadvalError {
  return new RadvalError("FILE_UNREADABLE", `cannot read the file (${(e as Error).message})`, { where: { file: path } });
}

/**
 * Every byte of a pipe or device until end of file. A non-blocking pipe (stdin given by a parent
 * process as `input`) answers EAGAIN while the writer is slow: wait 2 ms and read again.
 */
function readStream(path: string): Uint8Array {
  // /dev/stdin is read from descriptor 0: when stdin is a socket (a parent's `input`), opening it fails (ENXIO).
  const stdin = path === "/dev/stdin";
  let fd: number;
  try {
    fd = stdin ? 0 : openSync(path, "r");
  } catch (e) {
    throw unreadable(path, e);
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  try {
    for (;;) {
      const buffer = new Uint8Array(CHUNK_BYTES);
      let n: number;
      try {
        n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") {
          Atomics.wait(pause, 0, 0, 2);
          continue;
        }
        throw unreadable(path, e);
      }
      if (n === 0) break;
      parts.push(buffer.subarray(0, n));
      total += n;
    }
  } finally {
    if (!stdin) closeSync(fd);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/**
 * Reads a UTF-8 text file (also a pipe, `/dev/stdin` or `<(…)`). `FILE_NOT_FOUND` when it does
 * not exist, `FILE_UNREADABLE` when it is a directory or cannot be read.
 */
export function readTextFile(path: string): string {
  if (!checkReadable(path).regular) return new TextDecoder().decode(readStream(path));
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw unreadable(path, e);
  }
}

/**
 * The bytes of a file as a {@link ChunkSource} for the table reader, with its size when known.
 * A regular file is streamed in 1 MiB chunks (so a 10⁷-row table never sits in memory as text)
 * and read again on a second pass (`FILE_UNREADABLE` if it changed in between); a pipe,
 * `/dev/stdin` or `<(…)` can be read once only, so its bytes are kept in memory.
 */
export function fileChunks(path: string): { chunks: ChunkSource; size: number } {
  const { regular, size } = checkReadable(path);
  if (!regular) {
    const bytes = readStream(path);
    return { chunks: (visit) => visit(bytes), size: bytes.length };
  }
  let firstMtime: number | undefined;
  const chunks: ChunkSource = (visit) => {
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch (e) {
      throw unreadable(path, e);
    }
    try {
      const stats = fstatSync(fd);
      if (firstMtime === undefined) firstMtime = stats.mtimeMs;
      else if (stats.mtimeMs !== firstMtime || stats.size !== size) {
        throw new RadvalError("FILE_UNREADABLE", "the file changed while radval was reading it", { where: { file: path }, hint: "Read a file that is not being written to." });
      }
      const buffer = new Uint8Array(CHUNK_BYTES);
      for (;;) {
        let n: number;
        try {
          n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
        } catch (e) {
          throw unreadable(path, e);
        }
        if (n === 0) break;
        visit(buffer.subarray(0, n));
      }
    } finally {
      closeSync(fd);
    }
  };
  return { chunks, size };
}
