/**
 * A comma-separated list of names for a message, cut after `max` names with
 * "… and 4,951 more" so that a warning about thousands of features stays one
 * readable line.
 */
export function listNames(names: readonly string[], max = 10): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} … and ${(names.length - max).toLocaleString("en-US")} more`;
}
