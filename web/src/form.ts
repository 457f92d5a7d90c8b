import { markdownBlocks, markdownInline } from "../../src/markdown/markdown.ts";
import type { Diagnostic } from "./api.ts";
import { h, newId, richText } from "./dom.ts";
import { parseDate, parseNumber, showDate, showNumber } from "./dutch.ts";
import { language, locale, t } from "./i18n/i18n.ts";
import { deleteIn, formatPath, getIn, isObj, parsePath, setIn, type Obj, type Path } from "./paths.ts";
import { altLabel, alternativesOf, controlOf, convert, defaultFor, deref, EMPTY, exampleOf, fits, isEmptyMarker, isYes, labelFor, type JsonSchema } from "./schema.ts";

/** The mark `boardpaper new` leaves where a value is to be filled in (src/validate/placeholders.ts). */
const PLACEHOLDER = /^<<[^<>\n]*>>$/;

/** Enough rows for a text as it is (about 60 characters a line), within reason. */
function textRows(text: string, least: number): number {
  const lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 60)), 0);
  return Math.min(14, Math.max(least, lines + (least > 2 ? 1 : 0)));
}

/**
 * A form generated from the JSON Schema that `boardpaper schema` prints (made from the zod
 * schema), so a field added to the schema appears here with no new code. Each kind of schema
 * has one control: mappings are fieldsets, lists have add / remove / move buttons, `leeg`
 * sections a checkbox, other alternatives a choice, enums a select, dates a text input typed
 * dd-mm-jjjj (the browser's date input follows the browser's locale: 10/01/2020 in an English
 * one), numbers a text input with a decimal comma, Markdown prose a text area with a formatted
 * preview. The words around the fields are the editor's catalogue's (web/src/i18n/).
 *
 * Each field is labelled with the schema's `title` (a document type's Dutch label, e.g.
 * "Kanttekeningen/risico’s"), else its key made readable; its `description` and first of its
 * `examples` ("Bijvoorbeeld: …") are the hint that describes the control.
 *
 * The form edits a plain value (the YAML's own, before defaults): a field nobody touches is
 * never written, so saving changes only what was changed.
 */

interface Meta {
  readonly label: string;
  readonly required: boolean;
  /** The schema's default when the key is absent (shown, not written). */
  readonly fallback?: unknown;
}

/** Where a path's diagnostics go: its message slot and the control they describe. */
interface Slot {
  readonly error: HTMLElement;
  /** What gets focus when the problem is chosen (the input, or the group). */
  readonly focus: HTMLElement;
  /** The control that gets aria-invalid and the message in its description. */
  readonly control?: HTMLElement;
  /** A group (fieldset) that gets the message in its description (aria-invalid is not for groups). */
  readonly group?: HTMLElement;
  readonly hintId?: string;
}

export interface FormOptions {
  readonly schema: JsonSchema;
  readonly value: Obj;
  /** After every change of the value. */
  readonly onChange: () => void;
}

export class SchemaForm {
  readonly element = h("div", { class: "schema-form" });
  value: Obj;
  private readonly root: JsonSchema;
  private readonly onChange: () => void;
  private slots = new Map<string, Slot>();
  private rebuilds = new Map<string, () => void>();
  /** A section's content while it is `leeg`, to bring back when it is not. */
  private readonly memory = new Map<string, unknown>();
  private diagnostics: Diagnostic[] = [];

  constructor(opts: FormOptions) {
    this.root = opts.schema;
    this.value = opts.value;
    this.onChange = opts.onChange;
    this.render();
  }

  /** Build the whole form again (after the value was replaced). */
  render(): void {
    this.slots.clear();
    this.rebuilds.clear();
    this.element.replaceChildren(...this.objectFields(this.root, [], this.value));
    this.showDiagnostics(this.diagnostics);
  }

  setValue(value: Obj): void {
    this.value = value;
    this.render();
  }

  // ——— the value ———

  private get(path: Path): unknown {
    return getIn(this.value, path);
  }

  private set(path: Path, v: unknown): void {
    setIn(this.value, path, v);
    this.onChange();
  }

  private remove(path: Path): void {
    deleteIn(this.value, path);
    this.onChange();
  }

