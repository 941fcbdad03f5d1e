/**
 * Headless Chromium for the browser tests (Debian's /usr/bin/chromium driven by
 * playwright-core; no browser download). Pages are served from a made-up
 * origin by request interception, not by a server: every request to
 * {@link ORIGIN} is answered from the map given to {@link openBrowser}, every
 * other request is aborted and recorded, so a test can assert that a page
 * made no network request at all.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, type Page, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
/** The origin the test pages are served from (intercepted, never resolved). */
export const ORIGIN = "http://radval.test";

/** A response body and its content type. */
export interface Served {
  readonly body: string | Buffer;
  readonly contentType: string;
}

/** Answers a path under {@link ORIGIN} (e.g. "/dist/radval.browser.js"), or undefined for a 404. */
export type Server = (path: string) => Served | undefined;

export interface TestBrowser {
  readonly context: BrowserContext;
  /** Requests that were not for {@link ORIGIN} (aborted), and paths under it that had no answer (404). */
  readonly blocked: string[];
  /** Paths served from {@link ORIGIN}. */
  readonly served: string[];
  /** Opens a page, recording its console errors and uncaught exceptions in `errors`. */
  newPage(): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".png": "image/png",
  ".wasm": "application/wasm",
};

/** Content type by file extension (octet-stream when unknown). */
export function contentTypeOf(path: string): string {
  const dot = path.lastIndexOf(".");
  return (dot >= 0 && CONTENT_TYPES[path.slice(dot).toLowerCase()]) || "application/octet-stream";
}

/** Launches one headless Chromium (persistent context in a temporary profile) serving `server` at {@link ORIGIN}. */
export async function openBrowser(server: Server): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "radval-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const blocked: string[] = [];
  const served: string[] = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      blocked.push(url.href);
      await route.abort("blockedbyclient");
      return;
    }
    const answer = server(decodeURIComponent(url.pathname));
    if (!answer) {
      blocked.push(url.href);
      await route.fulfill({ status: 404, body: "not found" });
      return;
    }
    served.push(url.pathname);
    await route.fulfill({ status: 200, body: answer.body, contentType: answer.contentType });
  });
  return {
    context,
    blocked,
    served,
    async newPage() {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(`console.error: ${msg.text()}`);
      });
      page.on("pageerror", (err) => errors.push(`page error: ${err.message}`));
      return { page, errors };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
