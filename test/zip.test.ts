import { strFromU8, strToU8, unzipSync } from "fflate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zipParts, zipTime } from "../src/writers/docx/zip.js";

const date = zipTime("2020-10-01");

describe("zipping the parts of a .docx", () => {
  it("gives back every part as it was, in order, whatever was zipped before under the same paths", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: fc.string(), b: fc.string({ maxLength: 3000 }) }), { minLength: 1, maxLength: 6 }), (versions) => {
        for (const v of versions) {
          const parts = { "word/document.xml": strToU8(v.a), "word/styles.xml": strToU8(v.b), "word/media/x.bin": new Uint8Array([1, 2, 3]) };
          const back = unzipSync(zipParts(parts, date));
          expect(Object.keys(back)).toEqual(Object.keys(parts));
          expect(strFromU8(back["word/document.xml"]!)).toBe(v.a);
          expect(strFromU8(back["word/styles.xml"]!)).toBe(v.b);
          expect([...back["word/media/x.bin"]!]).toEqual([1, 2, 3]);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("gives the same bytes for the same parts, however many other documents came between", () => {
    const one = { "word/document.xml": strToU8("<w:document>een</w:document>"), "word/styles.xml": strToU8("<w:styles/>") };
    const first = zipParts(one, date);
    zipParts({ "word/document.xml": strToU8("<w:document>twee</w:document>"), "word/styles.xml": strToU8("<w:styles/>") }, date);
    expect(Buffer.from(zipParts(one, date)).equals(Buffer.from(first))).toBe(true);
  });

  it("stamps every entry with the document's date at noon, and the nearest date a zip can hold outside 1980–2099", () => {
    const dosDate = (bytes: Uint8Array) => Buffer.from(bytes).readUInt16LE(12); // local header: date after time
    const at = (d: string) => dosDate(zipParts({ a: strToU8("x") }, zipTime(d)));
    const dos = (y: number, m: number, d: number) => ((y - 1980) << 9) | (m << 5) | d;
    expect(at("2020-10-01")).toBe(dos(2020, 10, 1));
    expect(at("1975-06-30")).toBe(dos(1980, 1, 1));
    expect(at("2150-03-04")).toBe(dos(2099, 12, 31));
    expect(Buffer.from(zipParts({ a: strToU8("x") }, date)).readUInt16LE(10)).toBe(12 << 11);
  });
});
