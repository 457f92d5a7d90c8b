import type { IncomingMessage } from "node:http";
import { formatMessage, LOCALES, type MessageParams, type Params } from "../i18n/format.js";

/**
 * What the editor's server says to the browser (refusals and errors in its JSON answers, the
 * words of its pages and list), in Dutch unless the page asks for English. The page says its
 * language in a header of its own with every request (LANG_HEADER, set by web/src/api.ts from
 * the switch in the page); the browser's Accept-Language is never read: the users are Dutch,
 * whatever their browser was installed as. A request without the header gets Dutch.
 *
 * The syntax is the command line's (src/i18n/format.ts); en has exactly nl's keys, and each
 * message there the same parameters (test/serve-i18n.test.ts).
 */
export type Lang = "nl" | "en";

export const LANG_HEADER = "x-boardpaper-lang";

/** The language a request asks for: its LANG_HEADER, else Dutch. */
export function langOf(req: IncomingMessage): Lang {
  const asked = req.headers[LANG_HEADER];
  return asked === "en" ? "en" : "nl";
}

export const nl = {
  // Access (src/serve/server.ts)
  "access.host": "Geweigerd: open de editor als http://127.0.0.1:{port}/ of http://localhost:{port}/",
  "access.badAddress": "Ongeldig verzoek: het adres kan niet gelezen worden.",
  "access.wrongTokenInAddress": "Geweigerd: deze toegangssleutel is niet die boardpaper serve toonde. Gebruik het adres dat het toonde.",
  "access.noTokenApi": "dit verzoek heeft geen toegangssleutel; open het adres dat boardpaper serve toonde",
  "access.noTokenPage": "Deze editor heeft zijn toegangssleutel nodig: open het adres dat `boardpaper serve` toonde (het eindigt op ?token=…).",
  "access.wrongTokenApi": "verkeerde toegangssleutel",
  "access.wrongTokenPage": "Geweigerd: verkeerde toegangssleutel. Open het adres dat boardpaper serve toonde.",
  "access.otherSite": "verzoeken van andere sites worden geweigerd",
  "request.sendDocx": "stuur de .docx zelf (Content-Type: {type} of application/octet-stream)",
  "request.sendJson": "stuur JSON (Content-Type: application/json)",
  "request.method": "{method} wordt hier niet gebruikt",
  "request.notFound": "niets op {path}",
  "request.noAsset": "dit bestand van de editor bestaat niet",
  "request.tooLarge": "het verzoek is te groot (meer dan {bytes} bytes)",
  "request.cutOff": "het verzoek is halverwege afgebroken",
  "request.notJson": "het verzoek is geen JSON",
  "request.notObject": "het verzoek moet een JSON-object zijn",
  "internal": "interne fout in boardpaper (een fout in het programma, niet in uw invoer); de terminal van de server heeft de details",
  "notBuilt": "De web-app van de editor is niet gebouwd: voer `npm run build` uit in de map van boardpaper en start `boardpaper serve` opnieuw.",

  // Files (src/serve/files.ts)
  "file.none": "geen bestand genoemd",
  "file.badName": "dit is geen bestandsnaam die de editor aanneemt",
  "file.absolute": "absolute paden worden geweigerd: noem een bestand in data/",
  "file.dots": "`..` en lege delen van een pad worden geweigerd: noem een bestand in data/",
  "file.hidden": "verborgen bestanden en mappen worden geweigerd",
  "file.notYaml": "alleen .yaml-bestanden kunnen geopend of opgeslagen worden",
  "file.outside": "het bestand ligt buiten data/",
  "file.noData": "het project heeft geen map data/",
  "file.missing": "{label}: dit bestand bestaat niet",
  "file.linkOut": "{label} is een koppeling naar een bestand buiten data/; de editor weigert het",
  "file.notFile": "{label} is geen bestand",
  "file.noFolder": "de map van {label} bestaat niet",
  "file.folderOutside": "de map van {label} ligt buiten data/",
  "file.exists": "{label} bestaat al; kies een andere naam",
  "file.gone": "{label} is verwijderd of verplaatst sinds u het opende",
  "file.changed": "{label} is op schijf veranderd (in een ander tabblad of programma) sinds u het opende",

  // The draft (src/serve/documents.ts)
  "draft.none": "er is geen concept meegestuurd",
  "draft.notMapping": "de waarde van het formulier moet velden met hun naam zijn",
  "draft.tooDeep": "de waarde van het formulier is dieper genest dan {depth} niveaus",
  "draft.baseUnreadable": "de tekst waarop het formulier geopend is, is geen leesbare YAML; laad het bestand opnieuw",
  "draft.shape": "een concept heeft `text`, of `baseText` en `value`",
  "draft.nothingToShow": "dit bestand heeft geen eigen document om te tonen; open een voorstel of een vergadering",

  // Open, save, new, import, download (src/serve/server.ts)
  "save.needsBase": "opslaan heeft `base` nodig: de hash van het bestand zoals het geopend is",
  "save.unreadable": "Niet opgeslagen: de YAML kan niet gelezen worden; los de getoonde problemen op.",
  "save.conflict": "Niet opgeslagen: {why}. Laad het opnieuw om die versie te zien (uw wijzigingen hier gaan dan verloren), of kopieer uw wijzigingen eerst uit de YAML-weergave.",
  "new.badName":
    "een bestandsnaam heeft hoogstens {max} letters, cijfers, streepjes, punten en lage streepjes, en begint met een letter of cijfer (bijvoorbeeld vervanging-tankautospuiten)",
  "new.unknownType": "onbekend documenttype `{type}`; de documenttypes: {types}",
  "new.notADocument": "{label} zou niet als document gelezen worden (vergaderingen en huisstijlen hebben hun eigen namen en mappen); kies een andere map of naam",
  "import.empty": "er is geen Word-document meegestuurd (het verzoek is leeg)",
  "import.unreadable": "dit bestand is te groot of te diep genest om te lezen",
  "import.tooLarge": "het bestand is te groot: hoogstens {mb} MB",
  "schema.none": "geen schema voor {kind}",
  "download.format": "het formaat is een van {formats}",
  "download.problems": "Het document kan niet gemaakt worden voordat de problemen zijn opgelost.",
  "download.noPdf": "Voor PDF is LibreOffice (soffice) nodig, en dat is hier niet geïnstalleerd",

  // The changes view (src/serve/documents.ts)
  "changes.notProposal": "De wijzigingen worden per voorstel getoond; dit bestand is geen voorstel.",
  "changes.draftProblems": "Het concept heeft problemen; los ze op om de wijzigingen te zien.",
  "changes.oldInvalid": "De versie in de laatste commit ({label}) komt niet door de controle, en kan dus niet vergeleken worden.",
  "changes.styleProblems": "De huisstijl of de sjablonen hebben problemen.",
  "changes.noGit": "Dit project staat niet in git: er is geen versie in een commit om mee te vergelijken.",
  "changes.newFile": "{label} is nieuw: het staat niet in de laatste commit (HEAD), dus alles erin is nieuw.",
  "changes.noCommits": "De git-repository heeft nog geen commits: er is niets om mee te vergelijken.",
  "changes.gitMissing": "git is niet geïnstalleerd: er is geen versie in een commit om mee te vergelijken.",

  // The list's tables (the kinds' ListSpec, src/kinds/)
} as const;

