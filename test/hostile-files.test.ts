import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { constants, crc32, createDeflateRaw } from "node:zlib";
import { strToU8, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { filesSnapshot, fixture, messagesIn, readText, ROOT, run, runBin, tempDir } from "./helpers.js";
import { docxParts } from "./ooxml.js";

// These tests are about hostile files, not language: their messages are asserted in English (the Dutch
// default of the same messages is asserted in test/import.test.ts).
messagesIn("en");

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string): string => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const PARAGRAPH = "<w:p><w:r><w:t>Hallo</w:t></w:r></w:p>";

/** A .docx made of the given parts (strings or bytes), with level-1 compression unless stored. */
function docx(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = [typeof data === "string" ? strToU8(data) : data, { level: 1 }];
  return zipSync(files);
}

/** Set the inflated size an entry declares in the central directory (a zip that lies). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const target = strToU8(name);
  for (let o = 0; o + 46 < out.length; o++) {
    if (view.getUint32(o, true) !== 0x02014b50 || view.getUint16(o + 28, true) !== target.length) continue;
    if (target.every((b, i) => out[o + 46 + i] === b)) {
      view.setUint32(o + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

/** `boardpaper text` on these bytes: result and time taken. It writes no file (only to stdout). */
async function text(bytes: Uint8Array): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const dir = tempDir();
  writeFileSync(join(dir, "x.docx"), bytes);
  const before = filesSnapshot(dir);
  const start = Date.now();
  const r = await run(["text", "x.docx"], { cwd: dir });
  const ms = Date.now() - start;
  expect(filesSnapshot(dir)).toEqual(before);
  return { ...r, ms };
}

/** One entry's raw deflate stream: `head`, `times` × `chunk`, `tail`, deflated as it streams (never all in memory). */
async function deflated(chunk: Uint8Array, times: number, head = "", tail = ""): Promise<{ data: Uint8Array; size: number; crc: number }> {
  const pieces = function* () {
    yield Buffer.from(head);
    for (let i = 0; i < times; i++) yield chunk;
    yield Buffer.from(tail);
  };
  let crc = 0;
  for (const piece of pieces()) crc = crc32(piece, crc);
  const data = await buffer(Readable.from(pieces()).pipe(createDeflateRaw({ level: 9, strategy: constants.Z_RLE })));
  return { data, size: head.length + chunk.length * times + tail.length, crc };
}

/** A zip of deflated entries, assembled by hand (one stream may stand for many entries); `declared` overrides a size. */
function zipOf(entries: { name: string; data: Uint8Array; size: number; crc: number; declared?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared ?? e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declared ?? e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.length));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

function expectRefused(r: { code: number; stderr: string; ms: number }, message: RegExp, ms = 3000): void {
  expect(r.stderr).toMatch(/^x\.docx: error: [^\n]+\n$/);
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(1);
  expect(r.ms).toBeLessThan(ms);
}