  /** Build one path's part of the form again, in place, after a change of its shape. */
  private rebuild(path: Path, focus?: (el: HTMLElement) => HTMLElement | null | undefined): void {
    const key = formatPath(path);
    const again = this.rebuilds.get(key);
    if (!again) return this.render();
    again();
    this.showDiagnostics(this.diagnostics);
    const el = this.element.querySelector<HTMLElement>(`[data-path="${CSS.escape(key)}"]`);
    if (el && focus) (focus(el) ?? el).focus();
  }

  // ——— diagnostics ———

  /**
   * Show each problem at the field it concerns: the nearest field whose path starts the
   * diagnostic's path (a missing key's problem goes to its mapping). Returns those that have
   * no field (an unknown key, a problem of another file): the caller lists them.
   */
  showDiagnostics(diagnostics: Diagnostic[]): { placed: { d: Diagnostic; id: string }[]; unplaced: Diagnostic[] } {
    this.diagnostics = diagnostics;
    for (const slot of this.slots.values()) {
      slot.error.replaceChildren();
      slot.error.hidden = true;
      // A date or number the form could not read stays marked (its message is the form's own).
      if (slot.control?.dataset.localError) slot.control.setAttribute("aria-invalid", "true");
      else slot.control?.removeAttribute("aria-invalid");
      for (const el of [slot.control, slot.group]) {
        if (!el) continue;
        if (slot.hintId) el.setAttribute("aria-describedby", slot.hintId);
        else el.removeAttribute("aria-describedby");
      }
    }
    const placed: { d: Diagnostic; id: string }[] = [];
    const unplaced: Diagnostic[] = [];
    for (const d of diagnostics) {
      const slot = d.path !== undefined ? this.slotFor(d.path) : undefined;
      if (!slot) {
        unplaced.push(d);
        continue;
      }
      slot.error.hidden = false;
      slot.error.append(h("span", { class: "error-line" }, h("span", { class: "visually-hidden" }, `${t("form.problem")} `), d.message, " ", h("span", { class: "pos" }, t("form.at", { line: d.pos.line, col: d.pos.col }))));
      slot.control?.setAttribute("aria-invalid", "true");
      for (const el of [slot.control, slot.group]) el?.setAttribute("aria-describedby", [slot.hintId, slot.error.id].filter(Boolean).join(" "));
      placed.push({ d, id: slot.focus.id });
    }
    return { placed, unplaced };
  }

  private slotFor(path: string): Slot | undefined {
    const parts = parsePath(path);
    for (let n = parts.length; n >= 0; n--) {
      const slot = this.slots.get(formatPath(parts.slice(0, n)));
      if (slot) return slot;
    }
    return undefined;
  }

  /** Move focus to the field of a path (from the list of problems). */
  focusPath(path: string): boolean {
    const slot = this.slotFor(path);
    if (!slot) return false;
    // The whole field in view (label, message and control), then the focus in it.
    (slot.focus.closest(".field, fieldset") ?? slot.focus).scrollIntoView({ block: "center" });
    slot.focus.focus({ preventScroll: true });
    return true;
  }

  private register(path: Path, slot: Slot): void {
    this.slots.set(formatPath(path), slot);
  }

  // ——— building ———

  /** One field: the right control for its schema, rebuilt in place when its shape changes. */
  private field(schema: JsonSchema, path: Path, meta: Meta): HTMLElement {
    const key = formatPath(path);
    let el = this.build(schema, path, meta);
    this.rebuilds.set(key, () => {
      for (const k of [...this.slots.keys()]) if (k === key || k.startsWith(`${key}.`) || k.startsWith(`${key}[`)) this.slots.delete(k);
      const fresh = this.build(schema, path, meta);
      el.replaceWith(fresh);
      el = fresh;
    });
    return el;
  }

  private build(schema: JsonSchema, path: Path, meta: Meta): HTMLElement {
    const s = deref(this.root, schema);
    const value = this.get(path);
    const el = (() => {
      switch (controlOf(this.root, s)) {
        case "section":
          return this.section(s, path, meta);
        case "choice":
          return this.choice(s, path, meta);
        case "object":
          return this.object(s, path, meta);
        case "array":
          return this.array(s, path, meta);
        case "boolean":
          return this.checkbox(s, path, meta);
        case "fixed":
          return this.fixed(s, path, meta);
        case "unknown":
          return this.mismatch(s, path, meta, t("form.expect.unknown"));
        default:
          if (value !== undefined && typeof value === "object") return this.mismatch(s, path, meta, t("form.expect.single"));
          return this.scalar(s, path, meta);
      }
    })();
    el.dataset.path = formatPath(path);
    return el;
  }

