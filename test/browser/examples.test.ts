/**
 * The examples bundle (dist/radval.examples.js, "radval/browser/examples") and
 * the isomorphic parseExample / parseLongExample, checked in Node against
 * radval/node's file-based loadExample / loadLongExample. No browser needed:
 * the bundle is plain ESM.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, EXAMPLE_NAMES, exampleInfo, parseExample, parseLongExample } from "../../src/index.js";
import { examplePath, loadExample, loadLongExample } from "../../src/node.js";
import { radvalErrorOf } from "../helpers.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface ExamplesBundle {
  EXAMPLE_CSV: Readonly<Record<string, string>>;
  exampleText(name: string): string;
  loadExample: typeof loadExample;
  loadLongExample: typeof loadLongExample;
}

/** The same structure with the `source` (file path vs file name) blanked wherever it appears. */
function withoutSource<T extends { source: string }>(value: T): unknown {
  const source = value.source;
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => {
      if (v === source) return "<source>";
      if (ArrayBuffer.isView(v)) return { typed: v.constructor.name, values: Array.from(v as unknown as ArrayLike<number>, String) };
      if (typeof v === "number" && !Number.isFinite(v)) return String(v);
      return v;
    }),
  );
}

describe("examples bundle (radval/browser/examples)", () => {
  let bundle: ExamplesBundle;
  beforeAll(async () => {
    bundle = (await import(pathToFileURL(`${root}dist/radval.examples.js`).href)) as ExamplesBundle;
  });

  it("holds every catalogued example, byte for byte", () => {
    expect(Object.keys(bundle.EXAMPLE_CSV).sort()).toEqual([...EXAMPLE_NAMES].sort());
    for (const name of EXAMPLE_NAMES) expect(bundle.exampleText(name)).toBe(readFileSync(examplePath(name), "utf8"));
  });

  it.each(EXAMPLE_NAMES.map((n) => [n]))("%s: the same Dataset / LongTable as radval/node (source aside)", (name) => {
    if (EXAMPLES[name]!.kind === "wide") {
      const fromBundle = bundle.loadExample(name);
      const fromFile = loadExample(name);
      expect(fromBundle.source).toBe(EXAMPLES[name]!.file);
      expect(fromBundle.x.data.length).toBeGreaterThan(0);
      expect(withoutSource(fromBundle)).toStrictEqual(withoutSource(fromFile));
    } else {
      const fromBundle = bundle.loadLongExample(name);
      expect(withoutSource(fromBundle)).toStrictEqual(withoutSource(loadLongExample(name)));
    }
  });

  it("passes roles through like loadExample", () => {
    const roles = { exclude: ["mean_radius"] };
    expect(withoutSource(bundle.loadExample("wdbc", roles))).toStrictEqual(withoutSource(loadExample("wdbc", roles)));
    expect(bundle.loadExample("wdbc", roles).featureNames).not.toContain("mean_radius");
  });

  it("rejects unknown names and the wrong kind with radval errors", () => {
    expect(() => bundle.exampleText("wdcb")).toThrow(/no bundled example named "wdcb"/);
    expect(() => bundle.loadExample("test_retest")).toThrow(/long repeated-measures table/);
    expect(() => bundle.loadLongExample("wdbc")).toThrow(/wide table/);
  });
});

describe("parseExample / parseLongExample (isomorphic)", () => {
  it("type CSV text as loadExample types the file", () => {
    const text = readFileSync(examplePath("asah"), "utf8");
    expect(withoutSource(parseExample("asah", text))).toStrictEqual(withoutSource(loadExample("asah")));
    expect(parseExample("asah", text, {}, "my.csv").source).toBe("my.csv");
    const long = readFileSync(examplePath("shrout_fleiss"), "utf8");
    expect(withoutSource(parseLongExample("shrout_fleiss", long))).toStrictEqual(withoutSource(loadLongExample("shrout_fleiss")));
  });

  it("name the problem", () => {
    expect(radvalErrorOf(() => exampleInfo("wdbcc")).code).toBe("UNKNOWN_EXAMPLE");
    expect(radvalErrorOf(() => exampleInfo("wdbcc")).hint).toMatch(/Did you mean "wdbc"/);
    expect(radvalErrorOf(() => exampleInfo("toString")).code).toBe("UNKNOWN_EXAMPLE");
    expect(radvalErrorOf(() => parseExample("test_retest", "")).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => parseLongExample("wdbc", "")).code).toBe("INVALID_ARGUMENT");
  });
});
