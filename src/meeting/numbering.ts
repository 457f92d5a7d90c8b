import type { NUMBERING, SUB_NUMBERING } from "../model/meeting.js";
import { alphabetic, roman } from "../util/counters.js";

/** How agenda items are numbered: "1, 2, 3" or "I, II, III"; sub-items "5a" or "5.1". */
export interface NumberingScheme {
  readonly items: (typeof NUMBERING)[number];
  readonly subItems: (typeof SUB_NUMBERING)[number];
}

export const DEFAULT_NUMBERING: NumberingScheme = { items: "1, 2, 3", subItems: "a, b, c" };

const ITEM: Record<NumberingScheme["items"], (n: number) => string> = {
  "1, 2, 3": (n) => String(n),
  "I, II, III": (n) => roman(n).toUpperCase(),
};

const SUB: Record<NumberingScheme["subItems"], (parent: string, n: number) => string> = {
  "a, b, c": (parent, n) => `${parent}${alphabetic(n)}`,
  "1, 2, 3": (parent, n) => `${parent}.${n}`,
};

export function itemNumber(scheme: NumberingScheme, n: number): string {
  return ITEM[scheme.items](n);
}

export function subItemNumber(scheme: NumberingScheme, parent: string, n: number): string {
  return SUB[scheme.subItems](parent, n);
}

/** Attachments are numbered after their item: 5-1, 5-2 (5a-1 under a sub-item). */
export const attachmentNumber = (item: string, n: number): string => `${item}-${n}`;

/** A besluitenlijst number: the meeting date and the item's position, e.g. 20201001.05 or 20201001.05.1. */
export function decisionNumber(date: string, seq: readonly number[]): string {
  const [first, ...rest] = seq;
  return [date.replace(/-/g, ""), String(first).padStart(2, "0"), ...rest.map(String)].join(".");
}
