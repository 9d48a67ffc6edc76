"""Escolha da receita do capítulo 07 (taxa de aprendizado, épocas) sem olhar a validação nem o teste.

Separa os últimos 15 % do treino do capítulo (a mesma divisão estratificada e a mesma semente do notebook)
como trecho de escolha (dev), ajusta o GPT do curso nos outros 85 % com o laço do capítulo 05 e mede, a cada
época, a perda no dev (só nos tokens da resposta) e, no fim (e nas épocas de `--gerar-em`), o acerto exato e
o ROUGE-L das respostas geradas. O cronograma (aquecimento e decaimento cosseno) é o do treino inteiro.
Cada medida vira uma linha JSON em `--saida`.

Uso:
    python ferramentas/receita07.py --lr 5e-4 1e-3 2e-3 --epocas 10
    python ferramentas/receita07.py --lr 1e-3 --epocas 20 --gerar-em 10
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import time
from pathlib import Path

import torch
from torch.utils.data import DataLoader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blocos import ROOT, load_blocks  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ajuste por instruções do capítulo 07 medido num trecho do treino.")
    parser.add_argument("--lr", type=float, nargs="+", default=[1e-3])
    parser.add_argument("--epocas", type=int, default=15)
    parser.add_argument("--gerar-em", type=int, nargs="*", default=[])
    parser.add_argument("--sem-mascara", action="store_true")
    parser.add_argument("--saida", type=Path, default=Path("receita07.jsonl").resolve())
    args = parser.parse_args(argv)

    ch07 = load_blocks("07-instruction-tuning/notebook.ipynb")
    os.chdir(ROOT / "07-instruction-tuning")  # o conjunto em português mora aqui
    device = torch.device("cpu")
    train, _, _ = ch07.split_by_category(ch07.load_instruction_data("pt"), seed=123)  # val e teste: fora
    fit, dev, _ = ch07.split_by_category(train, train_fraction=0.85, val_fraction=0.15, seed=123)
    base_model, tokenizer = ch07.load_course_model(device)
    context_length = base_model.pos_emb.num_embeddings
    collate = ch07.make_instruction_collate(tokenizer, context_length, not args.sem_mascara, device)
    dev_collate = ch07.make_instruction_collate(tokenizer, context_length, True, device)
    dev_loader = DataLoader(ch07.InstructionDataset(dev, tokenizer), batch_size=16, collate_fn=dev_collate)
    for lr in args.lr:
        run(ch07, base_model, tokenizer, fit, dev, collate, dev_loader, lr, args, device)
    return 0


def run(ch07, base_model, tokenizer, fit, dev, collate, dev_loader, lr, args, device):
    recipe = ch07.INSTRUCTION_RECIPE
    torch.manual_seed(123)
    model = copy.deepcopy(base_model)
    fit_loader = DataLoader(ch07.InstructionDataset(fit, tokenizer), batch_size=recipe["batch_size"],
                            shuffle=True, drop_last=True, collate_fn=collate)
    optimizer = ch07.make_optimizer(model, lr, recipe["weight_decay"])
    steps_per_epoch, began = len(fit_loader), time.perf_counter()

    def measure(model, step):  # ao fim de cada época; o cronograma é o do treino inteiro
        epoch = step // steps_per_epoch
        row = {"lr": lr, "epocas": args.epocas, "mascara": not args.sem_mascara, "epoca": epoch,
               "perda_dev": round(ch07.calc_loss_loader(dev_loader, model, device), 4),
               "segundos": round(time.perf_counter() - began, 1)}
        if epoch in args.gerar_em or epoch == args.epocas:
            responses = [ch07.respond(model, tokenizer, entry, device) for entry in dev]
            total = ch07.score_responses(dev, responses)["total"]
            row.update(acerto_exato_dev=round(total["acerto exato"], 4), rouge_l_dev=round(total["ROUGE-L"], 4))
        print(json.dumps(row, ensure_ascii=False), flush=True)
        with open(args.saida, "a", encoding="utf-8") as out:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")

    ch07.train_model(model, fit_loader, dev_loader, optimizer, device, max_steps=args.epocas * steps_per_epoch,
                     peak_lr=lr, warmup_steps=recipe["warmup_steps"], eval_every=steps_per_epoch, eval_batches=1,
                     on_eval=measure)


if __name__ == "__main__":
    sys.exit(main())