  private labelText(meta: Meta): DocumentFragment {
    const f = document.createDocumentFragment();
    // Field names are the document type's Dutch labels, also on the English page.
    f.append(h("span", { lang: dutchOnly() }, meta.label));
    if (!meta.required) f.append(" ", h("span", { class: "optional" }, t("form.optional")));
    return f;
  }

  /** Whether a schema has a hint to show (a description or an example). */
  private hasHint(s: JsonSchema): boolean {
    return Boolean(s.description) || exampleOf(s) !== undefined;
  }

  /**
   * The field's description, how it is typed and its example: the text that describes its
   * control. `own` replaces the schema's description or example, and adds how the form wants
   * the value typed (a date's dd-mm-jjjj, an amount's decimal comma).
   */
  private hint(s: JsonSchema, id: string, own: { description?: string | undefined; example?: string; format?: string } = {}): HTMLElement | null {
    const description = "description" in own ? own.description : s.description;
    const example = "example" in own ? own.example : exampleOf(s);
    if (!description && example === undefined && !own.format) return null;
    const p = h("p", { class: "hint", id });
    // The descriptions are the document type's, in Dutch; the example is the document's own words.
    if (description) p.append(h("span", { lang: dutchOnly() }, richText(own.format && !/[.!?:;]$/.test(description) ? `${description}.` : description)));
    if (own.format) p.append(...(p.childNodes.length > 0 ? [" "] : []), h("span", { class: "format" }, own.format));
    if (example !== undefined) p.append(...(p.childNodes.length > 0 ? [" "] : []), h("span", { class: "example" }, ...exampleParts(example)));
    return p;
  }

  /** The keys of a mapping, in the schema's order, with unknown keys noted. */
  private objectFields(s: JsonSchema, path: Path, value: unknown): HTMLElement[] {
    const out: HTMLElement[] = [];
    const props = s.properties ?? {};
    for (const [key, p] of Object.entries(props)) {
      const required = s.required?.includes(key) ?? false;
      const ps = deref(this.root, p);
      out.push(this.field(p, [...path, key], { label: labelFor(key, ps), required, ...(ps.default !== undefined ? { fallback: ps.default } : {}) }));
    }
    const unknown = isObj(value) ? Object.keys(value).filter((k) => !(k in props)) : [];
    if (unknown.length > 0) {
      const keys = new Intl.ListFormat(locale(), { type: "conjunction" }).format(unknown.map((k) => `\`${k}\``));
      out.push(h("p", { class: "note" }, richText(t("form.notInForm", { keys }))));
    }
    return out;
  }

  private object(s: JsonSchema, path: Path, meta: Meta): HTMLElement {
    const value = this.get(path);
    const hintId = newId("h");
    if (value === undefined && !meta.required) {
      const add = h("button", { type: "button", class: "add" }, t("form.add", { label: meta.label }));
      add.addEventListener("click", () => {
        this.set(path, defaultFor(this.root, s));
        this.rebuild(path, (el) => el.querySelector<HTMLElement>("input, textarea, select"));
      });
      const error = h("p", { class: "error", id: newId("e"), hidden: true });
      this.register(path, { error, focus: add });
      return h("div", { class: "field absent" }, h("p", { class: "label" }, this.labelText(meta)), this.hint(s, hintId), error, add);
    }
    if (!isObj(value)) return this.mismatch(s, path, meta, t("form.expect.mapping"));
    const legendId = newId("l");
    const error = h("p", { class: "error", id: newId("e"), hidden: true });
    const fs = h("fieldset", { class: "group", id: newId("g"), tabindex: -1, "aria-describedby": this.hasHint(s) ? hintId : undefined }, h("legend", { id: legendId }, this.labelText(meta)), this.hint(s, hintId), error, ...this.objectFields(s, path, value));
    if (!meta.required) {
      const remove = h("button", { type: "button", class: "remove" }, t("form.remove", { label: meta.label }));
      remove.addEventListener("click", () => {
        this.remove(path);
        this.rebuild(path, (el) => el.querySelector<HTMLElement>("button"));
      });
      fs.append(remove);
    }
    this.register(path, { error, focus: fs, group: fs, ...(this.hasHint(s) ? { hintId } : {}) });
    return fs;
  }

