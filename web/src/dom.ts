/** A tiny element builder: `h("p", { class: "hint" }, "text", child)`. */
type Attrs = Record<string, string | number | boolean | undefined | null>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Text with `code` in backticks shown as code (schema descriptions use them). */
export function richText(text: string): DocumentFragment {
  const f = document.createDocumentFragment();
  text.split(/(`[^`]+`)/).forEach((part) => {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1) f.append(h("code", {}, part.slice(1, -1)));
    else if (part) f.append(part);
  });
  return f;
}

let ids = 0;
/** A new unique element id. */
export const newId = (prefix = "f"): string => `${prefix}${++ids}`;

/**
 * Tabs as the ARIA Authoring Practices describe them: one tab stop, arrow keys move between
 * tabs, the selected tab's panel shown.
 */
export function tabs(list: HTMLElement, onSelect: (tab: HTMLElement) => void | Promise<void>): { select: (tab: HTMLElement) => Promise<void> } {
  const all = () => [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
  const select = async (tab: HTMLElement) => {
    if (tab.getAttribute("aria-selected") === "true") return;
    await onSelect(tab);
    for (const t of all()) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(t.getAttribute("aria-controls") ?? "");
      if (panel) panel.hidden = !on;
    }
  };
  list.addEventListener("click", (e) => {
    const tab = (e.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
    if (tab) void select(tab);
  });
  list.addEventListener("keydown", (e) => {
    const tabsNow = all();
    const i = tabsNow.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    const to = e.key === "ArrowRight" ? (i + 1) % tabsNow.length : e.key === "ArrowLeft" ? (i - 1 + tabsNow.length) % tabsNow.length : e.key === "Home" ? 0 : e.key === "End" ? tabsNow.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    tabsNow[to]!.focus();
    void select(tabsNow[to]!);
  });
  return { select };
}
