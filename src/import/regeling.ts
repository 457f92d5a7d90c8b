import type { Element } from "domhandler";
import { elements, type Block } from "./blocks.js";
import { inlineMarkdownOf, targetId } from "./to-markdown.js";
import { dutchDate } from "./values.js";

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
    const special = closingArticle(article, body, regeling);
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

/** The articles a regeling's data prints by itself: read into that data, not kept as articles. */
function closingArticle(article: Artikel, body: readonly Block[], regeling: Regeling): boolean {
  const text = body.map((b) => b.text.trim()).join(" ");
  const cite = /^deze regeling wordt aangehaald als:?\s+(.+?)\.?$/i.exec(text);
  if (cite && body.length === 1) {
    regeling.citeertitel = cite[1]!;
    return true;
  }
  const start = /^deze regeling treedt in werking met ingang van (.+?)(?: en werkt terug tot en met (.+?))?\.$/i.exec(text);
  if (start && body.length === 1) {
    const since = start[2] ? dutchDate(start[2])?.iso : undefined;
    const date = dutchDate(start[1]!)?.iso;
    if (!date && !/bekendmaking/i.test(start[1]!)) return false;
    regeling.inwerkingtreding = { ...(date ? { datum: date } : { na_bekendmaking: true }), ...(since && { terugwerkend_tot: since }) };
    return true;
  }
  return false;
}

/** An article's text: one sentence, numbered leden, or begripsbepalingen. */
function readBody(article: Artikel, body: readonly Block[], rest: Block[]): void {
  const list = body.find((b) => b.type === "list");
  const lead = body[0];
  if (list && lead?.type === "paragraph" && /verstaan onder:?$/i.test(lead.text.trim())) {
    article.begrippen = items(list.el).map((li) => {
      const text = inlineMarkdownOf(li.children).replace(/[;.]$/, "");
      const m = /^\*?([^:*]+?)\*?:\s+([\s\S]+)$/.exec(text);
      return m ? { begrip: m[1]!.trim(), betekenis: m[2]!.trim() } : { begrip: text, betekenis: "" };
    });
    rest.push(...body.filter((b) => b !== list && b !== lead));
    return;
  }
  if (list && body[0] === list) {
    article.leden = items(list.el).map((li) => {
      const sub = elements(li.children).find((e) => e.name === "ol" || e.name === "ul");
      const id = targetId(li.children, "lid");
      const tekst = inlineMarkdownOf(li.children);
      if (!sub && !id) return tekst;
      return { ...(id && { id }), tekst, ...(sub && { onderdelen: items(sub).map((o) => inlineMarkdownOf(o.children)) }) };
    });
    rest.push(...body.slice(1));
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

const items = (list: Element): Element[] => elements(list.children).filter((e) => e.name === "li");
