"""As famílias do novo conjunto de instruções do capítulo 07 (`ferramentas/familias07.py`, issue 18).

Cada resposta que sai de uma regra é refeita aqui por um caminho próprio, sem chamar as funções do módulo: o
tipo da frase pela pontuação, a pessoa pelo pronome, a negativa, a pergunta, o plural e o feminino, a primeira e
a última palavra, o pedaço copiado do trecho, a forma escolhida entre as duas mostradas. A sub-tarefa de cada
item é lida nas palavras do pedido que o aluno vê, não num campo escrito pelo gerador.
"""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from itertools import permutations
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ferramentas"))

import familias07 as fam  # noqa: E402

SEED = 123
# família → (mínimo, máximo) de itens; os alvos da issue 18 ficam no meio de cada faixa.
COUNTS = {"classificacao": (220, 280), "reescrita": (220, 280), "escolha": (180, 230), "passagem": (180, 230),
          "saudacao": (70, 90), "nao_sei": (100, 140)}
MAX_OUTPUT_WORDS = {"saudacao": 30}
DONT_KNOW = "Não sei. Isso não está nos livros que li."


@pytest.fixture(scope="module")
def built():
    return {family: builder(random.Random(SEED)) for family, builder in fam.FAMILIES.items()}


def normalize(text):
    """Minúsculas, sem pontuação e com os dígitos trocados por 0: a chave de "mesmo dado"."""
    text = re.sub(r"\d", "0", text.lower())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def content(item):
    """O dado do item: a entrada ou, quando ela é vazia, o pedido que vai dentro da instrução."""
    return item.input or item.slots.get("pedido") or item.slots.get("pergunta", "")


def filled(family, item):
    return [template.format(**item.slots) for template in fam.PHRASINGS[family]]


