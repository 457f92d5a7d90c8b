import type { Element } from "domhandler";
import { elements } from "../readers/dom.js";
import type { Block } from "./blocks.js";
import { inlineMarkdownOf, targetId } from "./to-markdown.js";
import { parseDutchDate } from "./values.js";

/**
 * A regeling as it is set in a besluit: its title, "Hoofdstuk 1. …", "§ 2.1 …", "Artikel 3. …"
 * headings (styled or bold), and per article one sentence, numbered leden (with onderdelen a, b,
 * c), or begripsbepalingen ("In deze regeling wordt verstaan onder: a. begrip: betekenis;").
 * The closing articles that follow from the regeling's data (inwerkingtreding, citeertitel) are
 * read back into that data. Numbers are not kept: boardpaper numbers articles itself.
 */
export interface Artikel {
  id?: string;
  titel?: string;
  tekst?: string;
  leden?: unknown[];
  begrippen?: { begrip: string; betekenis: string }[];
}

interface Paragraaf {
  paragraaf: string;
  artikelen: Artikel[];
}

interface Hoofdstuk {
  hoofdstuk: string;
  paragrafen?: Paragraaf[];
  artikelen?: Artikel[];
}

export interface Regeling {
  hoofdstukken?: Hoofdstuk[];
  artikelen?: Artikel[];
  inwerkingtreding?: { datum?: string; na_bekendmaking?: boolean; terugwerkend_tot?: string };
  citeertitel?: string;
}

const HOOFDSTUK = /^hoofdstuk\s+[\dIVXLC]+[.:]?\s+(.+)$/i;
const PARAGRAAF = /^(?:§|paragraaf)\s*[\d.]+[.:]?\s+(.+)$/i;
const ARTIKEL = /^artikel\s+\d+[a-z]?(?:[.:]\s*(.*))?$/i;

/** Where a regeling starts among a dictum's blocks: its first chapter or article heading (or the title right before it). */
export function regelingStart(blocks: readonly Block[]): number {
  const at = blocks.findIndex((b) => isHeading(b) && (HOOFDSTUK.test(b.text) || ARTIKEL.test(b.text)));
  if (at < 0) return -1;
  return at > 0 && blocks[at - 1]!.type === "heading" ? at - 1 : at;
}

const isHeading = (b: Block): boolean => b.type === "heading" || (b.type === "paragraph" && b.emphasised && !b.text.includes("\n"));

export function readRegeling(blocks: readonly Block[]): { regeling: Regeling; rest: Block[] } {
  const regeling: Regeling = {};
  const rest: Block[] = [];
  const chapters: Hoofdstuk[] = [];
  const loose: Artikel[] = [];
  let article: Artikel | undefined;
  let body: Block[] = [];
  const close = () => {
    if (!article) return;
    const special = closingArticle(body, regeling);
    if (!special) {
      readBody(article, body, rest);
      const chapter = chapters[chapters.length - 1];
      const section = chapter?.paragrafen?.[chapter.paragrafen.length - 1];
      if (section) section.artikelen.push(article);
      else if (chapter) (chapter.artikelen ??= []).push(article);
      else loose.push(article);
    }
    article = undefined;
    body = [];
  };
  for (const [i, b] of blocks.entries()) {
    let m: RegExpExecArray | null;
    if (isHeading(b) && (m = HOOFDSTUK.exec(b.text))) {
      close();
      chapters.push({ hoofdstuk: m[1]!.trim() });
    } else if (isHeading(b) && (m = PARAGRAAF.exec(b.text)) && chapters.length) {
      close();
      (chapters[chapters.length - 1]!.paragrafen ??= []).push({ paragraaf: m[1]!.trim(), artikelen: [] });
    } else if (isHeading(b) && (m = ARTIKEL.exec(b.text))) {
      close();
      const id = targetId([b.el], "artikel");
      article = { ...(id && { id }), ...(m[1]?.trim() && { titel: m[1].trim() }) };
    } else if (article) body.push(b);
    else if (!(i === 0 && b.type === "heading")) rest.push(b);
  }
  close();
  if (chapters.length) regeling.hoofdstukken = chapters;
  else if (loose.length) regeling.artikelen = loose;
  return { regeling, rest };
}

/** How a closing article names what it is about. */
const SUBJECT = "(?:deze regeling|dit besluit|dit reglement|deze verordening|deze beleidsregel|deze regels)";

