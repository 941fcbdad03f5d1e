import { createRequire } from "node:module";
import { type LibsvmClass, loadLibsvm as loadLibsvmIsomorphic, type LoadLibsvmOptions } from "../models/svm/libsvmLoader.js";

/**
 * Requires libsvm-js's WebAssembly build in Node without Emscripten's
 * "wasm streaming compile failed" notice: that build tries `fetch` on a file
 * path when a global `fetch` exists (Node ≥ 18) and then falls back to reading
 * the file. The global is hidden only for the duration of the synchronous
 * `require` call (where Emscripten makes that choice) and restored before
 * returning, so no other code can observe it.
 */
function requireLibsvmWasm(): unknown {
  const require = createRequire(import.meta.url);
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, "fetch");
  try {
    if (descriptor) Object.defineProperty(globalThis, "fetch", { value: undefined, configurable: true, writable: true });
    return require("libsvm-js");
  } finally {
    if (descriptor) Object.defineProperty(globalThis, "fetch", descriptor);
  }
}

/**
 * Node version of `loadLibsvm` (exported by `radval/node` under the same
 * name): loads the WebAssembly build quietly. Same cache as the isomorphic
 * loader.
 */
export function loadLibsvm(options: LoadLibsvmOptions = {}): Promise<LibsvmClass> {
  if (options.importer || options.build === "asm") return loadLibsvmIsomorphic(options);
  return loadLibsvmIsomorphic({ importer: async () => requireLibsvmWasm() });
}