def strip_accents(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


# ---------------------------------------------------------------------------------------------------------
# interface, sorteio e tamanhos
# ---------------------------------------------------------------------------------------------------------


def test_registry_is_complete():
    assert set(fam.FAMILIES) == set(COUNTS)
    assert set(fam.PHRASINGS) == set(COUNTS) and set(fam.DISPLAY_NAMES) == set(COUNTS)
    for family in COUNTS:
        assert family.isascii() and family.isidentifier()
        assert fam.FAMILIES[family].__name__ == f"items_{family}"
        assert 8 <= len(fam.PHRASINGS[family]) <= 15, family
        assert len(set(fam.PHRASINGS[family])) == len(fam.PHRASINGS[family]), family
    assert fam.DISPLAY_NAMES["classificacao"] == "classificação"
    assert fam.DISPLAY_NAMES["saudacao"] == "saudação"
    assert fam.DISPLAY_NAMES["nao_sei"] == "não sei"
    for family, name in fam.DISPLAY_NAMES.items():
        assert name and name == name.strip(), family


def test_phrasings_mix_styles(built):
    """Pedidos naturais: cumprimento, "você pode/poderia", "por favor" e pergunta em toda família de tarefa."""
    for family in ("classificacao", "reescrita", "escolha", "passagem"):
        templates = filled(family, built[family][0])
        assert any(re.match(r"(Oi|Olá|Bom dia)\b", t) for t in templates), family
        assert any(re.search(r"\b(Você pode|Você poderia|Poderia)\b", t) for t in templates), family
        assert any("por favor" in t.lower() for t in templates), family
        assert any(t.rstrip().endswith("?") for t in templates), family


def test_builds_are_deterministic(built):
    for family, builder in fam.FAMILIES.items():
        again = builder(random.Random(SEED))
        assert [(i.group, i.input, i.output, i.slots) for i in again] == \
               [(i.group, i.input, i.output, i.slots) for i in built[family]], family


def test_counts(built):
    for family, (low, high) in COUNTS.items():
        assert low <= len(built[family]) <= high, (family, len(built[family]))


def test_items_are_well_formed(built):
    for family, items in built.items():
        for item in items:
            assert isinstance(item, fam.Item) and item.family == family
            assert item.output and item.output == item.output.strip(), item
            assert item.input == item.input.strip(), item
            assert isinstance(item.slots, dict)


def test_every_template_formats_with_every_item(built):
    for family, items in built.items():
        for item in items:
            for text in filled(family, item):
                assert text and text == text.strip() and "{" not in text, (family, text)
                assert text[0].isupper(), (family, text)
                assert text[-1] in ".?!:" or text.endswith(")"), (family, text)


def test_lengths(built):
    """Com o modelo de instrução mais longo: nunca acima de 300 caracteres e ≥ 95 % até 220."""
    for family, items in built.items():
        totals = [max(len(text) for text in filled(family, item)) + len(item.input) + len(item.output)
                  for item in items]
        assert max(totals) <= 300, family
        assert sum(total <= 220 for total in totals) >= 0.95 * len(totals), family
        limit = MAX_OUTPUT_WORDS.get(family, 15)
        assert max(len(item.output.split()) for item in items) <= limit, family


# ---------------------------------------------------------------------------------------------------------
# grupos e duplicatas
# ---------------------------------------------------------------------------------------------------------


def test_groups_are_prefixed_and_never_shared(built):
    owner = {}
    for family, items in built.items():
        for item in items:
            assert item.group.startswith(family + ":"), item
            assert owner.setdefault(item.group, family) == family, item.group


def test_no_duplicates_within_a_family(built):
    """Um mesmo dado fica num grupo só; dentro do grupo, cada item pede uma coisa diferente."""
    for family, items in built.items():
        group_of = {}
        seen = Counter()
        for item in items:
            key = normalize(content(item))
            assert key, item
            assert group_of.setdefault(key, item.group) == item.group, (family, key)
            seen[(key, normalize(" ".join(filled(family, item)[:1])), item.output)] += 1
        assert max(seen.values()) == 1, [key for key, count in seen.items() if count > 1][:3]


def test_no_data_crosses_families(built):
    """A mesma frase nunca aparece em duas famílias (cada frase é um grupo só, no conjunto todo)."""
    family_of = {}
    for family, items in built.items():
        for item in items:
            for line in content(item).split("\n"):
                key = normalize(line)
                assert family_of.setdefault(key, family) == family, (key, family, family_of[key])


def test_no_near_twins_with_the_answer(built):
    """Dado + resposta, como palavras sem ordem: dois grupos da mesma família nunca ficam com Jaccard ≥ 0,9."""
    for family, items in built.items():
        sets = [frozenset(normalize(content(item) + " " + item.output).split()) for item in items]
        close = [(items[i].group, items[j].group) for i in range(len(items)) for j in range(i + 1, len(items))
                 if items[i].group != items[j].group and len(sets[i] & sets[j]) >= 0.9 * len(sets[i] | sets[j])]
        assert not close, (family, close[:5])


def sentences_by_group(built):
    for family, items in built.items():
        for item in items:
            if family in ("saudacao", "nao_sei"):
                continue
            for text in re.split(r"(?<=[.!?])\s+|\n", item.input):
                words = frozenset(normalize(text).split())
                if len(words) >= 4:
                    yield item.group, words


def test_no_reworded_twins_across_groups(built):
    """Duas frases de grupos diferentes não podem ser quase iguais (Jaccard das palavras ≥ 0,75)."""
    unique = {}
    for group, words in sentences_by_group(built):
        unique.setdefault(words, group)
    pairs = list(unique.items())
    close = []
    for i, (a, group_a) in enumerate(pairs):
        for b, group_b in pairs[i + 1:]:
            if group_a != group_b and len(a & b) >= 0.75 * len(a | b):
                close.append((group_a, group_b))
    assert not close, close[:5]


# ---------------------------------------------------------------------------------------------------------
# classificação
# ---------------------------------------------------------------------------------------------------------


LABEL_SETS = (["positivo", "negativo"], ["pergunta", "exclamação", "afirmação"],
              ["primeira pessoa", "terceira pessoa"])


def options_in(text):
    """As opções escritas no pedido ("positivo ou negativo", "pergunta, exclamação ou afirmação")."""
    found = []
    for labels in LABEL_SETS:
        for order in permutations(labels):
            if ", ".join(order[:-1]) + " ou " + order[-1] in text:
                found.append(labels)
    assert len(found) <= 1, text
    return found[0] if found else None


def test_classification_options_are_in_every_prompt(built):
    for item in built["classificacao"]:
        for text in filled("classificacao", item):
            labels = options_in(text)
            assert labels, text
            assert item.output in labels, (text, item.output)
            assert item.output == item.output.lower()


def test_classification_rules(built):
    tasks = Counter()
    for item in built["classificacao"]:
        text = filled("classificacao", item)[0]
        labels = options_in(text)
        if "exclamação" in labels:
            expected = {"?": "pergunta", "!": "exclamação", ".": "afirmação"}[item.input[-1]]
            assert item.output == expected, item
            assert "o tipo" in text
            tasks["tipo"] += 1
        elif "primeira pessoa" in labels:
            first = item.input.split()[0].lower()
            expected = {"eu": "primeira pessoa", "nós": "primeira pessoa", "ele": "terceira pessoa",
                        "ela": "terceira pessoa", "eles": "terceira pessoa", "elas": "terceira pessoa"}[first]
            assert item.output == expected, item
            assert "pessoa do sujeito" in text
            tasks["pessoa"] += 1
        else:
            assert "sentimento" in text
            assert item.input[-1] in ".!", item
            tasks["sentimento"] += 1
    assert min(tasks.values()) >= 60, tasks
    labels = Counter(item.output for item in built["classificacao"])
    assert labels["positivo"] == labels["negativo"]
    assert labels["primeira pessoa"] == labels["terceira pessoa"]
    assert labels["pergunta"] == labels["exclamação"] == labels["afirmação"]


# ---------------------------------------------------------------------------------------------------------
# reescrita
# ---------------------------------------------------------------------------------------------------------

REWRITE_KEYWORDS = {"negativa": "negacao", "pergunta": "pergunta", "primeira palavra": "primeira",
                    "abre esta frase": "primeira", "última palavra": "ultima", "fecha esta frase": "ultima",
                    "plural": "plural", "feminino": "feminino"}


def rewrite_task(item):
    """A sub-tarefa lida no pedido: todas as formulações do item têm de apontar para a mesma."""
    found = set()
    for text in filled("reescrita", item):
        hits = {task for key, task in REWRITE_KEYWORDS.items() if key in text}
        assert len(hits) == 1, text
        found |= hits
    assert len(found) == 1, (item, found)
    return found.pop()


def plural_rule(word):
    last, two = word[-1], word[-2:]
    table = [(("al",), 2, "ais"), (("el",), 2, "éis"), (("ol",), 2, "óis"), (("m",), 1, "ns"),
             (("r", "z"), 0, "es")]
    for endings, cut, suffix in table:
        if word.endswith(endings):
            assert not (two in ("el", "ol") and re.search("[áéíóú]", word)), word
            return word[:len(word) - cut] + suffix
    assert strip_accents(last) in "aeiou", word
    return word + "s"


def test_rewrite_rules(built):
    tasks = Counter()
    for item in built["reescrita"]:
        task = rewrite_task(item)
        tasks[task] += 1
        words = item.input.split()
        if task in ("plural", "feminino"):
            assert len(words) == 1 and item.input.islower(), item
            expected = plural_rule(item.input) if task == "plural" else re.sub(r"o$", "a", item.input)
            assert expected != item.input and item.output == expected, item
            continue
        assert item.input[0].isupper() and item.input.endswith(".") and item.input.count(".") == 1, item
        if task == "negacao":
            assert "não" not in [w.lower() for w in words], item
            out = item.output.split()
            position = out.index("não")
            assert out[:position] + out[position + 1:] == words, item
            assert position == item.slots["verbo"] >= 1, item
            assert words[position - 1][-1] not in ",;:" and words[position].islower(), item
        elif task == "pergunta":
            assert item.output == item.input[:-1] + "?", item
        elif task == "primeira":
            assert item.output == re.findall(r"[\w-]+", item.input)[0], item
        else:
            assert item.output == re.findall(r"[\w-]+", item.input)[-1], item
    assert min(tasks.values()) >= 25, tasks


def test_rewrite_groups_hold_one_sentence(built):
    tasks_by_group = defaultdict(list)
    for item in built["reescrita"]:
        tasks_by_group[item.group].append(rewrite_task(item))
    for group, tasks in tasks_by_group.items():
        assert len(tasks) == len(set(tasks)), group


# ---------------------------------------------------------------------------------------------------------
# escolha entre duas formas
# ---------------------------------------------------------------------------------------------------------


def test_choice_answer_is_one_of_the_two_options(built):
    first = Counter()
    kinds = Counter()
    for item in built["escolha"]:
        options = item.input.split("\n")
        assert len(options) == 2 and options[0] != options[1], item
        assert item.output in options, item
        first[options.index(item.output)] += 1
        a, b = (option.split() for option in options)
        if len(a) == 1:
            kinds["grafia"] += 1
            assert "palavra" in filled("escolha", item)[0] or "forma" in filled("escolha", item)[0]
            continue
        assert len(a) == len(b), item
        differ = [(x, y) for x, y in zip(a, b) if x != y]
        assert len(differ) == 1, item
        pair = {strip_accents(differ[0][0]).lower(), strip_accents(differ[0][1]).lower()}
        kinds["crase" if pair in ({"a"}, {"as"}) else "concordancia"] += 1
        if pair in ({"a"}, {"as"}):
            # A crase só cabe antes de palavra feminina; antes de verbo, de "um" ou de pronome, nunca.
            after = a[[x for x, _ in zip(a, b)].index(differ[0][0]) + 1].strip(".,").lower()
            if after in {"chorar", "ajudar", "nadar", "falar", "um", "ela", "você", "pé", "lápis", "prazo",
                         "pouco", "tempo", "preço", "teatro", "gatos", "curitiba", "frente", "cara",
                         "gota", "passo", "ponta", "sexta"}:
                assert not re.search(r"\bà", item.output), item
    assert min(kinds.values()) >= 40, kinds
    assert abs(first[0] - first[1]) <= 0.2 * len(built["escolha"]), first


def test_choice_sets_follow_the_module(built):
    """As três listas do módulo viram itens e a resposta é sempre a forma certa da lista."""
    right = {pair[0] for pair in fam.SPELLING_PAIRS}
    for marked in fam.CRASE_SENTENCES + fam.AGREEMENT_SENTENCES:
        right.add(re.sub(r"\{([^|}]*)\|[^}]*\}", r"\1", marked))
    assert {item.output for item in built["escolha"]} == right


# ---------------------------------------------------------------------------------------------------------
# resposta a partir de um trecho
# ---------------------------------------------------------------------------------------------------------

PLACE_WORDS = {"no", "na", "nos", "nas", "num", "numa", "em", "à", "ao", "aos", "às", "da", "do", "dentro",
               "debaixo", "perto", "até", "para"}
TIME_WORDS = {"manhã", "tarde", "noite", "ontem", "domingo", "segunda-feira", "terça-feira", "quarta-feira",
              "quinta-feira", "sexta-feira", "sextas-feiras", "sábado", "terça", "terças", "quintas", "maio",
              "junho", "março", "julho", "dezembro", "horas", "sete", "nove", "cinco", "dez", "depois", "férias",
              "verão", "feriado", "semana", "semanas", "natal", "meia-noite", "almoço", "recreio", "tardes"}


def test_passage_answers_are_copied_spans(built):
    kinds = Counter()
    for item in built["passagem"]:
        passage, answer = item.input, item.output
        assert len(passage) <= 220 and 2 <= len(re.findall(r"[.!?](?:\s|$)", passage)) <= 3, passage
        assert answer in passage and 1 <= len(answer.split()) <= 4, item
        assert re.search(r"(?<!\w)" + re.escape(answer) + r"(?!\w)", passage), item
        question = item.slots["pergunta"]
        assert question.endswith("?") and question in filled("passagem", item)[0], item
        words = answer.split()
        if question.startswith("Quem "):
            assert answer[0].isupper() or words[0] in {"o", "a", "os", "as", "um", "uma"}, item
            kind = "quem"
        elif re.match(r"(De onde|Para onde|Aonde|Onde) ", question):
            assert words[0] in PLACE_WORDS, item
            kind = "onde"
        elif question.startswith("Quando "):
            assert {w.lower().strip(",") for w in words} & TIME_WORDS, item
            kind = "quando"
        else:
            assert question.startswith("O que "), item
            assert not answer[0].isupper() and words[0] not in PLACE_WORDS, item
            kind = "o_que"
        kinds[kind] += 1
        # A resposta não repete palavras da pergunta que não estão no trecho: veio do trecho, não dela.
        assert normalize(answer) not in normalize(question.rstrip("?")) or kind == "quem", item
    assert min(kinds.values()) >= 25, kinds


def test_passage_groups_are_the_passages(built):
    group_of = {}
    for item in built["passagem"]:
        assert group_of.setdefault(item.input, item.group) == item.group
    assert len(set(group_of.values())) == len(group_of) >= 50


# ---------------------------------------------------------------------------------------------------------
# saudação e "não sei"
# ---------------------------------------------------------------------------------------------------------


def test_greetings(built):
    items = built["saudacao"]
    answers = {item.output for item in items}
    assert 3 <= len(answers) <= 5
    by_group = defaultdict(set)
    for item in items:
        assert item.input == "", item
        by_group[item.group].add(item.output)
        request = item.slots["pedido"]
        assert not re.match(r"(Oi|Olá|Bom dia|Boa tarde|Boa noite|Ei)\b", request), request
    assert all(len(outputs) == 1 for outputs in by_group.values()), by_group
    # Cada resposta tem vários grupos (jeitos de pedir), para aparecer no treino e no teste.
    groups_per_answer = Counter(outputs.pop() for outputs in by_group.values())
    assert set(groups_per_answer) == answers and min(groups_per_answer.values()) >= 3, groups_per_answer
    assert any("Machado de Assis" in answer for answer in answers)


def test_dont_know(built):
    items = built["nao_sei"]
    assert {item.output for item in items} == {DONT_KNOW}
    assert len({item.group for item in items}) == len(items)
    for item in items:
        question = item.slots["pergunta"]
        assert item.input == "" and question.endswith("?"), item
        assert "machado" not in question.lower() and "capitu" not in question.lower(), item
