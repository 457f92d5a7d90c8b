/** A place in the document: keys and list indexes, as zod and the diagnostics name them. */
export type Path = readonly (string | number)[];

/** `["voorstel", "beslispunten", 0]` → `voorstel.beslispunten[0]`, as in the diagnostics. */
export function formatPath(path: Path): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? seg : `.${seg}`;
  }
  return out;
}

/** The inverse of formatPath. */
export function parsePath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function getIn(root: unknown, path: Path): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Set a value, creating the mappings and lists on the way (a list where the next step is an index). */
export function setIn(root: Obj, path: Path, value: unknown): void {
  let v: Record<string | number, unknown> = root;
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      v[seg] = value;
      return;
    }
    const next = v[seg];
    if (next === null || typeof next !== "object") v[seg] = typeof path[i + 1] === "number" ? [] : {};
    v = v[seg] as Record<string | number, unknown>;
  });
}

/** Remove a key (or a list item). */
export function deleteIn(root: Obj, path: Path): void {
  const parent = getIn(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
  else if (isObj(parent) && typeof last === "string") delete parent[last];
}