  private array(s: JsonSchema, path: Path, meta: Meta): HTMLElement {
    const raw = this.get(path);
    if (raw !== undefined && !Array.isArray(raw)) return this.mismatch(s, path, meta, t("form.expect.list"));
    const items = (raw as unknown[] | undefined) ?? [];
    const itemSchema = s.items ?? {};
    const hintId = newId("h");
    const error = h("p", { class: "error", id: newId("e"), hidden: true });
    const fs = h("fieldset", { class: "group list", id: newId("g"), tabindex: -1 }, h("legend", {}, this.labelText(meta)), this.hint(s, hintId), error);
    const list = h("ol", { class: "items" });
    items.forEach((_, i) => {
      const itemLabel = `${meta.label} ${i + 1}`;
      const tools = h("div", { class: "item-tools" });
      const button = (text: string, cls: string, disabled: boolean, act: () => void) => {
        const b = h("button", { type: "button", class: cls, "aria-label": t("form.itemAction", { action: text, item: itemLabel }), disabled }, text);
        b.addEventListener("click", act);
        tools.append(b);
      };
      const move = (to: number, cls: string) => () => {
        const arr = this.get(path) as unknown[];
        const [it] = arr.splice(i, 1);
        arr.splice(to, 0, it);
        this.onChange();
        this.rebuild(path, (el) => {
          const tools = el.querySelectorAll<HTMLElement>(":scope > ol > li > .item-tools")[to];
          const same = tools?.querySelector<HTMLButtonElement>(`.${cls}`);
          return same && !same.disabled ? same : tools?.querySelector<HTMLElement>("button:not([disabled])");
        });
      };
      button(t("form.moveUp"), "up", i === 0, move(i - 1, "up"));
      button(t("form.moveDown"), "down", i === items.length - 1, move(i + 1, "down"));
      button(t("form.removeItem"), "remove", false, () => {
        const arr = this.get(path) as unknown[];
        arr.splice(i, 1);
        if (arr.length === 0 && !meta.required) deleteIn(this.value, path);
        this.onChange();
        this.rebuild(path, (el) => {
          const rows = el.querySelectorAll<HTMLElement>(":scope > ol > li");
          return (rows[Math.min(i, rows.length - 1)]?.querySelector<HTMLElement>(".item-tools .remove") ?? el.querySelector<HTMLElement>(":scope > .add"));
        });
      });
      list.append(h("li", { class: "item" }, this.field(itemSchema, [...path, i], { label: itemLabel, required: true }), tools));
    });
    const add = h("button", { type: "button", class: "add" }, t("form.addTo", { name: meta.label.toLowerCase() }));
    add.addEventListener("click", () => {
      const arr = (this.get(path) as unknown[] | undefined) ?? [];
      if (!Array.isArray(this.get(path))) setIn(this.value, path, arr);
      arr.push(defaultFor(this.root, itemSchema));
      this.onChange();
      // Focus goes where the new item is typed in (past its "form of" choice, if it has one).
      this.rebuild(path, (el) => {
        const rows = el.querySelectorAll<HTMLElement>(":scope > ol > li");
        const row = rows[rows.length - 1];
        return row?.querySelector<HTMLElement>("textarea, input:not([type=checkbox])") ?? row?.querySelector<HTMLElement>("select, input, button");
      });
    });
    fs.append(list, add);
    this.register(path, { error, focus: fs, group: fs, ...(this.hasHint(s) ? { hintId } : {}) });
    return fs;
  }

  /** A section that may be `leeg`: a checkbox, and the content when it is not. */
  private section(s: JsonSchema, path: Path, meta: Meta): HTMLElement {
    const alts = alternativesOf(this.root, s);
    const content = alts.filter((a) => !isEmptyMarker(a));
    const key = formatPath(path);
    const value = this.get(path);
    const isEmpty = value === EMPTY;
    const box = h("input", { type: "checkbox", id: newId("c"), checked: isEmpty });
    const boxRow = h("div", { class: "leeg" }, box, h("label", { for: box.id }, t("form.empty", { label: meta.label })));
    box.addEventListener("change", () => {
      if (box.checked) {
        const current = this.get(path);
        if (current !== undefined && current !== EMPTY) this.memory.set(key, current);
        this.set(path, EMPTY);
      } else {
        const back = this.memory.get(key);
        const schema = content.find((c) => back !== undefined && fits(this.root, c, back)) ?? content.find((c) => c.type === "string") ?? content[0]!;
        this.set(path, back !== undefined ? back : defaultFor(this.root, schema));
      }
      this.rebuild(path, (el) => el.querySelector<HTMLInputElement>(".leeg input"));
    });
    const wrap = h("div", { class: "field section" });
    if (isEmpty) {
      const hintId = newId("h");
      const error = h("p", { class: "error", id: newId("e"), hidden: true });
      wrap.append(h("p", { class: "label" }, this.labelText(meta)), this.hint(s, hintId) ?? "", error, h("p", { class: "note" }, t("form.emptyNote")), boxRow);
      this.register(path, { error, focus: box, control: box });
      return wrap;
    }
    const carried = { description: s.description ?? content[0]?.description, examples: s.examples ?? content[0]?.examples };
    const inner = content.length === 1 ? { ...content[0]!, ...carried } : { anyOf: content, ...carried };
    wrap.append(this.build(inner, path, meta), boxRow);
    return wrap;
  }

