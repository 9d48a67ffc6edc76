"""O conjunto de instruções do capítulo 07: formato, tamanhos, duplicatas, contas refeitas e o cartão.

As contas (aritmetica e conversao) são refeitas aqui a partir do texto de cada pergunta, com expressões
regulares próprias, sem usar a lógica do gerador; o teste exige que todas as entradas dessas categorias
tenham sido reconhecidas, para nenhuma escapar da conferência.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "07-instruction-tuning" / "instrucoes-pt-br.json"
CARD = ROOT / "07-instruction-tuning" / "instrucoes-pt-br.md"
GENERATOR = ROOT / "ferramentas" / "instrucoes07.py"

CATEGORIES = {"gramatica", "sinonimos_antonimos", "reescrita", "definicoes", "aritmetica", "conversao",
              "classificacao", "extracao", "traducao", "fatos"}

# Um número no formato do curso: "7", "2 500", "12 000", "0,75".
N = r"(\d{1,3}(?: \d{3})*(?:,\d+)?)"


@pytest.fixture(scope="module")
def entries():
    return json.loads(DATA.read_text(encoding="utf-8"))


def text_of(item):
    return item["instruction"] + (" " + item["input"] if item["input"] else "")


def number(text):
    return Fraction(text.replace(" ", "").replace(",", "."))


def pt_br(value):
    """Fraction → texto: vírgula decimal, espaço como separador de milhar a partir de 1 000."""
    value = Fraction(value)
    decimal = Decimal(value.numerator) / Decimal(value.denominator)
    assert decimal * value.denominator == value.numerator, f"{value} não tem decimal exato"
    integer, _, decimals = format(decimal, "f").partition(".")
    decimals = decimals.rstrip("0")
    integer = f"{int(integer):,}".replace(",", " ")
    return integer + ("," + decimals if decimals else "")


def normalize(text):
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


# ---------------------------------------------------------------------------------------------------------
# formato e tamanho
# ---------------------------------------------------------------------------------------------------------


def test_schema_and_size(entries):
    assert isinstance(entries, list)
    assert len(entries) >= 1100
    for item in entries:
        assert set(item) == {"instruction", "input", "output", "category"}, item
        assert all(isinstance(value, str) for value in item.values()), item
        assert item["instruction"] and item["output"], item
        for key in ("instruction", "input", "output"):
            assert item[key] == item[key].strip(), item
        assert item["category"] in CATEGORIES, item
    counts = Counter(item["category"] for item in entries)
    assert set(counts) == CATEGORIES
    assert min(counts.values()) >= 80, counts


def test_file_is_written_as_documented():
    raw = DATA.read_text(encoding="utf-8")
    assert raw.endswith("]\n")
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False, indent=1) + "\n"


def test_lengths(entries):
    totals = [len(item["instruction"]) + len(item["input"]) + len(item["output"]) for item in entries]
    assert max(totals) <= 300
    assert sum(total <= 220 for total in totals) >= 0.95 * len(entries)
    words = [len(item["output"].split()) for item in entries]
    assert max(words) <= 40
    assert sum(count <= 15 for count in words) >= 0.9 * len(entries)


def test_no_exact_or_near_duplicates(entries):
    keys = Counter(normalize(item["instruction"] + " " + item["input"]) for item in entries)
    repeated = [key for key, count in keys.items() if count > 1]
    assert not repeated, repeated[:5]
    sets = [frozenset(normalize(" ".join((item["instruction"], item["input"], item["output"]))).split())
            for item in entries]
    close = []
    for i, a in enumerate(sets):
        for j in range(i + 1, len(sets)):
            b = sets[j]
            if len(a & b) >= 0.9 * len(a | b):
                close.append((entries[i], entries[j]))
    assert not close, close[:3]


def test_committed_json_matches_generator(entries):
    spec = importlib.util.spec_from_file_location("instrucoes07", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build_entries() == entries


# ---------------------------------------------------------------------------------------------------------
# o cartão do conjunto
# ---------------------------------------------------------------------------------------------------------


def card_table():
    lines = CARD.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines)
                 if re.fullmatch(r"\|\s*categoria\s*\|\s*entradas\s*\|\s*exemplos de tarefa\s*\|", line.strip()))
    rows = {}
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        rows[cells[0].strip("`* ")] = int(cells[1].strip("* ").replace(" ", "").replace("\u202f", ""))
    return rows


def test_card_table_matches_data(entries):
    rows = card_table()
    total = rows.pop("total")
    assert rows == dict(Counter(item["category"] for item in entries))
    assert total == len(entries)


# ---------------------------------------------------------------------------------------------------------
# aritmetica: cada conta refeita a partir do texto
# ---------------------------------------------------------------------------------------------------------

PREFIX = r"(?:(?:Resolva o problema\.|Leia o problema e responda\.|Responda com uma frase curta\.) )?"
ARITHMETIC = [
    # (padrão do texto inteiro, conta, resposta esperada: só o número quando None)
    (rf"Quanto é {N} \+ {N}\?", lambda a, b: a + b),
    (rf"Calcule {N} mais {N}\.", lambda a, b: a + b),
    (rf"Qual é a soma de {N} e {N}\?", lambda a, b: a + b),
    (rf"Some os números\. {N} e {N}", lambda a, b: a + b),
    (rf"Resolva a conta\. {N} \+ {N}", lambda a, b: a + b),
    (rf"Quanto dá {N} mais {N}\?", lambda a, b: a + b),
    (rf"Quanto é {N} - {N}\?", lambda a, b: a - b),
    (rf"Calcule {N} menos {N}\.", lambda a, b: a - b),
    (rf"Qual é a diferença entre {N} e {N}\?", lambda a, b: a - b),
    (rf"Subtraia {N} de {N}\.", lambda b, a: a - b),
    (rf"Resolva a conta\. {N} - {N}", lambda a, b: a - b),
    (rf"Quanto dá {N} menos {N}\?", lambda a, b: a - b),
    (rf"Quanto é {N} × {N}\?", lambda a, b: a * b),
    (rf"Calcule {N} vezes {N}\.", lambda a, b: a * b),
    (rf"Qual é o produto de {N} por {N}\?", lambda a, b: a * b),
    (rf"Multiplique {N} por {N}\.", lambda a, b: a * b),
    (rf"Resolva a conta\. {N} × {N}", lambda a, b: a * b),
    (rf"Quanto dá {N} vezes {N}\?", lambda a, b: a * b),
    (rf"Qual é o dobro de {N}\?", lambda a: 2 * a),
    (rf"Calcule o dobro de {N}\.", lambda a: 2 * a),
    (rf"Quanto é o dobro do número\? {N}", lambda a: 2 * a),
    (rf"Diga o dobro de {N}\.", lambda a: 2 * a),
    (rf"Qual é a metade de {N}\?", lambda a: a / 2),
    (rf"Calcule a metade de {N}\.", lambda a: a / 2),
    (rf"Quanto é a metade do número\? {N}", lambda a: a / 2),
    (rf"Divida {N} por 2\.", lambda a: a / 2),
    (rf"Qual é o triplo de {N}\?", lambda a: 3 * a),
    (rf"Calcule o triplo de {N}\.", lambda a: 3 * a),
    (rf"Quanto é o triplo do número\? {N}", lambda a: 3 * a),
    (rf"Diga o triplo de {N}\.", lambda a: 3 * a),
]
# Problemas: grupos nomeados n (nome), o (objeto), a e b (números); a resposta é uma frase com o resultado r.
PROBLEMS = [
    (rf"(?P<n>\w+) tem (?P<a>{N}) (?P<o>\w+) e ganha mais (?P<b>{N})\. Com quant[ao]s (?P=o) el[ae] fica\?",
     lambda a, b: a + b, "{n} fica com {r} {o}."),
    (rf"(?P<n>\w+) comprou (?P<a>{N}) (?P<o>\w+) de manhã e (?P<b>{N}) à tarde\. Quant[ao]s (?P=o) comprou ao todo\?",
     lambda a, b: a + b, "{n} comprou {r} {o} ao todo."),
    (rf"(?P<n>\w+) tinha (?P<a>{N}) (?P<o>\w+) e deu (?P<b>{N}) a um amigo\. Com quant[ao]s (?P=o) el[ae] ficou\?",
     lambda a, b: a - b, "{n} ficou com {r} {o}."),
    (rf"Uma caixa tem (?P<a>{N}) (?P<o>\w+)\. (?P<n>\w+) tira (?P<b>{N})\. Quant[ao]s (?P=o) sobram na caixa\?",
     lambda a, b: a - b, "Sobram {r} {o} na caixa."),
    (rf"(?P<n>\w+) comprou (?P<a>{N}) pacotes com (?P<b>{N}) (?P<o>\w+) cada\. Quant[ao]s (?P=o) são ao todo\?",
     lambda a, b: a * b, "São {r} {o} ao todo."),
    (rf"Há (?P<a>{N}) caixas com (?P<b>{N}) (?P<o>\w+) em cada uma\. Quant[ao]s (?P=o) há ao todo\?",
     lambda a, b: a * b, "Há {r} {o} ao todo."),
    (rf"(?P<n>\w+) vai repartir (?P<a>{N}) (?P<o>\w+) igualmente entre (?P<b>{N}) amigos\. "
     rf"Quant[ao]s (?P=o) cada amigo recebe\?",
     lambda a, b: a / b, "Cada amigo recebe {r} {o}."),
]


def expected_arithmetic(text):
    """Refaz a conta do texto; devolve a resposta esperada, ou None se nenhum padrão reconhece o texto."""
    answers = []
    for pattern, operation in ARITHMETIC:
        match = re.fullmatch(pattern, text)
        if match:
            answers.append(pt_br(operation(*(number(group) for group in match.groups()))))
    for pattern, operation, template in PROBLEMS:
        match = re.fullmatch(PREFIX + pattern, text)
        if match:
            a, b = number(match["a"]), number(match["b"])
            result = operation(a, b)
            assert result.denominator == 1 and result >= 2, text
            answers.append(template.format(n=match.groupdict().get("n"), o=match["o"], r=pt_br(result)))
    assert len(answers) <= 1, f"mais de um padrão reconhece {text!r}"
    return answers[0] if answers else None


def assert_all_recomputed(entries, category, expected_answer):
    """Toda entrada da categoria é lida pelo conferidor (nenhuma escapa) e a resposta bate com a conta refeita."""
    items = [item for item in entries if item["category"] == category]
    assert len(items) >= 80
    unparsed, wrong = [], []
    for item in items:
        expected = expected_answer(text_of(item))
        if expected is None:
            unparsed.append(text_of(item))
        elif item["output"] != expected:
            wrong.append((text_of(item), item["output"], expected))
    assert not unparsed, unparsed[:5]
    assert not wrong, wrong[:5]


def test_every_arithmetic_entry_is_recomputed(entries):
    assert_all_recomputed(entries, "aritmetica", expected_arithmetic)


def test_arithmetic_checker_catches_a_wrong_answer():
    assert expected_arithmetic("Quanto é 7 + 5?") == "12"
    assert expected_arithmetic("Subtraia 8 de 20.") == "12"
    assert expected_arithmetic("Qual é a metade de 15?") == "7,5"
    assert expected_arithmetic("Resolva a conta. 900 + 350") == "1 250"
    assert expected_arithmetic("Ana tem 5 maçãs e ganha mais 3. Com quantas maçãs ela fica?") == "Ana fica com 8 maçãs."
    assert expected_arithmetic("Quanto é 7 + 5? Responda.") is None


# ---------------------------------------------------------------------------------------------------------
# conversao: valor e unidade de origem, unidade de destino, tudo lido do texto
# ---------------------------------------------------------------------------------------------------------

# símbolo → (grandeza, tamanho na unidade de base)
UNITS = {
    "km": ("comprimento", 1000), "m": ("comprimento", 1), "cm": ("comprimento", Fraction(1, 100)),
    "kg": ("massa", 1000), "g": ("massa", 1),
    "dias": ("tempo", 86400), "h": ("tempo", 3600), "min": ("tempo", 60), "s": ("tempo", 1),
    "L": ("volume", 1000), "mL": ("volume", 1),
}
UNIT_WORDS = {"quilômetros": "km", "metros": "m", "centímetros": "cm", "quilogramas": "kg", "gramas": "g",
              "dias": "dias", "horas": "h", "minutos": "min", "segundos": "s", "litros": "L", "mililitros": "mL"}
SOURCE = re.compile(rf"{N} (km|cm|kg|mL|min|dias|m|g|h|s|L)\b")
TARGET = re.compile(r"\b(" + "|".join(UNIT_WORDS) + r")\b")


def expected_conversion(text):
    sources = SOURCE.findall(text)
    if len(sources) != 1:
        return None
    value, source = sources[0]
    targets = {UNIT_WORDS[word] for word in TARGET.findall(text)} - {source}
    if len(targets) != 1:
        return None
    target = targets.pop()
    (kind, size), (target_kind, target_size) = UNITS[source], UNITS[target]
    assert kind == target_kind, text
    assert pt_br(number(value)) == value, f"número fora do formato do curso em {text!r}"
    return f"{value} {source} = {pt_br(number(value) * size / target_size)} {target}"


def test_every_conversion_entry_is_recomputed(entries):
    assert_all_recomputed(entries, "conversao", expected_conversion)


def test_conversion_checker_catches_a_wrong_answer():
    assert expected_conversion("Converta 2,5 km em metros.") == "2,5 km = 2 500 m"
    assert expected_conversion("Quantas horas há em 3 dias?") == "3 dias = 72 h"
    assert expected_conversion("Converta a medida para quilogramas. 12 500 g") == "12 500 g = 12,5 kg"
    assert expected_conversion("Quantos minutos há em 0,75 h?") == "0,75 h = 45 min"
    assert expected_conversion("Converta 2 km.") is None


# ---------------------------------------------------------------------------------------------------------
# outras conferências automáticas (classificação e extração) e alguns fatos
# ---------------------------------------------------------------------------------------------------------


def test_checkable_classification_answers(entries):
    checked = 0
    for item in entries:
        if item["category"] != "classificacao":
            continue
        text = text_of(item)
        if "par ou ímpar" in text:
            n = int(re.search(r"\d+", text)[0])
            assert item["output"] == ("par" if n % 2 == 0 else "ímpar"), item
            checked += 1
        elif "vogal ou" in text:
            letter = re.search(r'(?:"(\w)"|\. (\w)$)', text)
            letter = letter[1] or letter[2]
            assert item["output"] == ("vogal" if letter in "aeiou" else "consoante"), item
            checked += 1
        elif "maior" in text:
            numbers = [int(x) for x in re.findall(r"\d+", text)]
            assert len(numbers) == 2 and item["output"] == str(max(numbers)), item
            checked += 1
    assert checked >= 30


def sentence_of(item):
    if item["input"]:
        return item["input"]
    return re.search(r'"(.+)"', item["instruction"])[1]


def test_checkable_extraction_answers(entries):
    checked = 0
    for item in entries:
        if item["category"] != "extracao":
            continue
        instruction = item["instruction"]
        if "palavras" in instruction:
            assert int(item["output"]) == len(sentence_of(item).split()), item
        elif "primeira palavra" in instruction:
            assert item["output"] == sentence_of(item).split()[0], item
        elif "última palavra" in instruction:
            assert item["output"] == sentence_of(item).split()[-1].rstrip("."), item
        else:
            assert item["input"] and item["output"] in item["input"], item
        checked += 1
    assert checked == sum(item["category"] == "extracao" for item in entries)


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"A capital da Bahia é (.+)\.", "Salvador"),
    (r"A capital do Tocantins é (.+)\.", "Palmas"),
    (r"A capital da Paraíba é (.+)\.", "João Pessoa"),
    (r"A capital do Maranhão é (.+)\.", "São Luís"),
    (r"A capital do Espírito Santo é (.+)\.", "Vitória"),
    (r"A capital de Mato Grosso do Sul é (.+)\.", "Campo Grande"),
    (r"A capital de Rondônia é (.+)\.", "Porto Velho"),
    (r"O Tocantins fica na Região (.+)\.", "Norte"),
    (r"Goiás fica na Região (.+)\.", "Centro-Oeste"),
    (r"O maior estado do Brasil em área é (.+)\.", "o Amazonas"),
    (r"A água ferve a (.+) ao nível do mar\.", "100 °C"),
    (r"O Sistema Solar tem (.+) planetas\.", "oito"),
    (r"Um ano bissexto tem (.+) dias\.", "366"),
])
def test_fact_spot_checks(entries, pattern, expected):
    found = [re.fullmatch(pattern, item["output"]) for item in entries if item["category"] == "fatos"]
    found = [match[1] for match in found if match]
    assert found == [expected]


def test_card_prose_numbers_match_data(entries):
    card = CARD.read_text(encoding="utf-8")
    with_input = int(re.search(r"\((\d[\d ]*) entradas têm `input`\)", card)[1].replace(" ", ""))
    assert with_input == sum(bool(item["input"]) for item in entries)
    mean = int(re.search(r"somam em média (\d+) caracteres", card)[1])
    totals = [len(item["instruction"]) + len(item["input"]) + len(item["output"]) for item in entries]
    assert mean == round(sum(totals) / len(totals))
    total = int(re.search(r"Um conjunto de (\d[\d ]*) pares", card)[1].replace(" ", ""))
    assert total == len(entries)
