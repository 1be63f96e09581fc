// tokens.ts tells a token's first character by its code when it is ASCII (every token is tested):
// these must answer exactly as the Unicode expressions they stand for, on every code point, alone,
// followed by more text, and in pairs (a single letter is one or two UTF-16 units).
import { describe, expect, it } from "vitest";
import { hasParticleMark, isOneUpper, startsLowerAscii, startsUpper, startsWordChar } from "../../src/extract/tokens.ts";

/** Every code point but the lone surrogates, and a few lone surrogates too. */
function* codePoints(): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff && cp % 64 !== 0) continue;
    yield String.fromCodePoint(cp);
  }
}

describe("tokens' first-character tests answer as the Unicode expressions", () => {
  it("startsUpper is /^\\p{Lu}/u, startsWordChar /^[\\p{L}\\p{N}]/u, isOneUpper /^\\p{Lu}$/u on every code point", () => {
    const wrong: string[] = [];
    for (const c of codePoints()) {
      for (const w of [c, `${c}x`, `${c}.`, `${c}${c}`]) {
        if (startsUpper(w) !== /^\p{Lu}/u.test(w)) wrong.push(`startsUpper ${w.codePointAt(0)}`);
        if (startsWordChar(w) !== /^[\p{L}\p{N}]/u.test(w)) wrong.push(`startsWordChar ${w.codePointAt(0)}`);
        if (isOneUpper(w) !== /^\p{Lu}$/u.test(w)) wrong.push(`isOneUpper ${w.codePointAt(0)} ${w.length}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    for (const w of ["", "A", "É", "𝐀", "Ab", "1", "a"]) {
      expect(startsUpper(w)).toBe(/^\p{Lu}/u.test(w));
      expect(isOneUpper(w)).toBe(/^\p{Lu}$/u.test(w));
    }
  });

  it("a word whose first letter is ASCII lower case is never all capitals", () => {
    for (let c = 0; c < 128; c++) {
      const w = `${String.fromCharCode(c)}BC`;
      if (startsLowerAscii(w)) expect(w.toUpperCase()).not.toBe(w);
    }
    expect(startsLowerAscii("eu")).toBe(true);
    expect(startsLowerAscii("EU")).toBe(false);
    expect(startsLowerAscii("é")).toBe(false);
  });

  it("a name particle needs one of the marks hasParticleMark looks for", () => {
    const NAME_PARTICLE_RE = /^(?:al|el|ad|as|ash|at|an|bin|ibn|abu|van|von|de|da|di|du|del|della|der|la|le)[-‐’']\p{Lu}/u;
    for (const w of ["al-Assad", "el‐Sisi", "d’Estaing", "de'Medici", "van-Dyke", "bin Salman", "alAssad", "la–Paz"]) {
      if (NAME_PARTICLE_RE.test(w)) expect(hasParticleMark(w)).toBe(true);
    }
    expect(hasParticleMark("al-Assad")).toBe(true);
    expect(hasParticleMark("la–Paz")).toBe(false);
  });
});