  /** A value that can take several forms (a beslispunt: text, or text with sub-points). */
  private choice(s: JsonSchema, path: Path, meta: Meta): HTMLElement {
    const alts = alternativesOf(this.root, s);
    const value = this.get(path);
    const current = value === undefined ? 0 : alts.findIndex((a) => fits(this.root, a, value));
    if (current < 0) return this.mismatch(s, path, meta, new Intl.ListFormat(locale(), { type: "disjunction" }).format(alts.map((a) => altLabel(this.root, a).toLowerCase())));
    const select = h("select", { id: newId("s") }, ...alts.map((a, i) => h("option", { value: String(i), selected: i === current }, altLabel(this.root, a))));
    select.addEventListener("change", () => {
      const to = alts[Number(select.value)]!;
      this.set(path, convert(this.root, this.get(path), to));
      this.rebuild(path, (el) => el.querySelector<HTMLElement>("select"));
    });
    const alt = alts[current]!;
    const inner = { ...alt, description: alt.description ?? s.description, examples: alt.examples ?? s.examples };
    return h("div", { class: "field choice" }, h("div", { class: "choice-head" }, h("label", { for: select.id }, t("form.formOf", { label: meta.label })), select), this.build(inner, path, meta));
  }

  private checkbox(s: JsonSchema, path: Path, meta: Meta): HTMLElement {
    const value = this.get(path);
    const hintId = newId("h");
    // Yes or no as written: true/false, or (in a type's `janee` field) ja/nee. Changing it writes true/false.
    const box = h("input", { type: "checkbox", id: newId("f"), checked: isYes(value ?? meta.fallback), "aria-describedby": this.hasHint(s) ? hintId : undefined });
    box.addEventListener("change", () => this.set(path, box.checked));
    const error = h("p", { class: "error", id: newId("e"), hidden: true });
    this.register(path, { error, focus: box, control: box, ...(this.hasHint(s) ? { hintId } : {}) });
    return h("div", { class: "field checkbox" }, error, h("div", { class: "check-row" }, box, h("label", { for: box.id }, h("span", { lang: dutchOnly() }, meta.label))), this.hint(s, hintId));
  }

  /** A field with one possible value (a document's `type:`): shown read-only, never written by the form. */
  private fixed(s: JsonSchema, path: Path, meta: Meta): HTMLElement {
    const raw = this.get(path);
    const id = newId("f");
    const hintId = newId("h");
    const error = h("p", { class: "error", id: newId("e"), hidden: true });
    const input = h("input", { id, type: "text", readonly: true, autocomplete: "off", spellcheck: "false", "aria-describedby": this.hasHint(s) ? hintId : undefined });
    input.value = raw === undefined || raw === null ? String(s.const) : typeof raw === "object" ? JSON.stringify(raw) : String(raw);
    this.register(path, { error, focus: input, control: input, ...(this.hasHint(s) ? { hintId } : {}) });
    // Never "(niet verplicht)": there is nothing to choose.
    return h("div", { class: "field fixed" }, h("label", { for: id }, this.labelText({ ...meta, required: true })), this.hint(s, hintId), error, input);
  }

