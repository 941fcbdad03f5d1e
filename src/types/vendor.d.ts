// Ambient declarations for the untyped CommonJS dependencies. Only the parts
// radval uses are declared; radval's own interfaces (src/models/svm/libsvmLoader.ts)
// describe them for the rest of the code.

declare module "libsvm-js" {
  const loaded: Promise<unknown>;
  export default loaded;
}

declare module "libsvm-js/asm.js" {
  const SVM: unknown;
  export default SVM;
}

declare module "ml-svm" {
  const SVM: unknown;
  export default SVM;
}
