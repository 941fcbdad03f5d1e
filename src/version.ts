/** The radval version (generated from package.json by scripts/write-version.mjs). */
export const RADVAL_VERSION = "0.1.0";
