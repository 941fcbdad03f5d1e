/**
 * CSV files imported as text. Only the browser build (scripts/build-browser.mjs,
 * esbuild's `text` loader) compiles modules that do this: src/browser/.
 */
declare module "*.csv" {
  const text: string;
  export default text;
}
