import { RadvalError } from "../../core/errors.js";
import { closestName } from "../../core/suggest.js";

/** A feature pattern as a regular expression: `*` any text, `|` alternatives, everything else literal. */
function patternRegex(pattern: string): RegExp {
  const alternatives = pattern.split("|").map((p) => p.trim().replace(/[.+?^${}()[\]\\]/g, "\\$&").replace(/\*/g, ".*"));
  return new RegExp(`^(?:${alternatives.join("|")})$`);
}

/**
 * The feature names a predictor reference stands for: a group of
 * `data.groups` (its pattern or list expanded), a feature name, or a pattern
 * ("original_*"). A reference that matches nothing is an `UNKNOWN_COLUMN`
 * error naming the config key, with a did-you-mean. Order: the group's or the
 * data's feature order; duplicates removed.
 */
export function resolvePredictors(
  refs: string | readonly string[],
  groups: Readonly<Record<string, string | readonly string[]>>,
  featureNames: readonly string[],
  key: string,
): string[] {
  const out: string[] = [];
  const add = (name: string) => {
    if (!out.includes(name)) out.push(name);
  };
  const expand = (ref: string, seen: ReadonlySet<string>) => {
    const group = groups[ref];
    if (group !== undefined && !seen.has(ref)) {
      for (const item of typeof group === "string" ? [group] : group) expand(item, new Set([...seen, ref]));
      return;
    }
    if (featureNames.includes(ref)) return add(ref);
    if (ref.includes("*") || ref.includes("|")) {
      const re = patternRegex(ref);
      const matched = featureNames.filter((f) => re.test(f));
      if (matched.length) return matched.forEach(add);
    }
    const guess = closestName(ref, [...Object.keys(groups), ...featureNames]);
    throw new RadvalError("UNKNOWN_COLUMN", `predictor "${ref}" is neither a feature column nor a feature group${ref.includes("*") ? " (the pattern matches no feature)" : ""}`, {
      where: { key, value: ref },
      hint: `${guess ? `Did you mean "${guess}"? ` : ""}Declare groups once in data.groups (e.g. radiomics: "original_*|wavelet-*"), and use feature names of the data.`,
    });
  };
  for (const ref of typeof refs === "string" ? [refs] : refs) expand(ref, new Set());
  return out;
}
