import { RadvalError } from "../../core/errors.js";

/** libsvm-js training options (its own names; see the package's README). */
export interface LibsvmOptions {
  type?: string;
  kernel?: string;
  degree?: number;
  gamma?: number;
  coef0?: number;
  cost?: number;
  tolerance?: number;
  shrinking?: boolean;
  probabilityEstimates?: boolean;
  weight?: Record<string, number>;
  cacheSize?: number;
  quiet?: boolean;
}

/** One libsvm-js model handle (memory lives in the WebAssembly heap until `free()`). */
export interface LibsvmInstance {
  train(samples: ArrayLike<number>[], labels: number[]): void;
  serializeModel(): string;
  /** 0-based indices of the support vectors in the training rows, in the model's support-vector order. */
  getSVIndices(): number[];
  getLabels(): number[];
  free(): void;
}

/** The libsvm-js `SVM` class. */
export interface LibsvmClass {
  new (options: LibsvmOptions): LibsvmInstance;
  readonly KERNEL_TYPES: Readonly<Record<"LINEAR" | "POLYNOMIAL" | "RBF" | "SIGMOID" | "PRECOMPUTED", string>>;
  readonly SVM_TYPES: Readonly<Record<"C_SVC" | "NU_SVC" | "ONE_CLASS" | "EPSILON_SVR" | "NU_SVR", string>>;
}

/** Which build of libsvm-js to load: WebAssembly (default, ~2.5× faster) or pure-JS asm.js (no .wasm file to serve). */
export type LibsvmBuild = "wasm" | "asm";

/** Options of {@link loadLibsvm}. */
export interface LoadLibsvmOptions {
  /** Default "wasm". */
  readonly build?: LibsvmBuild;
  /**
   * Custom importer resolving to the SVM class or to libsvm-js's module
   * namespace (e.g. for a bundler that serves the .wasm file elsewhere).
   */
  readonly importer?: () => Promise<unknown>;
}

let loaded: LibsvmClass | undefined;
let loading: Promise<LibsvmClass> | undefined;

async function unwrap(imported: unknown): Promise<LibsvmClass> {
  let value: unknown = await imported;
  for (let depth = 0; depth < 3 && typeof value !== "function"; depth++) {
    const inner = (value as { default?: unknown } | null)?.default;
    if (inner === undefined) break;
    value = await inner;
  }
  if (typeof value !== "function") {
    throw new RadvalError("ENGINE_NOT_LOADED", "libsvm-js did not load: the import gave no SVM class", {
      hint: "Check that the libsvm-js package is installed (npm install libsvm-js).",
    });
  }
  return value as LibsvmClass;
}

/**
 * Loads libsvm-js (libsvm 3.x compiled to WebAssembly by Emscripten; the same
 * solver as scikit-learn's SVC and R's e1071) once, so that the synchronous
 * `fit` of the `svm`/`libsvm` engine can run: `await loadLibsvm()` before
 * fitting (`fitModelAsync` and the CLI do it for you). Idempotent: later calls
 * return the already-loaded class. Works in Node and browsers; in a browser
 * whose bundler does not serve `libsvm.wasm` next to the script use
 * `{ build: "asm" }` (pure JavaScript, same results, slower). In Node, import
 * `loadLibsvm` from `radval/node`, which avoids Emscripten's harmless
 * "wasm streaming compile failed" notice on stderr.
 *
 * The loaded library is cached in this module (code, not data): the one piece
 * of module state in radval's models, so that fitting stays synchronous.
 */
export function loadLibsvm(options: LoadLibsvmOptions = {}): Promise<LibsvmClass> {
  if (loaded) return Promise.resolve(loaded);
  if (!loading) {
    const importer = options.importer ?? (options.build === "asm" ? () => import("libsvm-js/asm.js") : () => import("libsvm-js"));
    loading = importer()
      .then(unwrap)
      .then((cls) => {
        loaded = cls;
        return cls;
      })
      .catch((e: unknown) => {
        loading = undefined;
        throw e;
      });
  }
  return loading;
}

/** The loaded libsvm-js class, or `ENGINE_NOT_LOADED` saying to await {@link loadLibsvm} first. */
export function requireLibsvm(): LibsvmClass {
  if (!loaded) {
    throw new RadvalError("ENGINE_NOT_LOADED", "the libsvm engine is not loaded yet (libsvm-js is WebAssembly and loads asynchronously)", {
      hint: "Call `await loadLibsvm()` (or `await prepareEngines([spec])`, or use fitModelAsync) once before fitting an svm spec.",
    });
  }
  return loaded;
}

/** True once libsvm-js is loaded. */
export function isLibsvmLoaded(): boolean {
  return loaded !== undefined;
}
