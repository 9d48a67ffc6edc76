"""O novo conjunto de instruções do capítulo 07 (issue 18): formato, divisão por grupo, gêmeos, duplicatas e o cartão.

As conferências que dependem das respostas são refeitas aqui com regras próprias: a ortografia palavra por palavra
(nenhuma forma antiga do mapa na resposta, as mesmas palavras nos mesmos lugares, diferença só onde o mapa manda), as
citações dos fatos procuradas nos livros, o trecho do estilo remontado e achado no livro. As que leem os livros pulam
quando o espelho ../shared/dados não está ao lado do projeto.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "07-instruction-tuning" / "instrucoes-pt-br-v2.json"
CARD = ROOT / "07-instruction-tuning" / "instrucoes-pt-br-v2.md"
GENERATOR = ROOT / "ferramentas" / "instrucoes07_novo.py"
SPLITS = ("treino", "validação", "teste")
KEYS = {"instruction", "input", "output", "family", "group", "phrasing", "split"}

sys.path.insert(0, str(ROOT / "ferramentas"))
import familias07  # noqa: E402
import familias07_corpus as corpus  # noqa: E402

PHRASINGS = {**familias07.PHRASINGS, **corpus.PHRASINGS_CORPUS}
BOOKS_HERE = all((corpus.data_dir() / name).is_file() for name in corpus.BOOK_ENCODINGS)
needs_books = pytest.mark.skipif(not BOOKS_HERE, reason="sem os livros (../shared/dados ou $CURSO_DADOS)")


@pytest.fixture(scope="module")
def entries():
    return json.loads(DATA.read_text(encoding="utf-8"))


def normalize(text):
    """Minúsculas, dígitos mascarados, pontuação fora (acentos ficam)."""
    text = re.sub(r"\d", "0", unicodedata.normalize("NFC", text.lower()))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def bag(text):
    """As palavras normalizadas, sem ordem."""
    return " ".join(sorted(normalize(text).split()))


def template_pattern(template):
    """Um modelo de instrução como expressão regular: cada {campo} vira um grupo que captura o valor."""
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+)" for i, part in enumerate(parts))
    return re.compile(regex, re.DOTALL)


def content(item):
    """O dado do item sem a moldura da formulação: valores dos campos do modelo + input."""
    match = template_pattern(PHRASINGS[item["family"]][item["phrasing"]]).fullmatch(item["instruction"])
    assert match, item
    return " ".join([*match.groupdict().values(), item["input"]])


def held_out(count):
    return max(2, count // 5)


# ---------------------------------------------------------------------------------------------------------
# formato, tamanho e o gerador
# ---------------------------------------------------------------------------------------------------------


def test_schema(entries):
    assert isinstance(entries, list) and entries
    for item in entries:
        assert set(item) == KEYS, item
        assert isinstance(item["phrasing"], int), item
        for key in KEYS - {"phrasing"}:
            assert isinstance(item[key], str), item
            assert item[key] == item[key].strip(), item
        assert item["instruction"] and item["output"] and item["group"], item
        assert item["split"] in SPLITS, item
        assert item["family"] in PHRASINGS, item
        assert 0 <= item["phrasing"] < len(PHRASINGS[item["family"]]), item
        assert template_pattern(PHRASINGS[item["family"]][item["phrasing"]]).fullmatch(item["instruction"]), item


def test_file_is_written_as_documented():
    raw = DATA.read_text(encoding="utf-8")
    assert raw.endswith("]\n")
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False, indent=1) + "\n"


@needs_books
def test_committed_json_matches_generator(entries):
    spec = importlib.util.spec_from_file_location("instrucoes07_novo", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build_entries() == entries


def test_sizes(entries):
    counts = Counter(item["family"] for item in entries)
    assert set(counts) == set(PHRASINGS)
    assert counts["ortografia"] >= 250 and 100 <= counts["romances"] <= 200 and 80 <= counts["estilo"] <= 120
    for family, templates in PHRASINGS.items():
        assert 8 <= len(templates) <= 15, family


def test_lengths(entries):
    totals = [len(item["instruction"]) + len(item["input"]) + len(item["output"]) for item in entries]
    assert max(totals) <= 300
    assert sum(total <= 220 for total in totals) >= 0.95 * len(entries)


# ---------------------------------------------------------------------------------------------------------
# a divisão: por grupo, formulações guardadas, nenhum gêmeo atravessa
# ---------------------------------------------------------------------------------------------------------


def test_no_group_in_two_splits(entries):
    split_of = {}
    for item in entries:
        assert split_of.setdefault(item["group"], item["split"]) == item["split"], item


def test_split_proportions(entries):
    for family in PHRASINGS:
        groups = {item["group"]: item["split"] for item in entries if item["family"] == family}
        share = Counter(groups.values())
        slack = max(0.03, 1 / len(groups))  # uma família de poucos grupos não corta em 20 % exatos
        assert abs(share["teste"] / len(groups) - 0.2) <= slack, (family, share)
        assert abs(share["validação"] / len(groups) - 0.1) <= slack, (family, share)


def test_held_out_phrasings_never_in_training(entries):
    for family, templates in PHRASINGS.items():
        first_held = len(templates) - held_out(len(templates))
        assert held_out(len(templates)) >= 2
        rows = [item for item in entries if item["family"] == family]
        assert not [item for item in rows if item["split"] == "treino" and item["phrasing"] >= first_held]
        assert {item["phrasing"] for item in rows if item["split"] == "treino"} == set(range(first_held)), family


def test_no_twin_of_a_test_entry_in_training(entries):
    """Para cada entrada de validação/teste, nenhuma de treino tem o mesmo conteúdo (palavras sem ordem) nem é o
    par invertido (entrada ↔ saída)."""
    training = [item for item in entries if item["split"] == "treino"]
    same = {bag(content(item) + " " + item["output"]) for item in training}
    pairs = {(bag(content(item)), bag(item["output"])) for item in training}
    twins = []
    for item in entries:
        if item["split"] == "treino":
            continue
        if bag(content(item) + " " + item["output"]) in same or (bag(item["output"]), bag(content(item))) in pairs:
            twins.append(item)
    assert not twins, twins[:3]


def test_no_exact_or_near_duplicates(entries):
    keys = Counter(normalize(item["instruction"] + " " + item["input"]) for item in entries)
    repeated = [key for key, count in keys.items() if count > 1]
    assert not repeated, repeated[:5]
    sets = [frozenset(normalize(content(item) + " " + item["output"]).split()) for item in entries]
    close = []
    for i, a in enumerate(sets):
        for j in range(i + 1, len(sets)):
            b = sets[j]
            if entries[i]["group"] != entries[j]["group"] and len(a & b) >= 0.9 * len(a | b):
                close.append((entries[i], entries[j]))
    assert not close, close[:3]


# ---------------------------------------------------------------------------------------------------------
# ortografia: refeita palavra por palavra
# ---------------------------------------------------------------------------------------------------------

WORDS = re.compile(r"[^\W\d_]+")
# Marcas da grafia antiga que não existem na de hoje (rr e ss existem).
OLD_MARKS = re.compile(r"th|ph|y|([bcdfglmnpt])\1")


def test_spelling_map_is_sane():
    old_forms = set(corpus.SPELLING_MAP)
    assert len(old_forms) >= 100
    for old, new in corpus.SPELLING_MAP.items():
        assert old == old.lower() and new == new.lower() and old != new, (old, new)
        assert new not in old_forms, (old, new)  # uma forma moderna nunca é, ela mesma, trocada
        assert not OLD_MARKS.search(new), (old, new)
    for old, new in {"elle": "ele", "ella": "ela", "annos": "anos", "á": "à", "ás": "às", "hontem": "ontem",
                     "theatro": "teatro", "comprehender": "compreender", "sahir": "sair"}.items():
        assert corpus.SPELLING_MAP[old] == new


def test_spelling_answers_recomputed(entries):
    rows = [item for item in entries if item["family"] == "ortografia"]
    assert rows
    old_forms = corpus.SPELLING_MAP
    for item in rows:
        before = WORDS.findall(item["input"])
        after = WORDS.findall(item["output"])
        assert item["group"] == "ortografia:" + item["input"], item
        assert len(before) == len(after), item
        assert any(word.lower() in old_forms for word in before), item
        assert not [word for word in after if word.lower() in old_forms], item
        assert not [word for word in after if OLD_MARKS.search(word.lower())], item
        for old, new in zip(before, after):
            if old.lower() in old_forms:
                assert new.lower() == old_forms[old.lower()] and new[0].isupper() == old[0].isupper(), (old, new)
            else:
                assert new == old, (old, new, item)
        # fora das palavras, nada muda: a mesma pontuação e os mesmos espaços
        assert WORDS.sub("_", item["input"]) == WORDS.sub("_", item["output"]), item
        assert 30 <= len(item["input"]) <= 110, item


# ---------------------------------------------------------------------------------------------------------
# romances e estilo: conferidos nos livros
# ---------------------------------------------------------------------------------------------------------


def test_facts_are_short_and_from_pretraining_books(entries):
    ids = [fact[0] for fact in corpus.FACTS]
    assert len(ids) == len(set(ids))
    for fact_id, book, _quote, answer, questions in corpus.FACTS:
        assert book in corpus.BOOK_ENCODINGS and book != "memorialdeayres.txt", fact_id
        assert len(answer.split()) <= 6 and questions, fact_id
    groups = {item["group"] for item in entries if item["family"] == "romances"}
    assert groups == {f"romances:{fact_id}" for fact_id in ids}


@needs_books
def test_every_fact_quote_is_in_its_book():
    missing = [(fact_id, quote) for fact_id, book, quote, *_ in corpus.FACTS if quote not in corpus.flat_text(book)]
    assert not missing, missing


@needs_books
def test_style_continuations_are_real(entries):
    rows = [item for item in entries if item["family"] == "estilo"]
    books = " ".join(corpus.flat_text(name) for name in corpus.PROSE_BOOKS)
    for item in rows:
        sentence = item["group"].removeprefix("estilo:")
        assert item["input"] + " " + item["output"] == sentence, item
        assert sentence in books, item
        assert 1 <= len(item["output"].split()) <= 12, item


# ---------------------------------------------------------------------------------------------------------
# o cartão
# ---------------------------------------------------------------------------------------------------------


def card_table():
    """família → {parte: número}, lida da tabela do cartão: "| nome | `id` | treino | validação | teste | total |"."""
    table = {}
    for line in CARD.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|[^|]+\|\s*`(\w+)`\s*\|" + r"\s*([\d ]+)\s*\|" * 4, line)
        if match:
            numbers = [int(value.replace(" ", "")) for value in match.groups()[1:]]
            table[match.group(1)] = dict(zip((*SPLITS, "total"), numbers))
    return table


def test_card_counts_match_data(entries):
    expected = {}
    for item in entries:
        row = expected.setdefault(item["family"], dict.fromkeys((*SPLITS, "total"), 0))
        row[item["split"]] += 1
        row["total"] += 1
    assert card_table() == expected


def test_card_states_hash_and_licence():
    text = CARD.read_text(encoding="utf-8")
    digest = hashlib.sha256(DATA.read_bytes()).hexdigest()
    assert digest in text
    assert "CC BY 4.0" in text and "domínio público" in text