  /** Text, prose, a date, a number or a choice from a list: one value in one control. */
  private scalar(s: JsonSchema, path: Path, meta: Meta): HTMLElement {
    const control = controlOf(this.root, s);
    const raw = this.get(path);
    // A `<<…>>` still to be filled in (from `boardpaper new`) shows as the field's placeholder:
    // the field looks empty, and stays as it is in the file until something is typed.
    const placeholder = typeof raw === "string" && PLACEHOLDER.test(raw) ? raw : undefined;
    const value = raw === undefined || raw === null || placeholder !== undefined ? undefined : String(raw);
    const id = newId("f");
    const hintId = newId("h");
    const error = h("p", { class: "error", id: newId("e"), hidden: true });
    // Dates and numbers are typed the Dutch way, not as the YAML writes them: the hint says how.
    const amount = control === "number" && isAmount(s);
    const first = s.examples?.[0];
    const own: { description?: string | undefined; example?: string; format?: string } =
      control === "date"
        ? { description: withoutFileFormat(s.description), format: t("date.hint"), ...(typeof first === "string" ? { example: showDate(first) } : {}) }
        : control === "number"
          ? { description: withoutFileFormat(s.description), ...(amount ? { format: t("number.amountHint") } : {}), ...(typeof first === "number" ? { example: showNumber(first, amount) } : {}) }
          : {};
    const hint = this.hint(s, hintId, own);
    // A date or number that cannot be read yet is said at the field, and not written.
    const local = control === "date" || control === "number" ? h("p", { class: "error", id: newId("e"), hidden: true }) : undefined;
    const describedBy = [hint ? hintId : undefined, local?.id].filter(Boolean).join(" ") || undefined;
    // An empty field shows its example (also in the hint, which is what assistive technology reads).
    const example = "example" in own ? own.example : exampleOf(s);
    const shown = placeholder ?? (value === undefined || value === "" ? (example !== undefined ? t("form.example", { example }) : undefined) : undefined);
    // An optional field left empty is taken out of the file rather than written empty.
    const write = (v: string) => (v === "" && !meta.required ? this.remove(path) : this.set(path, v));
    let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    const extra: (HTMLElement | null)[] = [];
    if (control === "enum") {
      const options = (s.enum ?? []).map(String);
      const shown = value ?? (meta.fallback !== undefined ? String(meta.fallback) : "");
      const sel = h("select", { id, "aria-describedby": describedBy });
      if (!options.includes(shown) || !meta.required) sel.append(h("option", { value: "", selected: shown === "" }, meta.required ? t("form.choose") : t("form.none")));
      // A value that is not allowed stays visible (and selected) until it is changed.
      if (shown !== "" && !options.includes(shown)) sel.append(h("option", { value: shown, selected: true }, t("form.notAllowed", { value: shown })));
      for (const o of options) sel.append(h("option", { value: o, selected: o === shown }, o));
      sel.addEventListener("change", () => write(sel.value));
      input = sel;
    } else if (control === "prose" || control === "inline") {
      const ta = h("textarea", { id, "aria-describedby": describedBy, placeholder: shown, rows: textRows(value ?? "", control === "prose" ? 4 : 2), spellcheck: "true", lang: "nl" });
      ta.value = value ?? "";
      const formatted = h("div", { class: "md", lang: "nl" });
      const details = h("details", { class: "md-preview" }, h("summary", {}, t("form.showFormatted")), formatted);
      const show = () => {
        if (details.open) formatted.innerHTML = control === "prose" ? markdownBlocks(ta.value) : markdownInline(ta.value);
      };
      details.addEventListener("toggle", show);
      ta.addEventListener("input", () => {
        write(ta.value);
        show();
        // Grow with the text, so that all of it stays in view.
        while (ta.scrollHeight > ta.clientHeight && ta.rows < 14) ta.rows++;
      });
      input = ta;
      extra.push(details);
    } else if ((control === "date" || control === "number") && local) {
      const date = control === "date";
      const integer = s.type === "integer";
      const inp = h("input", {
        id,
        type: "text",
        inputmode: date || integer ? "numeric" : "decimal",
        // The whole field typed as the form shows it (dd-mm-jjjj); the parsing is more lenient.
        pattern: date ? "[0-9]{2}-[0-9]{2}-[0-9]{4}" : undefined,
        "aria-describedby": describedBy,
        placeholder: date ? t("date.format") : shown,
        autocomplete: "off",
        spellcheck: "false",
      });
      // As the file has it: a date written YYYY-MM-DD and a number shown the Dutch way, anything else as it is.
      inp.value = typeof raw === "number" ? showNumber(raw, amount) : value !== undefined ? (date ? showDate(value) : value) : "";
      const say = (message: string | undefined) => {
        local.textContent = message ?? "";
        local.hidden = message === undefined;
        if (message === undefined) delete inp.dataset.localError;
        else inp.dataset.localError = "1";
        if (message !== undefined) inp.setAttribute("aria-invalid", "true");
        else if (!this.diagnosed(path)) inp.removeAttribute("aria-invalid");
      };
      const read = (text: string) => (date ? parseDate(text) : parseNumber(text, integer));
      inp.addEventListener("input", () => {
        if (inp.value.trim() === "") {
          say(undefined);
          return write("");
        }
        const r = read(inp.value);
        // Not whole yet (or not readable): the file is left alone until it is; leaving the field says why.
        if (!r.ok) return;
        say(undefined);
        this.set(path, r.value);
      });
      inp.addEventListener("change", () => {
        const text = inp.value.trim();
        if (text === "") return;
        const r = read(text);
        if (r.ok) {
          // Written the one way: 1-3-2021 becomes 01-03-2021, 1250,5 becomes 1.250,50 for an amount.
          inp.value = typeof r.value === "number" ? showNumber(r.value, amount) : showDate(r.value);
          return say(undefined);
        }
        say(
          date
            ? r.why === "not-real"
              ? t("date.notReal", { text })
              : t("date.invalid", { text })
            : r.why === "dot"
              ? t("number.dot", { text })
              : r.why === "integer"
                ? t("number.integer", { text })
                : t("number.invalid", { text }),
        );
      });
      input = inp;
    } else {
      const type = control === "email" ? "email" : "text";
      const inp = h("input", { id, type, "aria-describedby": describedBy, placeholder: shown, autocomplete: "off", spellcheck: control === "text" ? "true" : "false", lang: control === "text" ? "nl" : undefined });
      inp.value = value ?? "";
      inp.addEventListener("input", () => write(inp.value));
      input = inp;
    }
    this.register(path, { error, focus: input, control: input, ...(describedBy ? { hintId: describedBy } : {}) });
    return h("div", { class: `field ${control}` }, h("label", { for: id }, this.labelText(meta)), hint, error, local, input, ...extra);
  }