describe("boardpaper text: hostile .docx files get a one-line error and exit 1", () => {
  it("reads a small valid file (the baseline)", async () => {
    const r = await text(docx({ "word/document.xml": doc(PARAGRAPH) }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Hallo");
  });

  it("a large unused entry is never inflated", async () => {
    const big = new Uint8Array(64 * 1024 * 1024); // compresses to some 64 KB
    const zip = declareSize(docx({ "word/document.xml": doc(PARAGRAPH), "word/media/big.bin": big }), "word/media/big.bin", 0xfffffff0);
    const r = await text(zip);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Hallo");
    expect(r.ms).toBeLessThan(3000);
  });

  it("a document.xml that declares 600 MB is refused before it is inflated", async () => {
    const zip = declareSize(docx({ "word/document.xml": doc(PARAGRAPH) }), "word/document.xml", 600 * 1024 * 1024);
    expectRefused(await text(zip), /word\/document\.xml is too large \(600 MB inflated; at most 32 MB\)/);
  });

  it("a zip bomb in document.xml (40 MB of one letter) is refused", async () => {
    const zip = docx({ "word/document.xml": doc(`<w:p><w:r><w:t>${"a".repeat(40 * 1024 * 1024)}</w:t></w:r></w:p>`) });
    expect(zip.length).toBeLessThan(1024 * 1024);
    expectRefused(await text(zip), /word\/document\.xml is too large/);
  });

  it("a document.xml that inflates to more than it declares is stopped", async () => {
    const zip = declareSize(docx({ "word/document.xml": doc(`<w:p><w:r><w:t>${"a".repeat(8 * 1024 * 1024)}</w:t></w:r></w:p>`) }), "word/document.xml", 1000);
    expectRefused(await text(zip), /inflates to more than its declared size/);
  });

  it("200,000 nested elements are refused, not a stack overflow", async () => {
    const n = 200_000;
    const r = await text(docx({ "word/document.xml": doc(`<w:p>${"<w:hyperlink>".repeat(n)}${"</w:hyperlink>".repeat(n)}</w:p>`) }));
    expectRefused(r, /nested too deeply \(more than 256 levels\)/);
  });

  it("too many elements are refused", async () => {
    const r = await text(docx({ "word/document.xml": doc(`<w:p>${"<w:r/>".repeat(1_100_000)}</w:p>`) }));
    expectRefused(r, /too many elements/, 15000); // up to the limit the DOM is built: a second or two alone, more in a busy test run
  });

  it("list levels beyond Word's nine do not nest without end", async () => {
    const p = (lvl: number) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>i${lvl}</w:t></w:r></w:p>`;
    const r = await text(docx({ "word/document.xml": doc(Array.from({ length: 20_000 }, (_, i) => p(i)).join("")) }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("i19999");
  });

  it("a character reference outside Unicode in the core properties becomes U+FFFD", async () => {
    const core = `<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>A&#x110000;B&#99999999999;&#xD800;</dc:title></cp:coreProperties>`;
    const r = await text(docx({ "word/document.xml": doc(PARAGRAPH), "docProps/core.xml": core }));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("escape sequences in the text and in the file's name are shown, not sent to the terminal", async () => {
    // What a textconv prints into `git log -p`: an OSC that retitles the terminal, a CSI that
    // clears it (as a character reference, raw, and as the C1 CSI), a carriage return.
    const r = await text(docx({ "word/document.xml": doc("<w:p><w:r><w:t>a&#x1b;]0;pwned&#x7;b \u001b[2J c\u009b2J d&#xd;e</w:t></w:r></w:p>") }));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain("a\\u001b]0;pwned\\u0007b \\u001b[2J c\\u009b2J d\\u000de");
    const dir = tempDir();
    writeFileSync(join(dir, "x\u001b]0;pwned\u0007.docx"), "not a zip");
    const bad = await run(["text", "x\u001b]0;pwned\u0007.docx"], { cwd: dir });
    expect(bad.stderr).toBe("x\\u001b]0;pwned\\u0007.docx: error: this is not a .docx file (not a zip archive)\n");
    expect(bad.code).toBe(1);
  });

  it("a file that is not a zip", async () => {
    expectRefused(await text(strToU8("just some text, not a zip at all")), /not a \.docx file \(not a zip archive\)/);
  });

  it("a damaged zip (cut off, and with a scrambled central directory)", async () => {
    const good = docx({ "word/document.xml": doc(PARAGRAPH.repeat(200)) });
    expectRefused(await text(good.subarray(0, Math.floor(good.length / 2))), /cannot be read|not a \.docx/);
    const scrambled = good.slice();
    for (let o = good.length - 80; o < good.length - 22; o++) scrambled[o] = 0xff;
    expectRefused(await text(scrambled), /cannot be read|not a \.docx/);
    const corrupt = good.slice();
    for (let o = 40; o < 140; o++) corrupt[o] = (corrupt[o]! * 7 + 13) & 0xff;
    expectRefused(await text(corrupt), /cannot be read|not a \.docx/);
  });

  it("a password-protected document (an encrypted OLE compound file)", async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expectRefused(await text(ole), /password-protected/);
  });

  it("an encrypted zip entry", async () => {
    const zip = docx({ "word/document.xml": doc(PARAGRAPH) });
    // Set the "encrypted" flag of the entry in the central directory.
    const view = new DataView(zip.buffer);
    for (let o = 0; o + 4 < zip.length; o++) if (view.getUint32(o, true) === 0x02014b50) view.setUint16(o + 8, 1, true);
    expectRefused(await text(zip), /word\/document\.xml is encrypted/);
  });
});

describe("boardpaper text, the whole process: bounded time and memory, nothing written", () => {
  // Through the installed command line (a child process that reports its own peak memory), with
  // the sizes of the issue: reading everything would take gigabytes, a recursive reader would
  // overflow its stack (exit 70). Bounds are loose for a loaded machine; `text` of a small file
  // peaks at about 100 MB.
  async function textBin(bytes: Uint8Array) {
    const dir = tempDir();
    writeFileSync(join(dir, "x.docx"), bytes);
    const before = filesSnapshot(dir);
    const r = await runBin(["text", "x.docx"], { cwd: dir });
    expect(r.ms).toBeLessThan(20_000);
    expect(r.peakMb).toBeLessThan(400);
    expect(filesSnapshot(dir)).toEqual(before);
    return r;
  }
  const MB = 1024 * 1024;
  const small = async () => ({ name: "word/document.xml", ...(await deflated(strToU8(doc(PARAGRAPH)), 1)) });

  it("a 4 MB zip whose unused entries inflate to 4 GB is read at once", async () => {
    const zeros = await deflated(new Uint8Array(MB), 256);
    const zip = zipOf([await small(), ...Array.from({ length: 16 }, (_, i) => ({ name: `word/media/big${i}.bin`, ...zeros }))]);
    expect(zip.length).toBeLessThan(5 * MB);
    const r = await textBin(zip);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Hallo");
  });

  it("a zip bomb: a document.xml of 600 MB (in a zip of 600 kB) is refused unread", async () => {
    const bomb = await deflated(Buffer.alloc(MB, "a"), 600, "<?xml version=\"1.0\"?><w:document " + W + "><w:body><w:p><w:r><w:t>", "</w:t></w:r></w:p></w:body></w:document>");
    const zip = zipOf([{ name: "word/document.xml", ...bomb }]);
    expect(zip.length).toBeLessThan(MB);
    const r = await textBin(zip);
    expect(r.stderr).toBe("x.docx: error: this .docx cannot be read: word/document.xml is too large (600 MB inflated; at most 32 MB)\n");
    expect(r.code).toBe(1);
  });

  it("the same bomb declaring 30 MB is stopped as soon as it inflates past that", async () => {
    const bomb = await deflated(Buffer.alloc(MB, "a"), 600, "<?xml version=\"1.0\"?><w:document " + W + "><w:body><w:p><w:r><w:t>", "</w:t></w:r></w:p></w:body></w:document>");
    const r = await textBin(zipOf([{ name: "word/document.xml", ...bomb, declared: 30 * MB }]));
    expect(r.stderr).toBe("x.docx: error: this .docx cannot be read: word/document.xml inflates to more than its declared size (a zip bomb?)\n");
    expect(r.code).toBe(1);
  });

  it("200,000 nested elements", async () => {
    const n = 200_000;
    const r = await textBin(docx({ "word/document.xml": doc(`<w:p>${"<w:hyperlink>".repeat(n)}${"</w:hyperlink>".repeat(n)}</w:p>`) }));
    expect(r.stderr).toMatch(/^x\.docx: error: [^\n]*nested too deeply \(more than 256 levels\)[^\n]*\n$/);
    expect(r.code).toBe(1);
  });
});

describe("SVG logos: bounded raster, no filters, no references outside the file", () => {
  const MINIMAL = readText(fixture("check", "minimal.yaml"));
  const STYLE = "organisatie: Testland\nlogo: { bestand: logo.svg, alt: Logo, breedte_mm: 30 }\n";
  const SECRET = join(ROOT, "data", "gemeente", "logo-gemeente.png");

  function project(svg: string): string {
    const dir = tempDir();
    mkdirSync(join(dir, "data", "proposals"), { recursive: true });
    writeFileSync(join(dir, "data", "proposals", "p.yaml"), MINIMAL);
    writeFileSync(join(dir, "data", "logo.svg"), svg);
    writeFileSync(join(dir, "data", "huisstijl.yaml"), STYLE);
    return dir;
  }
  const svg = (body: string, attrs = 'width="100" height="40"') =>
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attrs}>${body}</svg>`;

  async function expectLogoRefused(logo: string, message: RegExp): Promise<void> {
    const dir = project(logo);
    const before = filesSnapshot(dir);
    for (const command of ["check", "build"]) {
      const start = Date.now();
      const r = await run([command], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/data\/huisstijl\.yaml:2:18: error: logo\.svg: [^\n]+ \(logo\.bestand\)/);
      expect(r.stderr).toMatch(message);
      expect(Date.now() - start).toBeLessThan(5000);
    }
    expect(existsSync(join(dir, "out", "proposals", "p.docx"))).toBe(false);
    expect(filesSnapshot(dir)).toEqual(before);
  }

  it("a self-contained logo with #fragment references is drawn", async () => {
    const dir = project(svg('<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient><rect id="r" width="10" height="10"/></defs><use href="#r"/><use xlink:href="#r" x="20"/><rect x="40" width="10" height="10" fill="url(#g)" style="fill: url( \'#g\' )"/>'));
    const r = await run(["build"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(Object.keys(docxParts(readFileSync(join(dir, "out", "proposals", "p.docx"))))).toEqual(expect.arrayContaining(["word/media/image1.svg", "word/media/image1.png"]));
  });

  it("a tall viewBox (1 × 100000) is refused before it is rasterised", async () => {
    await expectLogoRefused(svg('<rect width="1" height="100000"/>', 'viewBox="0 0 1 100000"'), /would be drawn at 354 × 35400000 pixels \(at most 4096 on a side\)/);
  });

  it("a tall viewBox, through the installed command line: bounded time and memory, nothing written", async () => {
    // Rasterised, this logo took 5 GB; refused, `build` peaks at some 200 MB.
    const dir = project(svg('<rect width="1" height="100000"/>', 'viewBox="0 0 1 100000"'));
    const before = filesSnapshot(dir);
    for (const command of ["check", "build"]) {
      const r = await runBin([command], { cwd: dir });
      expect(r.stderr).toMatch(/^data\/huisstijl\.yaml:2:18: error: logo\.svg: the SVG logo would be drawn at 354 × 35400000 pixels \(at most 4096 on a side\)[^\n]* \(logo\.bestand\)$/m);
      expect(r.code).toBe(1);
      expect(r.ms).toBeLessThan(20_000);
      expect(r.peakMb).toBeLessThan(400);
    }
    expect(filesSnapshot(dir)).toEqual(before);
  });

  it("filters are refused", async () => {
    const blur = (i: number) => `<filter id="f${i}"><feGaussianBlur stdDeviation="500"/></filter><rect width="100" height="40" filter="url(#f${i})"/>`;
    await expectLogoRefused(svg(Array.from({ length: 50 }, (_, i) => blur(i)).join("")), /uses filters \(blur, shadow…\), which are not allowed in a logo/);
    await expectLogoRefused(svg('<rect width="100" height="40" filter="blur(50)"/>'), /uses filters/);
    await expectLogoRefused(svg('<rect width="100" height="40" style="filter: blur(50px)"/>'), /uses filters/);
  });

  it.each([
    ["an absolute path", `<image href="${SECRET}" width="100" height="40"/>`],
    ["xlink:href", `<image xlink:href="${SECRET}" width="100" height="40"/>`],
    ["a file: URL", `<image href="file://${SECRET}" width="100" height="40"/>`],
    ["an http: URL", '<image href="http://127.0.0.1:9/x.png" width="100" height="40"/>'],
    ["a nested data: SVG", `<image href="data:image/svg+xml;base64,${Buffer.from(svg(`<image href="${SECRET}" width="100" height="40"/>`)).toString("base64")}" width="100" height="40"/>`],
    ["an entity-encoded path", `<image href="&#x2F;etc&#x2F;x.png" width="100" height="40"/>`],
  ])("an <image> with %s is refused", async (_name, body) => {
    await expectLogoRefused(svg(body), /refers to something outside itself \(\w*:?href="[^"]*"\); a logo must be self-contained/);
  });

  it.each([
    ["a CSS url() to a file", `<style>rect { fill: url(${SECRET}) }</style><rect width="10" height="10"/>`, /refers to something outside itself \(url\(/],
    ["a fill url() to a file", `<rect width="10" height="10" fill="url('file://${SECRET}')"/>`, /refers to something outside itself \(url\(/],
    ["@import", '<style>@import "http://127.0.0.1:9/x.css";</style>', /imports a style sheet/],
    ["CSS escapes", "<style>rect { fill: \\75 rl(/etc/x) }</style>", /backslash escapes/],
    ["entities", '<!DOCTYPE svg [<!ENTITY x "/etc/x.png">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', /declares XML entities/],
  ])("%s is refused", async (_name, body, message) => {
    await expectLogoRefused(body.startsWith("<!DOCTYPE") ? body : svg(body), message);
  });
});
