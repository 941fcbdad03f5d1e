// Writes src/version.ts from package.json so the library and CLI report the package version.
import { readFileSync, writeFileSync } from "node:fs";
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const text = `/** The radval version (generated from package.json by scripts/write-version.mjs). */\nexport const RADVAL_VERSION = "${version}";\n`;
const target = new URL("../src/version.ts", import.meta.url);
let current = "";
try { current = readFileSync(target, "utf8"); } catch {}
if (current !== text) writeFileSync(target, text);
