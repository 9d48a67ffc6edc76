"""Gera o novo conjunto de instruções do capítulo 07 (issue 18): 07-instruction-tuning/instrucoes-pt-br-v2.json.

Junta as famílias de `familias07.py` (tarefas com modelos) e de `familias07_corpus.py` (tarefas tiradas dos livros
de Machado de Assis) e, para cada família:

1. ordena os grupos (o item de base: uma frase, um fato) e os embaralha com `random.Random(123)`;
2. divide os **grupos** em 70 % treino, 10 % validação e 20 % teste: as entradas gêmeas (a mesma frase, o mesmo fato
   perguntado de outro jeito) ficam sempre do mesmo lado;
3. guarda as últimas formulações da lista (`held_out`, ao menos 2) para validação e teste: o treino nunca as vê, e o
   teste mede seguir um pedido com palavras novas, não lembrar um;
4. dá a cada item uma formulação sorteada entre as permitidas para a sua parte.

Uso: `python ferramentas/instrucoes07_novo.py` regrava o JSON, atualiza no cartão (instrucoes-pt-br-v2.md) a tabela
de contagens e o sha256, e mostra as contagens por família e parte.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from familias07 import DISPLAY_NAMES, FAMILIES, PHRASINGS  # noqa: E402
from familias07_corpus import DISPLAY_NAMES_CORPUS, FAMILIES_CORPUS, PHRASINGS_CORPUS  # noqa: E402
from numeros import thousands  # noqa: E402
from raiz import ROOT  # noqa: E402

OUTPUT = ROOT / "07-instruction-tuning" / "instrucoes-pt-br-v2.json"
CARD = ROOT / "07-instruction-tuning" / "instrucoes-pt-br-v2.md"
SEED = 123
SPLITS = ("treino", "validação", "teste")
FRACTIONS = {"validação": 0.1, "teste": 0.2}  # o resto é treino


def all_families() -> tuple[dict, dict, dict]:
    """(construtores, formulações, nomes) das duas fontes, sem família repetida."""
    clash = set(FAMILIES) & set(FAMILIES_CORPUS)
    assert not clash, f"família definida duas vezes: {clash}"
    builders = {**FAMILIES, **FAMILIES_CORPUS}
    phrasings = {**PHRASINGS, **PHRASINGS_CORPUS}
    names = {**DISPLAY_NAMES, **DISPLAY_NAMES_CORPUS}
    return builders, phrasings, names


def held_out(count: int) -> int:
    """Quantas formulações (as últimas da lista) ficam só para validação e teste: ao menos 2, cerca de 1 em 5."""
    return max(2, count // 5)


def split_groups(groups: list[str], rng: random.Random) -> dict[str, str]:
    """grupo → parte: os grupos ordenados, embaralhados, e cortados em teste, validação e treino."""
    order = sorted(groups)
    rng.shuffle(order)
    n_test = max(1, round(len(order) * FRACTIONS["teste"]))
    n_val = max(1, round(len(order) * FRACTIONS["validação"]))
    split = {}
    for index, group in enumerate(order):
        split[group] = "teste" if index < n_test else "validação" if index < n_test + n_val else "treino"
    return split


def build_entries() -> list[dict]:
    rng = random.Random(SEED)
    builders, phrasings, _ = all_families()
    entries = []
    for family in sorted(builders):
        items = builders[family](rng)
        templates = phrasings[family]
        split = split_groups(list({item.group for item in items}), rng)
        seen_in_training = len(templates) - held_out(len(templates))
        for item in items:
            part = split[item.group]
            index = rng.randrange(seen_in_training if part == "treino" else len(templates))
            entries.append({
                "instruction": templates[index].format(**item.slots),
                "input": item.input,
                "output": item.output,
                "family": family,
                "group": item.group,
                "phrasing": index,
                "split": part,
            })
    order = {name: i for i, name in enumerate(SPLITS)}
    entries.sort(key=lambda e: (e["family"], order[e["split"]], e["group"], e["instruction"], e["input"]))
    return entries


def counts(entries: list[dict]) -> dict[str, Counter]:
    table: dict[str, Counter] = {}
    for entry in entries:
        table.setdefault(entry["family"], Counter())[entry["split"]] += 1
    return table


def card_table(entries: list[dict], names: dict[str, str]) -> str:
    """A tabela de contagens do cartão, em Markdown."""
    table = counts(entries)
    lines = ["| família | id | treino | validação | teste | total |", "|---|---|---:|---:|---:|---:|"]
    total = Counter()
    for family, row in sorted(table.items()):
        total.update(row)
        cells = [thousands(row[s]) for s in SPLITS] + [thousands(sum(row.values()))]
        lines.append(f"| {names[family]} | `{family}` | " + " | ".join(cells) + " |")
    cells = [thousands(total[s]) for s in SPLITS] + [thousands(sum(total.values()))]
    lines.append("| **total** | | " + " | ".join(f"**{cell}**" for cell in cells) + " |")
    return "\n".join(lines)


def update_card(entries: list[dict], names: dict[str, str], raw: bytes) -> None:
    """Reescreve, no cartão, o trecho entre as marcas de contagem e a linha do sha256 (o resto é texto à mão)."""
    text = CARD.read_text(encoding="utf-8")
    text = re.sub(r"(<!-- contagens -->\n).*?(<!-- /contagens -->)",
                  lambda m: m.group(1) + card_table(entries, names) + "\n" + m.group(2), text, flags=re.DOTALL)
    text = re.sub(r"(sha256 do JSON: `)[0-9a-f]*(`)",
                  lambda m: m.group(1) + hashlib.sha256(raw).hexdigest() + m.group(2), text)
    CARD.write_text(text, encoding="utf-8")


def main() -> None:
    entries = build_entries()
    raw = (json.dumps(entries, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    OUTPUT.write_bytes(raw)
    _, _, names = all_families()
    if CARD.is_file():
        update_card(entries, names, raw)
    table = counts(entries)
    print(f"{'família':<32} {'treino':>7} {'validação':>10} {'teste':>6} {'total':>6}")
    for family, row in sorted(table.items()):
        print(f"{names[family]:<32} " + " ".join(f"{row[s]:>{w}}" for s, w in zip(SPLITS, (7, 10, 6)))
              + f" {sum(row.values()):>6}")
    total = Counter()
    for row in table.values():
        total.update(row)
    print(f"{'total':<32} " + " ".join(f"{total[s]:>{w}}" for s, w in zip(SPLITS, (7, 10, 6)))
          + f" {sum(total.values()):>6}")
    print(f"gravado em {OUTPUT.relative_to(ROOT)} (e a tabela e o sha256 em {CARD.name})")


if __name__ == "__main__":
    main()
