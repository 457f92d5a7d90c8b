/**
 * The editor's Dutch messages: the default language, and the one every key is declared in.
 * Words follow the glossary (../shared/design/DOMAIN.md) and the command line's catalogue
 * (src/i18n/nl.ts): voorstel, vergadering, documenttype, map, bestand, huisstijl, voorbeeld (the
 * preview), controle (what `check` does). The field labels and descriptions of the form are not
 * here: they are the document types' own (Dutch) words.
 *
 * Syntax (src/i18n/format.ts, shared with the command line): `{name}` is a parameter;
 * `{n, plural, one {# probleem} other {# problemen}}` a plural (`#` is the number). A plural
 * branch is more than one word, or holds `#`. `code` in backticks is shown as code where a
 * message is put in the page as rich text. en.ts has exactly these keys, and each message there
 * uses the same parameters (test/serve-i18n.test.ts).
 */
export const nl = {
  // ── Both pages ──────────────────────────────────────────────────────────────────────────
  "lang.label": "Taal",
  "server.status": "De server antwoordde {status}.",
  "server.gone": "De server van de editor antwoordde niet ({message}); draait boardpaper serve nog?",

  // ── The list page (web/index.html, web/src/list.ts) ─────────────────────────────────────
  "list.pageTitle": "Documenten — boardpaper",
  "list.heading": "Documenten in `data/`",
  "list.loading": "De documenten worden geladen…",
  "list.allValid": "{n, plural, one {# document; het komt door de controle.} other {# documenten; alle komen door de controle.}}",
  "list.someInvalid": "{n, plural, one {# document} other {# documenten}}; {bad} met problemen.",
  "list.notLoaded": "De lijst kon niet geladen worden: {message}. Draait boardpaper serve nog?",
  "list.check": "Controle",
  "list.file": "Bestand",
  "list.valid": "✓ in orde",
  "list.problems": "✗ {n, plural, one {# probleem} other {# problemen}}",
  "list.noValue": "—",

  "new.heading": "Nieuw document",
  "new.hint": "Maakt hetzelfde bestand als `boardpaper new`: elk veld, met de waarden die nog ingevuld moeten worden gemarkeerd als <<…>>.",
  "new.type": "Documenttype",
  "new.folder": "Map",
  "new.name": "Bestandsnaam",
  "new.create": "Document maken",
  "new.nameHint": "Letters, cijfers en streepjes, bijvoorbeeld `vervanging-tankautospuiten`; `.yaml` wordt toegevoegd.",

  "import.heading": "Importeren uit Word",
  "import.hint":
    "Leest een voorstel dat in Word geschreven is in als nieuw document, zoals `boardpaper import` dat doet, en opent het in de editor. Wat niet overgenomen kon worden, staat daar; waarden die niet gevonden zijn, zijn gemarkeerd als <<…>>.",
  "import.file": "Word-document (.docx)",
  "import.type": "Importeren als",
  "import.folder": "In map",
  "import.name": "Opslaan als",
  "import.submit": "Importeren",
  "import.fileHint": "Een .docx uit Word of LibreOffice, van hoogstens {max}.",
  "import.nameHint": "De naam van het nieuwe bestand: letters, cijfers en streepjes; `.yaml` wordt toegevoegd. Als u een Word-bestand kiest, wordt zijn naam overgenomen.",
  "import.megabytes": "{size} MB",
  "import.chooseFile": "Kies een Word-document (.docx) om te importeren.",
  "import.tooLarge": "{name} is {size}; de editor importeert Word-documenten van hoogstens {max}.",
  "import.busy": "{name} wordt geïmporteerd…",
  "import.done": "{name} is geïmporteerd als {label}; het wordt geopend in de editor…",
  "import.notSent": "Het bestand kon niet verstuurd worden ({message}); draait boardpaper serve nog?",

  // ── The editor (web/edit.html, web/src/editor.ts) ───────────────────────────────────────
  "edit.pageTitle": "Editor — boardpaper",
  "edit.titled": "{title} — boardpaper-editor",
  "edit.back": "Terug",
  "edit.allDocuments": "Alle documenten",
  "edit.heading": "Editor",
  "edit.unsaved": "niet opgeslagen wijzigingen",
  "edit.save": "Opslaan",
  "edit.download": "Downloaden:",
  "edit.reload": "Opnieuw laden van schijf",
  "edit.editHeading": "Bewerken",
  "edit.editAs": "Bewerken als",
  "edit.form": "Formulier",
  "edit.yaml": "YAML",
  "edit.yamlLabel": "YAML-tekst",
  "edit.yamlHint": "Wordt opgeslagen zoals u het typt. De problemen staan onder de tekst met hun regel en kolom; kies er een om erheen te gaan.",
  "edit.viewHeading": "Bekijken",
  "edit.preview": "Voorbeeld",
  "edit.changes": "Wijzigingen sinds de laatste commit",
  "edit.previewFrame": "Voorbeeld van het document",
  "edit.changesFrame": "Wijzigingen sinds de laatste commit",

  "edit.noFile": "Geen bestand gekozen: ga terug naar de lijst van documenten.",
  "edit.cannotOpen": "Dit bestand kan niet geopend worden",
  "edit.notStarted": "De editor kon niet starten: {message}. Draait boardpaper serve nog?",
  "edit.noForm": "De YAML kan niet als formulier gelezen worden (zie de genoemde problemen). Herstel hem in de YAML-weergave.",

  "preview.shown": "Het document zoals het gedrukt wordt.",
  "preview.timed": "Het document zoals het gedrukt wordt. Bijgewerkt in {ms} ms.",
  "preview.timedServer": "Het document zoals het gedrukt wordt. Bijgewerkt in {ms} ms (server {server} ms).",
  "preview.stale": "U ziet de laatste versie zonder problemen: los {n, plural, one {het genoemde probleem} other {de # genoemde problemen}} op om uw laatste wijzigingen te zien.",
  "preview.none": "Nog geen voorbeeld: los eerst {n, plural, one {het genoemde probleem} other {de # genoemde problemen}} op.",

  "problems.found": "{n, plural, one {# probleem} other {# problemen}} gevonden bij de controle",
  "problems.list": "De lijst, met links naar de velden",
  "problems.at": "({path}, regel {line})",
  "problems.none": "Geen problemen",
  "problems.count": "{n, plural, one {# probleem} other {# problemen}}",
  "problems.lineCol": "Regel {line}, kolom {col}",
  "problems.inFile": "in {file}",

  "changes.none": "Geen wijzigingen sinds de laatste commit ({against}).",
  "changes.some": "{n, plural, one {# wijziging} other {# wijzigingen}} sinds de laatste commit ({against}): ingevoegde tekst is onderstreept, verwijderde tekst doorgestreept.",

  "save.busy": "Bezig met opslaan…",
  "save.conflict": "Niet opgeslagen: het bestand is op schijf veranderd sinds u het opende.",
  "save.not": "Niet opgeslagen.",
  "save.notStatus": "Niet opgeslagen: de server antwoordde {status}.",
  "save.clean": "{file} opgeslagen om {time}; de controle vindt geen problemen.",
  "save.problems": "{file} opgeslagen om {time}; de controle vindt nog {n, plural, one {# probleem} other {# problemen}}.",
  "reload.done": "{file} opnieuw geladen van schijf.",
  "download.pdf": "De PDF wordt met LibreOffice gemaakt (dat duurt een paar seconden)…",
  "download.docx": "Het Word-document wordt gemaakt…",
  "download.html": "De HTML-pagina wordt gemaakt…",
  "download.done": "{name} gedownload (van de tekst zoals die nu in de editor staat).",

  // ── The import report (web/src/import-report.ts) ────────────────────────────────────────
  "report.heading": "Geïmporteerd uit Word",
  "report.notTaken": "Niet overgenomen",
  "report.hide": "Dit verslag verbergen",
  "report.everything": "Alles uit het Word-document is overgenomen.",
  "report.paragraph": "Alinea {n}",
  "report.whole": "Het document als geheel",
  "report.summary": "{from} is geïmporteerd als {label} (documenttype {type}). Waarden die niet gevonden zijn, zijn gemarkeerd als <<…>>; de controle noemt ze.",
  "report.statusAll": "Geïmporteerd uit {from}: alles is overgenomen.",
  "report.statusSome": "Geïmporteerd uit {from}: {n, plural, one {# onderdeel is} other {# onderdelen zijn}} niet overgenomen; het verslag staat bovenaan de pagina.",

  // ── The form (web/src/form.ts, web/src/schema.ts) ───────────────────────────────────────
  "form.optional": "(niet verplicht)",
  "form.example": "Bijvoorbeeld: {example}",
  "form.problem": "Probleem:",
  "form.at": "(regel {line}, kolom {col})",
  "form.notInForm": "Niet in het formulier: {keys} — het schema heeft hier zo’n veld niet; zie de genoemde problemen, of bewerk het in de YAML-weergave.",
  "form.add": "{label} toevoegen",
  "form.remove": "{label} verwijderen",
  "form.addTo": "Toevoegen aan {name}",
  "form.moveUp": "Omhoog",
  "form.moveDown": "Omlaag",
  "form.removeItem": "Verwijderen",
  "form.itemAction": "{action}: {item}",
  "form.empty": "Leeg: niets te zeggen onder “{label}”",
  "form.emptyNote": "Leeg met opzet: de kop wordt gedrukt zonder tekst eronder.",
  "form.formOf": "Vorm van {label}",
  "form.choose": "— kies —",
  "form.none": "— geen —",
  "form.notAllowed": "{value} (niet toegestaan)",
  "form.showFormatted": "Opgemaakt tonen",
  "form.mismatch": "Het bestand heeft hier iets wat het formulier niet kan tonen (verwacht: {expected}); bewerk het in de YAML-weergave:",
  "form.expect.unknown": "deze soort waarde",
  "form.expect.single": "één waarde",
  "form.expect.mapping": "velden met hun naam",
  "form.expect.list": "een lijst",
  "form.alt.text": "Tekst",
  "form.alt.list": "Lijst",
  "form.alt.textWith": "Tekst met {parts}",
  "form.alt.other": "Anders",

  "date.format": "dd-mm-jjjj",
  "date.hint": "Schrijf als dd-mm-jjjj, bijvoorbeeld 01-10-2020.",
  "date.invalid": "“{text}” is geen datum: schrijf dd-mm-jjjj, bijvoorbeeld 01-10-2020.",
  "date.notReal": "“{text}” is geen bestaande datum.",
  "number.amountHint": "Een bedrag in euro’s, met een komma voor de centen: 1.250,50.",
  "number.invalid": "“{text}” is geen getal: schrijf bijvoorbeeld 1.250,50 (een komma voor de decimalen, punten tussen de duizendtallen).",
  "number.dot": "“{text}”: schrijf de decimalen na een komma (1250,50); een punt staat alleen tussen duizendtallen (1.250).",
  "number.integer": "“{text}” is geen geheel getal.",
} as const;

export type WebKey = keyof typeof nl;
