import type { Dataset } from "../../core/dataset.js";
import type { FitPredictTask, ValidationJob } from "../tasks.js";
import { encodeValue, stringTable } from "./codec.js";

/**
 * A 64-bit non-cryptographic hash (two 32-bit lanes, murmur3-style mixing of
 * 32-bit words) used to check that shards and their merge saw the same task
 * lists and data. It detects mistakes (another config, other data, another
 * seed), not tampering. `update` takes numbers (their 32-bit words), typed
 * arrays (their bytes) or strings (their UTF-16 code units).
 */
export class Hash64 {
  private h1 = 0x9e3779b9;
  private h2 = 0x85ebca6b;
  private length = 0;

  private word(w: number): void {
    let k = Math.imul(w | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    this.h1 ^= k;
    this.h1 = ((this.h1 << 13) | (this.h1 >>> 19)) + 0xe6546b64;
    this.h1 = Math.imul(this.h1, 5) | 0;
    this.h2 = Math.imul(this.h2 ^ (w | 0), 0x2c1b3c6d) + 0x297a2d39;
    this.h2 = (this.h2 << 17) | (this.h2 >>> 15);
    this.length++;
  }

  /** Adds a typed array's bytes (with its length). */
  bytes(view: ArrayBufferView): this {
    this.word(view.byteLength);
    const whole = view.byteLength >>> 2;
    if ((view.byteOffset & 3) === 0) {
      const words = new Int32Array(view.buffer, view.byteOffset, whole);
      for (let i = 0; i < whole; i++) this.word(words[i]!);
    } else {
      const dv = new DataView(view.buffer, view.byteOffset, view.byteLength);
      for (let i = 0; i < whole; i++) this.word(dv.getInt32(4 * i, true));
    }
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let i = whole * 4; i < view.byteLength; i++) this.word(bytes[i]!);
    return this;
  }

  /** Adds a string (with its length). */
  text(s: string): this {
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
    return this;
  }

  /** Adds a number (its float64 bits). */
  number(x: number): this {
    return this.bytes(Float64Array.of(x));
  }

  /** The 64-bit digest as 16 hex digits. */
  hex(): string {
    let a = this.h1 ^ this.length;
    let b = this.h2 ^ this.length;
    a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
    a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
    a ^= a >>> 16;
    b = Math.imul(b ^ (b >>> 15), 0x735a2d97);
    b = Math.imul(b ^ (b >>> 13), 0xcaf649e3);
    b ^= b >>> 16;
    a = (a + b) | 0;
    return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
  }
}

/** The hash of a dataset's content: ids, feature names and values, outcome (what every fit reads). */
export function datasetHash(data: Dataset): string {
  const h = new Hash64();
  h.number(data.x.nRows).number(data.x.nCols).bytes(data.x.data);
  for (const name of data.featureNames) h.text(name);
  for (const id of data.ids) h.text(id);
  if (data.outcome) h.bytes(data.outcome.values);
  if (data.site) for (const s of data.site.values) h.text(s);
  return h.hex();
}

/**
 * The hash of a job's workflows as plain data (ids, steps, model, tuning grid):
 * a shard and its merge must fit the same pipelines.
 */
export function workflowsHash(job: ValidationJob): string {
  return new Hash64().text(JSON.stringify(job.workflows)).hex();
}

/**
 * The fingerprint of one fit task: its workflow id, split id, generator state,
 * outcome (the permuted vector's hash in label-permutation runs) and the
 * hashes of its analysis and predict rows. Equal fingerprints = the same fit.
 */
export function taskFingerprint(job: ValidationJob, task: FitPredictTask, outcomeHash: (index: number) => string): string {
  const h = new Hash64().text(job.workflows[task.workflow]?.id ?? `#${task.workflow}`).text(task.splitId);
  for (const w of task.rngState) h.number(w);
  h.text(task.outcome === undefined ? "-" : outcomeHash(task.outcome));
  h.bytes(task.analysis).bytes(task.predict);
  return h.hex();
}

/** A call's identity as a shard file records it, and its tasks' fingerprints. */
export interface CallIdentity {
  readonly dataHash: string;
  readonly workflowsHash: string;
  readonly digest: string;
  readonly fingerprints: string[];
}

/**
 * Hashes executor calls: the dataset, the workflows and every task of a
 * call (see {@link taskFingerprint}). Hashes of a dataset and of permuted
 * outcome vectors are kept per object, so a study's 20 calls on one dataset
 * hash it once.
 */
export function callHasher(): (job: ValidationJob, tasks: readonly FitPredictTask[]) => CallIdentity {
  const dataHashes = new WeakMap<Dataset, string>();
  const outcomeHashes = new WeakMap<Float64Array, string>();
  return (job, tasks) => {
    let dataHash = dataHashes.get(job.data);
    if (dataHash === undefined) {
      dataHash = datasetHash(job.data);
      dataHashes.set(job.data, dataHash);
    }
    const outcomeHash = (index: number): string => {
      const y = job.outcomes?.[index];
      if (!y) return `missing outcome ${index}`;
      let h = outcomeHashes.get(y);
      if (h === undefined) {
        h = new Hash64().bytes(y).hex();
        outcomeHashes.set(y, h);
      }
      return h;
    };
    // The response of a non-binary study (survival times, ordinal codes) is part of what every fit reads.
    if (job.response && job.response.kind !== "binary") dataHash = new Hash64().text(dataHash).text(JSON.stringify(encodeValue(job.response, stringTable()))).hex();
    const workflows = workflowsHash(job);
    const fingerprints = tasks.map((t) => taskFingerprint(job, t, outcomeHash));
    const digest = new Hash64().text(dataHash).text(workflows).text(fingerprints.join(",")).hex();
    return { dataHash, workflowsHash: workflows, digest, fingerprints };
  };
}
