"""Escolha da taxa de aprendizado e das épocas do capítulo 06 sem olhar a validação nem o teste.

Separa os últimos 20 % do treino do capítulo (a mesma divisão e a mesma semente do notebook) como trecho de
escolha (dev), ajusta o GPT do curso nos outros 80 % e mede acurácia e F1 no dev a cada época. Cada
configuração acrescenta linhas JSON a `--saida`.

Uso:
    python ferramentas/receita06.py --inicio pre-treinado --treina last_block --lr 3e-4 1e-3 3e-3
    python ferramentas/receita06.py --inicio sem-pre-treino --treina all --lr 3e-4 1e-3 3e-3 --epocas 6
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

import torch
from torch.utils.data import DataLoader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blocos import load_blocks  # noqa: E402

SEED = 123  # a do notebook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ajuste fino do capítulo 06 medido num trecho do treino.")
    parser.add_argument("--inicio", choices=["pre-treinado", "sem-pre-treino"], default="pre-treinado")
    parser.add_argument("--treina", choices=["last_block", "all"], default="last_block")
    parser.add_argument("--lr", type=float, nargs="+", default=[1e-3])
    parser.add_argument("--epocas", type=int, default=6)
    parser.add_argument("--saida", type=Path, default=Path("receita06.jsonl"))
    args = parser.parse_args(argv)

    ch06 = load_blocks("06-fine-tuning/notebook.ipynb")
    device = torch.device("cpu")
    balanced, _ = ch06.balance_classes(ch06.load_spam_messages("pt"), seed=SEED)
    train_frame, _, _ = ch06.split_frame(balanced, seed=SEED)  # a validação e o teste ficam de fora
    cut = round(len(train_frame) * 0.8)
    fit_frame, dev_frame = train_frame[:cut], train_frame[cut:]
    base_model, config, tokenizer = ch06.load_base_model("curso", device)
    fit_data = ch06.SpamDataset(fit_frame, tokenizer, config["context_length"])
    dev_data = ch06.SpamDataset(dev_frame, tokenizer, config["context_length"], fit_data.max_length)
    dev_loader = DataLoader(dev_data, batch_size=64, collate_fn=ch06.trim_padding)
    for lr in args.lr:
        torch.manual_seed(SEED)
        start = (copy.deepcopy(base_model) if args.inicio == "pre-treinado"
                 else ch06.init_gpt2_weights(ch06.GPTModel(config)))
        model = ch06.make_classifier(start, 2, args.treina)
        optimizer = ch06.make_optimizer(model, lr, 0.1)
        fit_loader = DataLoader(fit_data, batch_size=8, shuffle=True, drop_last=True, collate_fn=ch06.trim_padding,
                                generator=torch.Generator().manual_seed(SEED))
        began = time.perf_counter()
        for epoch in range(1, args.epocas + 1):
            ch06.train_classifier(model, fit_loader, None, optimizer, device, epochs=1, track_accuracy=False)
            metrics = ch06.classification_metrics(*ch06.predict_loader(dev_loader, model, device)[:2])
            row = {"inicio": args.inicio, "treina": args.treina, "lr": lr, "epoca": epoch,
                   "acuracia_dev": round(metrics["acurácia"], 4), "f1_dev": round(metrics["F1"], 4),
                   "segundos": round(time.perf_counter() - began, 1)}
            print(json.dumps(row, ensure_ascii=False), flush=True)
            with open(args.saida, "a", encoding="utf-8") as out:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
