import { prepareEngines } from "../models/registry.js";
import type { ModelSpec } from "../models/types.js";
import { loadLibsvm } from "./libsvmNode.js";

/**
 * Node version of `prepareEngines`: loads libsvm-js's WebAssembly quietly
 * (see `loadLibsvm` in libsvmNode.ts) when a libsvm model is among the specs,
 * then prepares every engine.
 */
export async function prepareEnginesNode(specs: ReadonlyArray<Pick<ModelSpec, "model" | "engine">>): Promise<void> {
  if (specs.some((s) => s.model === "svm" && s.engine === "libsvm")) await loadLibsvm();
  await prepareEngines(specs);
}
