import type { ChecklistEntry, ItemStatus, Tripod2015Entry } from "./model.js";
import type { StudyInfo } from "./results.js";
import { type ContentContext, ITEM_FILLERS } from "./tripodContent.js";
import { TRIPOD_2015_ITEMS, TRIPOD_AI_ITEMS } from "./tripodItems.js";

function authorText(study: StudyInfo, fields: ReadonlyArray<keyof StudyInfo>): string | null {
  const texts = fields.map((f) => study[f]).filter((v): v is string => typeof v === "string" && v.trim() !== "");
  return texts.length ? texts.join("\n\n") : null;
}

/**
 * The TRIPOD+AI checklist filled from the results. Status rules: an
 * author-only item is "author" when its study-config text is present, else
 * "missing"; an item radval fills completely ("A") is "filled" when the
 * results hold what it needs, "partial" when only some of it (or only the
 * author's text) is there, else "missing"; an item radval fills in part ("P")
 * is "filled" when both radval's part and the author's text are present (or
 * radval's part is complete and the item asks nothing of the author),
 * "partial" when one of them is, else "missing".
 */
export function buildChecklist(ctx: ContentContext): ChecklistEntry[] {
  return TRIPOD_AI_ITEMS.map((item) => {
    const author = authorText(ctx.results.study, item.studyFields);
    const fields = item.studyFields.map((f) => `study.${f}`);
    const filler = ITEM_FILLERS[item.id];
    const c = filler ? filler(ctx) : { radval: [], complete: false, tables: [], charts: [], checks: [] };
    const hasRadval = c.radval.length > 0;
    let status: ItemStatus;
    let todo: string | null = null;
    const addText = fields.length ? `Write it in the study config (${fields.join(", ")}).` : null;
    if (!filler) {
      status = author ? "author" : "missing";
      if (!author) todo = addText;
    } else if (item.coverage === "A") {
      status = c.complete ? "filled" : hasRadval || author ? "partial" : "missing";
      if (!c.complete) todo = "The results do not hold everything this item needs; describe the rest yourself" + (fields.length ? ` (${fields.join(", ")}).` : ".");
    } else {
      if ((hasRadval && author) || (c.complete && fields.length === 0)) status = "filled";
      else if (hasRadval || author) status = "partial";
      else status = "missing";
      if (status !== "filled") todo = author ? "radval found nothing in the results for its part of this item." : addText ?? "The results do not hold what this item needs.";
    }
    return {
      id: item.id,
      section: item.section,
      topic: item.topic,
      appliesTo: item.appliesTo,
      text: item.text,
      coverage: item.coverage,
      status,
      radval: c.radval,
      author,
      authorFields: fields,
      todo,
      tables: c.tables,
      charts: c.charts,
      checks: c.checks,
    };
  });
}

/**
 * The TRIPOD 2015 view: each 2015 item with the combined status of the
 * TRIPOD+AI items carrying its content ("missing" when none maps to it or
 * all are missing; "filled" / "author" when all are answered; else "partial").
 */
export function buildTripod2015(checklist: readonly ChecklistEntry[]): Tripod2015Entry[] {
  const byId = new Map(checklist.map((e) => [e.id, e]));
  return TRIPOD_2015_ITEMS.map((item) => {
    const statuses = item.mapsTo.map((id) => byId.get(id)?.status ?? "missing");
    let status: ItemStatus;
    if (!statuses.length || statuses.every((s) => s === "missing")) status = "missing";
    else if (statuses.every((s) => s === "filled" || s === "author")) status = statuses.includes("filled") ? "filled" : "author";
    else status = "partial";
    return { ...item, status };
  });
}
