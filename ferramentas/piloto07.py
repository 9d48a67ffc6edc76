"""Piloto do novo conjunto de instruções do capítulo 07 (issue 18): o ajuste por instruções bate a consulta?

Mede só num trecho do TREINO (15 % dos grupos de cada família, o "dev"): a validação e o teste do conjunto
ficam intocados. Ajusta o GPT do curso nos outros 85 % com o laço e a receita do capítulo 07 e compara, por
família, o acerto exato (depois de normalizar) de três respostas:

- consulta: a resposta da entrada de treino cujas palavras (instrução + entrada) mais se parecem com as da
  pergunta — nenhum modelo, só memória;
- copiar a entrada: responder com a própria entrada;
- o modelo ajustado, com geração gulosa.

Imprime a tabela e a diferença ajustado − consulta com um intervalo de 95 % (bootstrap pareado nas entradas).

Uso:
    python ferramentas/piloto07.py --epocas 10 --lr 1e-3
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import torch
from torch.utils.data import DataLoader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blocos import ROOT, load_blocks  # noqa: E402

DATA = ROOT / "07-instruction-tuning" / "instrucoes-pt-br-v2.json"


def dev_split(entries, fraction=0.15, seed=123):
    """Separa `fraction` dos grupos de treino de cada família (nunca metade de um grupo)."""
    groups = defaultdict(set)
    for entry in entries:
        groups[entry["family"]].add(entry["group"])
    rng = random.Random(seed)
    dev_groups = set()
    for family in sorted(groups):
        names = sorted(groups[family])
        rng.shuffle(names)
        dev_groups.update(names[: max(1, round(len(names) * fraction))])
    return ([e for e in entries if e["group"] not in dev_groups], [e for e in entries if e["group"] in dev_groups])


def lookup_answers(fit, questions, normalize):
    """Para cada pergunta, a resposta da entrada de treino com mais palavras em comum (Jaccard)."""
    keys = [set(normalize(e["instruction"] + " " + e["input"]).split()) for e in fit]
    answers = []
    for entry in questions:
        words = set(normalize(entry["instruction"] + " " + entry["input"]).split())
        scores = [len(words & key) / len(words | key) if words | key else 0.0 for key in keys]
        answers.append(fit[max(range(len(fit)), key=scores.__getitem__)]["output"])
    return answers


def paired_bootstrap(a, b, samples=10_000, seed=123):
    a, b = torch.tensor(a, dtype=torch.float64), torch.tensor(b, dtype=torch.float64)
    diff = a - b
    picks = torch.randint(len(diff), (samples, len(diff)), generator=torch.Generator().manual_seed(seed))
    resampled = diff[picks].mean(dim=1)
    return diff.mean().item(), resampled.quantile(0.025).item(), resampled.quantile(0.975).item()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Piloto do conjunto v2 do capítulo 07, num trecho do treino.")
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--epocas", type=int, default=10)
    parser.add_argument("--saida", type=Path, default=Path("piloto07.json").resolve())
    args = parser.parse_args(argv)

    ch07 = load_blocks("07-instruction-tuning/notebook.ipynb")
    os.chdir(ROOT / "07-instruction-tuning")
    device = torch.device("cpu")
    entries = json.loads(DATA.read_text(encoding="utf-8"))
    fit, dev = dev_split([e for e in entries if e["split"] == "treino"])
    print(f"{len(fit)} entradas de ajuste, {len(dev)} de dev", flush=True)

    model, tokenizer = ch07.load_course_model(device)
    context_length = model.pos_emb.num_embeddings
    collate = ch07.make_instruction_collate(tokenizer, context_length, True, device)
    recipe = ch07.INSTRUCTION_RECIPE
    torch.manual_seed(123)
    fit_loader = DataLoader(ch07.InstructionDataset(fit, tokenizer), batch_size=recipe["batch_size"], shuffle=True,
                            drop_last=True, collate_fn=collate)
    dev_loader = DataLoader(ch07.InstructionDataset(dev, tokenizer), batch_size=16, collate_fn=collate)
    optimizer = ch07.make_optimizer(model, args.lr, recipe["weight_decay"])
    began = time.perf_counter()
    ch07.train_model(model, fit_loader, dev_loader, optimizer, device, max_steps=args.epocas * len(fit_loader),
                     peak_lr=args.lr, warmup_steps=recipe["warmup_steps"], eval_every=len(fit_loader),
                     eval_batches=len(dev_loader))
    print(f"treino: {time.perf_counter() - began:.0f} s", flush=True)

    tuned = [ch07.respond(model, tokenizer, entry, device) for entry in dev]
    lookup = lookup_answers(fit, dev, ch07.normalize_answer)
    copy_input = [entry["input"] for entry in dev]
    scores = {name: [ch07.exact_match(r, e["output"]) for r, e in zip(responses, dev)]
              for name, responses in (("consulta", lookup), ("copiar", copy_input), ("ajustado", tuned))}
    by_family = defaultdict(list)
    for i, entry in enumerate(dev):
        by_family[entry["family"]].append(i)
    print(f"{'família':<16}{'n':>5}{'consulta':>10}{'copiar':>8}{'ajustado':>10}")
    table = {}
    for family, indices in sorted(by_family.items()):
        row = {name: sum(s[i] for i in indices) / len(indices) for name, s in scores.items()}
        table[family] = {"n": len(indices), **row}
        print(f"{family:<16}{len(indices):>5}" + "".join(f"{100 * row[n]:>{w}.1f}" for n, w in
                                                          (("consulta", 10), ("copiar", 8), ("ajustado", 10))))
    difference, low, high = paired_bootstrap(scores["ajustado"], scores["consulta"])
    print(f"total: ajustado − consulta = {100 * difference:+.1f} pontos [{100 * low:+.1f}; {100 * high:+.1f}]")
    examples = [{"family": e["family"], "instruction": e["instruction"], "input": e["input"], "output": e["output"],
                 "ajustado": t, "consulta": k} for e, t, k in zip(dev, tuned, lookup)]
    args.saida.write_text(json.dumps({"lr": args.lr, "epocas": args.epocas, "table": table,
                                      "difference": [difference, low, high], "examples": examples},
                                     ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
