/**
 * Makes data-derived text (feature, site, cohort and model names, and the
 * messages that quote them) inert in Markdown: a `<` that could open an HTML
 * tag or comment (`<script`, `<img`, `</`, `<!--`) becomes `&lt;`, an `&` that
 * would start a character reference becomes `&amp;`, and `\\` `[` `]` are
 * backslash-escaped so that no link or image (`[x](javascript:…)`,
 * `![x](…)`) can be formed. Plain comparisons such as "AUC < 0.8" and
 * "Koo & Li" stay readable. CommonMark 0.31 §2.4 (backslash escapes), §6.6
 * (raw HTML), §6.3 (links).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
    .replace(/<(?=[A-Za-z/!?])/g, "&lt;")
    .replace(/([\\[\]])/g, "\\$1");
}