/** The articles a regeling's data prints by itself: read into that data, not kept as articles. */
function closingArticle(body: readonly Block[], regeling: Regeling): boolean {
  const text = body.map((b) => b.text.trim()).join(" ");
  const cite = new RegExp(`^${SUBJECT} wordt aangehaald als:?\\s+(.+?)\\.?$`, "i").exec(text);
  if (cite && body.length === 1) {
    regeling.citeertitel = cite[1]!;
    return true;
  }
  const start = new RegExp(`^${SUBJECT} treedt in werking (?:met ingang van|op) (.+?)(?: en werkt terug tot en met (.+?))?\\.$`, "i").exec(text);
  if (start && body.length === 1) {
    const since = start[2] ? parseDutchDate(start[2])?.iso : undefined;
    const date = parseDutchDate(start[1]!)?.iso;
    if (!date && !/bekendmaking/i.test(start[1]!)) return false;
    regeling.inwerkingtreding = { ...(date ? { datum: date } : { na_bekendmaking: true }), ...(since && { terugwerkend_tot: since }) };
    return true;
  }
  return false;
}

/** An article's text: one sentence, numbered leden, or begripsbepalingen; numbered by Word or typed. */
function readBody(article: Artikel, body: readonly Block[], rest: Block[]): void {
  const lead = body[0];
  const begrippen = lead?.type === "paragraph" && /verstaan onder:?$/i.test(lead.text.trim());
  const numbered = numberedItems(begrippen ? body.slice(1) : body);
  if (begrippen && numbered.items.length) {
    article.begrippen = numbered.items.map(({ text }) => {
      const m = /^\*?([^:*]+?)\*?:\s+([\s\S]+)$/.exec(text.replace(/[;.]$/, ""));
      return m ? { begrip: m[1]!.trim(), betekenis: m[2]!.trim() } : { begrip: text, betekenis: "" };
    });
    rest.push(...numbered.rest);
    return;
  }
  if (!begrippen && numbered.items.length && numbered.first === 0) {
    article.leden = numbered.items.map(({ text, id, sub }) => (!sub.length && !id ? text : { ...(id && { id }), tekst: text, ...(sub.length && { onderdelen: sub }) }));
    rest.push(...numbered.rest);
    return;
  }
  if (lead?.type === "paragraph") {
    article.tekst = inlineMarkdownOf(lead.el.children);
    rest.push(...body.slice(1));
    return;
  }
  article.tekst = "";
  rest.push(...body);
}

/** "1. …", "a. …" typed by hand, as Word's list items are: the marker is the numbering. */
const TYPED_ITEM = /^\s*(?:(\d{1,2})|([a-z]))\\?[.)]\s+/;

/**
 * The numbered items of an article: a Word list's items (a sub-list: onderdelen), or paragraphs
 * with typed numbers (letters under a number: its onderdelen). `first`: where they start.
 */
function numberedItems(body: readonly Block[]): { items: { text: string; id?: string; sub: string[] }[]; rest: Block[]; first: number } {
  const items: { text: string; id?: string; sub: string[] }[] = [];
  const rest: Block[] = [];
  let first = -1;
  let topKind: "number" | "letter" | undefined;
  for (const [i, b] of body.entries()) {
    if (b.type === "list") {
      if (first < 0) first = i;
      for (const li of items_(b.el)) {
        const sub = elements(li.children).find((e) => e.name === "ol" || e.name === "ul");
        const id = targetId(li.children, "lid");
        items.push({ text: inlineMarkdownOf(li.children), ...(id && { id }), sub: sub ? items_(sub).map((o) => inlineMarkdownOf(o.children)) : [] });
      }
      continue;
    }
    const m = b.type === "paragraph" ? TYPED_ITEM.exec(b.text) : null;
    if (m && b.type === "paragraph") {
      if (first < 0) first = i;
      const text = inlineMarkdownOf(b.el.children).replace(TYPED_ITEM, "");
      // A letter under numbered leden is an onderdeel of the lid above it; letters alone are the items.
      topKind ??= m[1] ? "number" : "letter";
      const parent = items[items.length - 1];
      if (m[2] && topKind === "number" && parent) parent.sub.push(text);
      else items.push({ text, sub: [] });
      continue;
    }
    rest.push(b);
  }
  return { items, rest, first };
}

const items_ = (list: Element): Element[] => elements(list.children).filter((e) => e.name === "li");