export type ServeKey = keyof typeof nl;

export const en: { readonly [K in ServeKey]: string } = {
  "access.host": "Forbidden: open the editor as http://127.0.0.1:{port}/ or http://localhost:{port}/",
  "access.badAddress": "Bad request: the address cannot be read.",
  "access.wrongTokenInAddress": "Forbidden: this access key is not the one boardpaper serve printed. Use the address it printed.",
  "access.noTokenApi": "this request carries no access key; open the address boardpaper serve printed",
  "access.noTokenPage": "This editor needs its access key: open the address `boardpaper serve` printed (it ends in ?token=…).",
  "access.wrongTokenApi": "wrong access key",
  "access.wrongTokenPage": "Forbidden: wrong access key. Open the address boardpaper serve printed.",
  "access.otherSite": "requests from other sites are refused",
  "request.sendDocx": "send the .docx itself (Content-Type: {type} or application/octet-stream)",
  "request.sendJson": "send JSON (Content-Type: application/json)",
  "request.method": "{method} is not used here",
  "request.notFound": "nothing at {path}",
  "request.noAsset": "no such asset",
  "request.tooLarge": "request too large (over {bytes} bytes)",
  "request.cutOff": "the request body was cut off",
  "request.notJson": "the request body is not JSON",
  "request.notObject": "the request body must be a JSON object",
  "internal": "internal error in boardpaper (a bug, not your input); the server's terminal has the details",
  "notBuilt": "The editor's web app is not built: run `npm run build` in the boardpaper folder, then start `boardpaper serve` again.",

  "file.none": "no file named",
  "file.badName": "this is not a file name the editor accepts",
  "file.absolute": "absolute paths are refused: name a file inside data/",
  "file.dots": "`..` and empty path segments are refused: name a file inside data/",
  "file.hidden": "hidden files and folders are refused",
  "file.notYaml": "only .yaml files can be opened or saved",
  "file.outside": "the file lies outside data/",
  "file.noData": "the project has no data/ folder",
  "file.missing": "{label}: no such file",
  "file.linkOut": "{label} is a link to a file outside data/; the editor refuses it",
  "file.notFile": "{label} is not a file",
  "file.noFolder": "the folder of {label} does not exist",
  "file.folderOutside": "the folder of {label} lies outside data/",
  "file.exists": "{label} already exists; choose another name",
  "file.gone": "{label} was deleted or moved since you opened it",
  "file.changed": "{label} was changed on disk (in another tab or program) since you opened it",

  "draft.none": "no draft sent",
  "draft.notMapping": "the form's value must be a mapping",
  "draft.tooDeep": "the form's value is nested deeper than {depth} levels",
  "draft.baseUnreadable": "the text the form was opened on is not readable YAML; reload the file",
  "draft.shape": "a draft has `text`, or `baseText` and `value`",
  "draft.nothingToShow": "this file has no document of its own to show; open a proposal or a meeting",

  "save.needsBase": "save needs `base`: the hash of the file as it was opened",
  "save.unreadable": "Not saved: the YAML cannot be read; fix the problems shown.",
  "save.conflict": "Not saved: {why}. Reload it to see that version (your edits here are then lost), or copy your edits from the YAML view first.",
  "new.badName": "a file name is at most {max} letters, digits, dashes, dots and underscores, starting with a letter or digit (e.g. vervanging-tankautospuiten)",
  "new.unknownType": "unknown document type `{type}`; the types: {types}",
  "new.notADocument": "{label} would not be read as a document (meetings and house styles have their own names and folders); choose another folder or name",
  "import.empty": "no Word document was sent (the request body is empty)",
  "import.unreadable": "this file is too large or too deeply nested to read",
  "import.tooLarge": "the file is too large: at most {mb} MB",
  "schema.none": "no schema for {kind}",
  "download.format": "format is one of {formats}",
  "download.problems": "The document cannot be made until the problems are fixed.",
  "download.noPdf": "PDF needs LibreOffice (soffice), which is not installed here",

  "changes.notProposal": "The changes view compares proposals; this file is not a proposal.",
  "changes.draftProblems": "The draft has problems; fix them to see the changes.",
  "changes.oldInvalid": "The version in the last commit ({label}) does not pass the check, so it cannot be compared.",
  "changes.styleProblems": "The house style or templates have problems.",
  "changes.noGit": "This project is not in git, so there is no committed version to compare with.",
  "changes.newFile": "{label} is new: it is not in the last commit (HEAD), so everything in it is new.",
  "changes.noCommits": "The git repository has no commits yet, so there is nothing to compare with.",
  "changes.gitMissing": "git is not installed, so there is no committed version to compare with.",

};

const CATALOGUES: { readonly [L in Lang]: { readonly [K in ServeKey]: string } } = { nl, en };

/** The parameters of message K, read from its Dutch text (src/i18n/format.ts). */
export type ServeParams<K extends ServeKey> = MessageParams<(typeof nl)[K]>;

/**
 * Something to say to the browser, in whichever language the request asks for: made where the
 * refusal is found (which does not know the request), said where the answer is written.
 */
export class Message {
  private constructor(
    readonly key: ServeKey,
    readonly params: Params,
  ) {}

  static of<K extends ServeKey>(key: K, ...params: ServeParams<K>): Message {
    return new Message(key, (params[0] ?? {}) as Params);
  }

  in(lang: Lang): string {
    return formatMessage(CATALOGUES[lang][this.key], this.params, LOCALES[lang]);
  }

  /** In Dutch: the text of the errors that carry it (for logs, and for whoever reads `.message`). */
  toString(): string {
    return this.in("nl");
  }
}

/** Message `key` in `lang`. */
export function say<K extends ServeKey>(lang: Lang, key: K, ...params: ServeParams<K>): string {
  return Message.of(key, ...params).in(lang);
}
