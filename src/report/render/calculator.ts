import type { ReportCalculator } from "../model.js";
import { escapeHtml } from "./text.js";

/** Shown above every calculator and in its caption. */
export const CALCULATOR_NOTE = "For research use only; see the validation results before any clinical use.";

/** Styles of the calculator section (appended to the report's stylesheet). */
export const CALCULATOR_CSS = `
.calc-note { border-left: 4px solid var(--missing); background: #fdf3f2; padding: 6px 12px; margin: 8px 0 12px; }
form.calculator { border: 1px solid var(--line); padding: 4px 14px 10px; margin: 12px 0 20px; }
form.calculator .table-wrap table { min-width: 0; }
form.calculator th { overflow-wrap: normal; white-space: nowrap; }
form.calculator .range { display: block; font-size: 12px; color: var(--muted); }
form.calculator input { font: inherit; width: 8em; max-width: 100%; padding: 3px 5px; border: 1px solid #9aa0a6; border-radius: 3px; }
.calc-result { font-size: 16px; margin: 10px 0 4px; }
.calc-result output { font-variant-numeric: tabular-nums; }
.calc-warning { color: var(--partial); margin: 4px 0; }
`;

/**
 * The calculator's script: on every input, risk = expit(intercept + Σ
 * coefficient × value) (empty inputs take the imputation value when the model
 * imputes, else the risk waits), points per input = (coefficient × value −
 * minXbeta) × scale, their total, and a warning for values outside the
 * development range. Nothing is shown until a value is entered. Risk to 0.1
 * percentage point, points to 0.1.
 */
export const CALCULATOR_SCRIPT = `
(function () {
  var forms = document.querySelectorAll("[data-radval-calculator]");
  Array.prototype.forEach.call(forms, function (form) {
    var c = JSON.parse(document.getElementById("calculator-data-" + form.getAttribute("data-radval-calculator")).textContent);
    var riskOut = form.querySelector("[data-risk]"), totalOut = form.querySelector("[data-total]"), warn = form.querySelector("[data-warning]");
    function update() {
      var lp = c.intercept, total = 0, complete = true, notes = [], entered = 0, pointsOf = [];
      c.inputs.forEach(function (p, k) {
        var text = form.querySelector('[data-input="' + k + '"]').value.trim().replace(",", ".");
        var out = form.querySelector('[data-points="' + k + '"]');
        out.textContent = "\u2014";
        var v;
        if (text === "") {
          if (p.imputation === null) { complete = false; out.textContent = "\\u2014"; return; }
          v = p.imputation;
          notes.push(p.feature + " is empty: the model's imputation value " + v.toPrecision(4) + " is used");
        } else {
          entered++;
          v = Number(text);
          if (!isFinite(v)) { complete = false; out.textContent = "not a number"; return; }
        }
        if (v < p.min || v > p.max) notes.push(p.feature + " " + v + " is outside the development range " + p.min + "\\u2013" + p.max + ": the model extrapolates");
        var xb = p.coefficient * v;
        lp += xb;
        var points = (xb - p.minXbeta) * c.scale;
        total += points;
        pointsOf[k] = points.toFixed(1);
      });
      c.inputs.forEach(function (p, k) { if (entered > 0 && pointsOf[k] !== undefined) form.querySelector('[data-points="' + k + '"]').textContent = pointsOf[k]; });
      if (entered === 0) complete = false;
      var risk = lp >= 0 ? 1 / (1 + Math.exp(-lp)) : Math.exp(lp) / (1 + Math.exp(lp));
      riskOut.textContent = complete ? (100 * risk).toFixed(1) + "%" : "\\u2014";
      totalOut.textContent = complete ? total.toFixed(1) : "\\u2014";
      warn.textContent = entered === 0 ? "" : notes.join("; ");
      warn.hidden = entered === 0 || notes.length === 0;
    }
    form.addEventListener("input", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    update();
    form.setAttribute("data-calculator-ready", "");
  });
})();
`;

const num = (x: number): string => String(Number(x.toPrecision(4)));

/** One calculator: a form with an input per predictor (development range shown), live points, total points and risk. */
function calculatorForm(c: ReportCalculator): string {
  const rows = c.inputs
    .map(
      (p, k) =>
        `<tr><td><label for="calc-${escapeHtml(c.id)}-${k}">${escapeHtml(p.feature)}</label></td><td><input id="calc-${escapeHtml(c.id)}-${k}" data-input="${k}" type="text" inputmode="decimal" autocomplete="off" placeholder="${escapeHtml(p.imputation === null ? "required" : `empty: ${num(p.imputation)}`)}"><span class="range">development range ${escapeHtml(`${num(p.min)} – ${num(p.max)}`)}</span></td><td class="num"><output data-points="${k}">—</output></td></tr>`,
    )
    .join("\n");
  return `<form class="calculator" id="calculator-${escapeHtml(c.id)}" data-radval-calculator="${escapeHtml(c.id)}" autocomplete="off">
<h3>${escapeHtml(c.title)}</h3>
<div class="table-wrap"><table><thead><tr><th>Predictor</th><th>Value</th><th>Points</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
<p class="calc-result">Total points: <output data-total>—</output> · ${escapeHtml(c.riskLabel)}: <strong><output data-risk>—</output></strong></p>
<p class="calc-warning" data-warning hidden></p>
<noscript><p class="muted">This calculator needs JavaScript. Without it, read the risk off the nomogram or its points table, or run <code>radval predict model.json patients.csv --points --model ${escapeHtml(c.model)}</code>.</p></noscript>
<script type="application/json" id="calculator-data-${escapeHtml(c.id)}">${scriptJsonSafe(c)}</script>
</form>`;
}

function scriptJsonSafe(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * The "Risk calculator" section of the HTML report (empty string without
 * calculators): the research-use note, then one form per final model with
 * a linear predictor on raw inputs. Works offline (inline script, no
 * request); says it needs JavaScript when scripts are off. Pure.
 */
export function calculatorSection(calculators: readonly ReportCalculator[]): string {
  if (calculators.length === 0) return "";
  return `<section id="calculator" class="no-print"><h2>Risk calculator</h2>
<p class="calc-note"><strong>${escapeHtml(CALCULATOR_NOTE)}</strong> The calculator applies the final model${calculators.length > 1 ? "s" : ""} fitted on the development data; its risk is the model's prediction (as <code>radval predict</code> gives it), and the points are the nomogram's.</p>
${calculators.map(calculatorForm).join("\n")}
</section>
`;
}
