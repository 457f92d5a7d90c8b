import { entriesOf, fieldOf, type DocumentType, type Field } from "../model/compile-type.js";
import { EMPTY } from "../model/common.js";
import type { Soort } from "../model/declaration.js";
import { withArticleCapitalised } from "../template/dutch.js";
import { formatDate } from "../template/helpers.js";
import type { TemplateSet } from "../template/template-set.js";

/**
 * What templates see of a document's type, as `documenttype`: its fields in declared order, each
 * with its label, kind, value and the partial that prints it. The generic template walks these,
 * so a type needs no template of its own; a type (or house style) changes how one field is
 * printed with a partial named after it (`gegeven-<veld>.hbs`, `sectie-<veld>.hbs`).
 */
export interface FieldView {
  readonly sleutel: string;
  readonly label: string;
  readonly soort: Soort;
  readonly waarde: unknown;
  /** There is something to print (a heading at least): the value is given, or `leeg`. */
  readonly aanwezig: boolean;
  readonly leeg: boolean;
  readonly partial: string;
  /** Heading level: 2 for a section, 3 for a field of a group. */
  readonly niveau: number;
  readonly opmaak: boolean;
  /** Prose: whether it may have headings and lettered lists (the type says so). */
  readonly koppen: boolean;
  readonly letters: boolean;
  /** Prose: the name references to its numbered items use (`argument`), if any. */
  readonly verwijzing: string | null;
  /** Groups: their fields. Lists: their elements. */
  readonly velden?: readonly FieldView[];
  readonly elementen?: readonly FieldView[];
  /** Tables (tabel, rijen, ondertekening): header and cells, each cell a view to print. */
  readonly kolommen?: readonly { readonly label: string }[];
  readonly rijen?: readonly (readonly FieldView[])[];
  readonly bijschrift?: string;
  readonly breedtes?: string | null;
  /** An ontwerpbesluit: the view of its regeling, if it has one. */
  readonly regeling?: FieldView | null;
  /** A regeling: its hoofdstukken, paragrafen and artikelen in order, numbered, each with its heading level. */
  readonly blokken?: readonly RegelingBlock[];
  /** Beslispunten: the lead sentence when the data gives none, the numbering, and whether to print without numbers. */
  readonly aanhef?: string;
  readonly nummering?: string;
  readonly ongenummerd?: boolean;
}

export interface TypeView {
  readonly naam: string;
  readonly titelwaarde: string;
  /** The page header: organisatie · orgaan · date · agendapunt, of those the document has. */
  readonly kop: string;
  readonly auteur: string | null;
  /** The document's date: its version's, else its meeting's, else its first date among the gegevens. */
  readonly datum: string | null;
  readonly gegevens: readonly FieldView[];
  readonly secties: readonly FieldView[];
  /** Every field's view by its key, for a template that prints one field where it wants it. */
  readonly velden: Readonly<Record<string, FieldView>>;
  /** The bijlagen, for the appendix that prints their content. */
  readonly bijlagen: readonly unknown[];
}

/** The partial that prints a section of each kind (a section of its own name comes first). */
const SECTION_PARTIAL: Readonly<Record<Soort, string>> = {
  tekst: "soort-waarde",
  proza: "soort-proza",
  datum: "soort-waarde",
  keuze: "soort-waarde",
  janee: "soort-waarde",
  getal: "soort-waarde",
  bedrag: "soort-waarde",
  persoon: "soort-waarde",
  bijlagen: "soort-waarde",
  lijst: "soort-lijst",
  tabel: "soort-tabel",
  rijen: "soort-tabel",
  ondertekening: "soort-tabel",
  beslispunten: "soort-beslispunten",
  groep: "soort-groep",
  regeling: "soort-regeling",
  besluit: "soort-besluit",
};

const SIGN_OFF_COLUMNS = [
  { key: "eenheid", label: "Eenheid", soort: "tekst" },
  { key: "functie", label: "Functie", soort: "tekst" },
  { key: "naam", label: "Naam", soort: "tekst" },
  { key: "datum", label: "Datum", soort: "datum" },
] as const;

const obj = (x: unknown): Record<string, unknown> => (x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : {});
const str = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined);

/** A value to print in a cell or a list: a view without a field of its own. */
const cell = (soort: Soort, waarde: unknown, opmaak = false): FieldView => ({ sleutel: "", label: "", soort, waarde, aanwezig: waarde !== null && waarde !== undefined, leeg: false, partial: "", niveau: 0, opmaak, koppen: false, letters: false, verwijzing: null });

/** What a field's view adds by its kind: the parts its partial prints besides label and value. */
interface ViewContext {
  /** The heading level of the field itself. */
  readonly niveau: number;
  /** The view of a field inside this one (a group's), one heading level down. */
  readonly inner: (f: Field, value: unknown) => FieldView;
  /** The whole document's value (for the default lead sentence, which names its orgaan). */
  readonly document: Record<string, unknown>;
}
type Extra = (f: Field, content: unknown, cx: ViewContext) => Partial<FieldView>;
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

