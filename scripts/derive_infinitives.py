"""Write rules/sv_infinitives.csv: the verbs' infinitives of the Swedish lemma table.

    python scripts/derive_infinitives.py

planextract.lexicon.is_infinitive reads the list instead of the whole
table (spacy-lookups-data's sv_lemma_lookup), so that extraction needs
neither spaCy nor the table in memory.  Re-run after upgrading
spacy-lookups-data; tests/test_lexicon.py fails while the list is stale.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from spacy.lang.sv.stop_words import STOP_WORDS

from planextract.lexicon import INFINITIVES, derive_infinitives, lemma_table

OUT = Path(__file__).resolve().parents[1] / "rules" / INFINITIVES


def main() -> None:
    words = derive_infinitives(lemma_table(), STOP_WORDS)
    header = (
        f"# source: spacy-lookups-data {version('spacy-lookups-data')} sv_lemma_lookup "
        "(derived by scripts/derive_infinitives.py): lower-case lemmas ending in -a, "
        "not spaCy Swedish stop words, with at least three of the forms "
        "-ar -as -ade -at -ad -er -de -te -t that the table maps to them\n"
    )
    OUT.write_text(header + "infinitive\n" + "".join(w + "\n" for w in words), encoding="utf-8")
    print(f"{OUT}: {len(words)} infinitives")


if __name__ == "__main__":
    main()