  /** Whether check has a problem at this path now (its message shown at the field). */
  private diagnosed(path: Path): boolean {
    const key = formatPath(path);
    return this.diagnostics.some((d) => d.path !== undefined && this.slotFor(d.path) === this.slots.get(key));
  }

  /** A value whose shape the schema does not expect here: left alone, to be fixed in the YAML view. */
  private mismatch(s: JsonSchema, path: Path, meta: Meta, expected: string): HTMLElement {
    const error = h("p", { class: "error", id: newId("e"), hidden: true });
    const note = h("p", { class: "note", id: newId("n"), tabindex: -1 }, t("form.mismatch", { expected }), " ", h("code", {}, JSON.stringify(this.get(path))));
    this.register(path, { error, focus: note });
    return h("div", { class: "field mismatch" }, h("p", { class: "label" }, this.labelText(meta)), this.hint(s, newId("h")), error, note);
  }
}

/** On the English page, the lang of the document types' Dutch words (labels, descriptions); on the Dutch page none is needed. */
const dutchOnly = (): string | undefined => (language() === "nl" ? undefined : "nl");

/** "Bijvoorbeeld: …" with the example as an element of its own (the document's words, in Dutch). */
function exampleParts(example: string): (string | HTMLElement)[] {
  const mark = "\u0000";
  const [before = "", after = ""] = t("form.example", { example: mark }).split(mark);
  return [before, h("span", { class: "example-value", lang: dutchOnly() }, example), after].filter((p) => p !== "");
}

/** Whether a number is an amount in euros (a type's `bedrag`: its description says so, src/model/compile-type.ts). */
const isAmount = (s: JsonSchema): boolean => /\bin euro/i.test(s.description ?? "");

/**
 * A description without the part that says how the YAML writes the value ("JJJJ-MM-DD", "in
 * euro's, als getal: 1250000 of 1250000.50"): the form is typed the Dutch way, and says so itself.
 */
function withoutFileFormat(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const d = description
    .replace(/\s*\((?:JJJJ|YYYY)-MM-DD\)\s*$/, "")
    .replace(/[.,;:]?\s*(?:JJJJ|YYYY)-MM-DD\.?\s*$/, "")
    .replace(/[.,;:]?\s*in euro['’]?s?, (?:als getal|as a number):.*$/is, "")
    .trim();
  return d === "" ? undefined : d;
}