const EXTRA: Partial<Record<Soort, Extra>> = {
  regeling: (_f, content, cx) => ({ blokken: regelingBlocks(obj(content), cx.niveau + 1) }),
  // An ontwerpbesluit's regeling is printed as a regeling field of its own would be.
  besluit: (f, content, cx) => {
    const regeling = obj(content).regeling;
    if (!regeling) return { regeling: null };
    return { regeling: cx.inner({ ...f, key: "regeling", soort: "regeling", label: "Regeling" }, regeling) };
  },
  groep: (f, content, cx) => ({ velden: entriesOf(f.velden).map((g) => cx.inner(g, obj(content)[g.key])) }),
  lijst: (f, content) => {
    const element = fieldOf("element", f.van ?? { soort: "tekst" });
    return { elementen: list(content).map((e) => cell(element.soort, e, element.opmaak === true)) };
  },
  rijen: (f, content) => {
    const columns = entriesOf(f.kolommen);
    return tableOf(f, columns, list(content).map((r) => columns.map((c) => cell(c.soort, obj(r)[c.key] ?? null, c.opmaak === true))));
  },
  tabel: (f, content) => {
    // Declared columns: the rows are the content; else the content is a table of its own.
    const fixed = Array.isArray(f.kolommen) ? f.kolommen : undefined;
    const table = obj(content);
    const headings = fixed ?? (list(table.kolommen) as string[]);
    const rows = (fixed ? list(content) : list(table.rijen)) as unknown[][];
    const caption = str(table.bijschrift);
    return tableOf({ ...f, ...(caption ? { bijschrift: caption } : {}) }, headings.map((label) => ({ label })), rows.map((r) => r.map((c) => cell("tekst", c, true))));
  },
  ondertekening: (f, content) => {
    const signers = list(content).map(obj);
    const used = (key: string) => signers.some((s) => s[key] !== undefined && s[key] !== null);
    const columns = SIGN_OFF_COLUMNS.filter((c) => c.key === "functie" || c.key === "naam" || used(c.key));
    return tableOf(f, columns, signers.map((s) => columns.map((c) => cell(c.soort, s[c.key] ?? null))));
  },
  beslispunten: (f, content, cx) => {
    const count = list(obj(content).beslispunten).length;
    const orgaan = str(cx.document.orgaan) || undefined;
    return {
      aanhef: defaultAanhef(f, orgaan),
      nummering: f.nummering === "geen" || f.nummering === undefined ? "1" : f.nummering,
      ongenummerd: f.nummering === "geen" || (f.enkel_ongenummerd === true && count === 1),
    };
  },
};

export function typeView(type: DocumentType, value: Record<string, unknown>, templates: Pick<TemplateSet, "hasPartial">, dateStyle: string, agendaNumber?: string): TypeView {
  const partialOf = (prefix: string, f: Field, fallback: string) => (templates.hasPartial(`${prefix}-${f.key}`) ? `${prefix}-${f.key}` : fallback);

  const view = (f: Field, waarde: unknown, niveau: number, partial: string): FieldView => {
    const given = waarde === undefined ? null : waarde;
    const leeg = given === EMPTY && f.leeg === true;
    const base = { sleutel: f.key, label: f.label, soort: f.soort, waarde: given, aanwezig: given !== null, leeg, partial, niveau, opmaak: f.opmaak === true, koppen: f.koppen === true, letters: f.letters === true, verwijzing: f.verwijzing ?? null };
    const cx: ViewContext = { niveau, inner: (g, v) => view(g, v, niveau + 1, partialOf("sectie", g, SECTION_PARTIAL[g.soort])), document: value };
    return { ...base, ...EXTRA[f.soort]?.(f, leeg ? null : given, cx) };
  };

  const gegevens = type.gegevens.map((f) => view(f, value[f.key], 2, partialOf("gegeven", f, "gegeven")));
  const secties = type.secties.map((f) => view(f, value[f.key], 2, partialOf("sectie", f, SECTION_PARTIAL[f.soort])));
  const titel = str(value[type.titel]) ?? "";
  const kop = [str(value.organisatie), str(value.orgaan), str(value.vergaderdatum) && formatDate(str(value.vergaderdatum)!, dateStyle === "numeriek" ? "numeric" : "long"), (agendaNumber ?? str(value.agendapunt)) && `agendapunt ${agendaNumber ?? str(value.agendapunt)}`].filter(Boolean).join(" · ");
  const bijlagenField = type.gegevens.find((f) => f.soort === "bijlagen") ?? type.secties.find((f) => f.soort === "bijlagen");
  return {
    naam: type.name,
    titelwaarde: titel,
    kop: kop || titel,
    auteur: str(obj(value.steller).naam) ?? str(obj(Array.isArray(value.stellers) ? value.stellers[0] : undefined).naam) ?? null,
    datum: str(obj(value.versie).datum) ?? str(value.vergaderdatum) ?? type.gegevens.map((f) => (f.soort === "datum" ? str(value[f.key]) : undefined)).find(Boolean) ?? null,
    gegevens,
    secties,
    velden: Object.fromEntries([...gegevens, ...secties].map((v) => [v.sleutel, v])),
    bijlagen: bijlagenField && Array.isArray(value[bijlagenField.key]) ? (value[bijlagenField.key] as unknown[]) : [],
  };
}

