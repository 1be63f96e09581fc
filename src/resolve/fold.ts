// The one folding of spelling variants that both sides of the pipeline use: cross-article
// resolution (resolve/names.ts: are two names in two articles one name?) and Wikidata linking
// (link/normalise.ts: is a name in an article a label or alias of a Wikidata record?). Both
// must agree on which spellings are the same name, so both take their folding from here.
// Tokenising, acronyms and titles stay with each side; this is letters and romanisations only.

/** Letters NFKD does not take apart. */
const LATIN_EXTRA: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h" };

/** Lower-case text with diacritics removed and special Latin letters spelt out: "Łódź Straße" → "lodz strasse". */
export function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþıħ]/g, (c) => LATIN_EXTRA[c]);
}

/**
 * One spelling of a folded name token, whatever the romanisation:
 * Sergei/Sergey/Sergej, Aleksei/Alexei/Alexey, Yuri/Yury, Dmitri/Dmitriy/Dmitry,
 * Yekaterina/Ekaterina, Navalny/Navalnyy, Zelensky/Zelenskyy/Zelenskiy,
 * Mohammed/Muhammad/Mohamad, Abdel/Abdul; doubled Latin letters count once (but "莉莉" is
 * not "莉"). Idempotent; a token's first "j" is kept ("Jan" is not "Ian"), and so is the
 * difference between "ivan" and "ivana".
 */
export function foldTransliteration(token: string): string {
  return token
    .replace(/^m[ou]h[ae]mm?[ae]d$/, "muhammad")
    .replace(/^abd[eu]l/, "abdul")
    .replace(/^ye/, "e")
    .replace(/ks/g, "x")
    .replace(/y/g, "i")
    .replace(/(?!^)j/g, "i")
    .replace(/(\p{Script=Latin})\1+/gu, "$1");
}
