import type { BlockRevision, Revisions } from "../../tree/types.js";

/**
 * Word tracked changes: every w:ins and w:del carries a unique id, the author and the date.
 * One tracker per document hands out the ids.
 */
type Change = { id: number; author: string; date: string };

export class ChangeTracker {
  private next = 1000; // apart from bookmark ids, which count from 1

  constructor(readonly revisions: Revisions | undefined) {}

  /** Attributes for one change, or undefined when the document is not a redline. */
  change(): Change | undefined {
    if (!this.revisions) return undefined;
    return { id: this.next++, author: this.revisions.author, date: `${this.revisions.date}T00:00:00Z` };
  }

  /** A whole table row inserted or deleted (options for docx's TableRow). */
  mark(revision: BlockRevision | undefined): { insertion?: Change; deletion?: Change } {
    const attrs = revision ? this.change() : undefined;
    if (!revision || !attrs) return {};
    return revision === "inserted" ? { insertion: attrs } : { deletion: attrs };
  }

  /**
   * A whole paragraph inserted or deleted: its paragraph mark is marked too (options for docx's
   * Paragraph), so that accepting or rejecting the change leaves no empty paragraph behind.
   */
  paragraphMark(revision: BlockRevision | undefined): { run?: { insertion?: Change; deletion?: Change } } {
    const mark = this.mark(revision);
    return Object.keys(mark).length ? { run: mark } : {};
  }
}