function tableOf(f: Field, kolommen: readonly { readonly label: string }[], rijen: readonly (readonly FieldView[])[]) {
  return { kolommen, rijen, bijschrift: f.bijschrift ?? f.label, breedtes: f.breedtes ? f.breedtes.join(" ") : null };
}

/** One block of a regeling as printed: a heading of a hoofdstuk or paragraaf, or an artikel. */
export interface RegelingBlock {
  readonly soort: "hoofdstuk" | "paragraaf" | "artikel" | "inwerkingtreding" | "citeertitel";
  readonly niveau: number;
  readonly kop?: string;
  readonly nummer?: string;
  readonly id?: string | null;
  readonly titel?: string | null;
  readonly tekst?: string | null;
  /** More than one lid: numbered 1, 2, 3; one lid is printed as the article's text. */
  readonly leden?: readonly { readonly tekst: string; readonly onderdelen: readonly string[]; readonly id: string | null }[];
  readonly begrippen?: readonly { readonly begrip: string; readonly betekenis: string }[];
  readonly inwerkingtreding?: Record<string, unknown>;
  readonly citeertitel?: string;
}

/**
 * The regeling in print order, numbered as Dutch regelgeving numbers it: hoofdstukken 1, 2;
 * paragrafen § 1.1, § 1.2 within their hoofdstuk; artikelen 1, 2, 3 through the whole regeling,
 * the inwerkingtreding and the citeertitel as its last artikelen. Levels below `base`.
 */
function regelingBlocks(r: Record<string, unknown>, base: number): RegelingBlock[] {
  // Templates run in strict mode: every block has every key.
  const EMPTY_BLOCK = { kop: null, nummer: null, id: null, titel: null, tekst: null, leden: [], begrippen: [], inwerkingtreding: null, citeertitel: null };
  const blocks: RegelingBlock[] = [];
  const push = (b: RegelingBlock) => blocks.push({ ...EMPTY_BLOCK, ...b } as RegelingBlock);
  let article = 0;
  const lid = (l: unknown) => (typeof l === "string" ? { tekst: l, onderdelen: [], id: null } : { tekst: String(obj(l).tekst ?? ""), onderdelen: list(obj(l).onderdelen).map(String), id: str(obj(l).id) ?? null });
  const artikel = (a: unknown, niveau: number) => {
    const o = obj(a);
    article += 1;
    const leden = list(o.leden).map(lid);
    // One plain lid is the article's text, without a number (unless something refers to it as a lid).
    const single = leden.length === 1 && leden[0]!.onderdelen.length === 0 && leden[0]!.id === null;
    push({
      soort: "artikel",
      niveau,
      nummer: String(article),
      id: str(o.id) ?? null,
      titel: str(o.titel) ?? null,
      // One lid is the article's text: it has no number.
      tekst: str(o.tekst) ?? (single ? leden[0]!.tekst : null),
      leden: single ? [] : leden,
      begrippen: list(o.begrippen).map((b) => ({ begrip: String(obj(b).begrip ?? ""), betekenis: String(obj(b).betekenis ?? "") })),
    });
  };
  const chapters = list(r.hoofdstukken);
  chapters.forEach((h, i) => {
    const o = obj(h);
    push({ soort: "hoofdstuk", niveau: base, kop: `Hoofdstuk ${i + 1}. ${String(o.hoofdstuk ?? "")}` });
    list(o.paragrafen).forEach((p, j) => {
      push({ soort: "paragraaf", niveau: base + 1, kop: `§ ${i + 1}.${j + 1} ${String(obj(p).paragraaf ?? "")}` });
      list(obj(p).artikelen).forEach((a) => artikel(a, base + 2));
    });
    list(o.artikelen).forEach((a) => artikel(a, base + 1));
  });
  list(r.artikelen).forEach((a) => artikel(a, base));
  const last = chapters.length ? base + 1 : base;
  if (r.inwerkingtreding) push({ soort: "inwerkingtreding", niveau: last, nummer: String(++article), titel: "Inwerkingtreding", inwerkingtreding: { datum: null, na_bekendmaking: null, terugwerkend_tot: null, ...obj(r.inwerkingtreding) } });
  if (typeof r.citeertitel === "string") push({ soort: "citeertitel", niveau: last, nummer: String(++article), titel: "Citeertitel", citeertitel: r.citeertitel });
  return blocks;
}

/** The sentence before the beslispunten when a document gives none: the type's, else one addressed to its orgaan. */
export const defaultAanhef = (f: { readonly aanhef?: string | undefined }, orgaan: string | undefined): string =>
  f.aanhef ?? (orgaan ? `${withArticleCapitalised(orgaan)} wordt verzocht:` : "Voorgesteld wordt:");
