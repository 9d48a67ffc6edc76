"""Escolha da receita do capítulo 05 sem olhar a validação: treina em 0–80 % do texto, mede em 80–90 %.

A validação do capítulo (os 10 % finais) fica de fora: ela só serve para o relatório e para a parada
antecipada. Cada execução treina um modelo com a receita do curso, trocando o que os argumentos pedem, por
um número fixo de passos, e acrescenta uma linha JSON a `--saida` com a perda e os bits por caractere no
trecho de escolha (dev).

Uso:
    python ferramentas/receita05.py --passos 300 --vocabulario 2048
    python ferramentas/receita05.py --passos 300 --vocabulario 4096 --dropout 0.2
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blocos import load_blocks  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Um treino curto da receita do capítulo 05, medido no trecho dev.")
    parser.add_argument("--passos", type=int, default=300)
    parser.add_argument("--vocabulario", type=int)
    parser.add_argument("--camadas", type=int)
    parser.add_argument("--dimensao", type=int)
    parser.add_argument("--cabecas", type=int)
    parser.add_argument("--dropout", type=float)
    parser.add_argument("--lr", type=float)
    parser.add_argument("--decaimento", type=float)
    parser.add_argument("--saida", type=Path, default=Path("receita05.jsonl"))
    args = parser.parse_args(argv)

    ch05 = load_blocks("05-pre-treinamento/notebook.ipynb", "receita_do_curso", "dados_machado", "treino",
                       "otimizador", "inicializacao_gpt2", "perda")
    changes = {"vocab_size": args.vocabulario, "n_layers": args.camadas, "emb_dim": args.dimensao,
               "n_heads": args.cabecas, "drop_rate": args.dropout, "peak_lr": args.lr,
               "weight_decay": args.decaimento}
    recipe = {**ch05.COURSE_RECIPE, **{k: v for k, v in changes.items() if v is not None}}
    recipe.update(max_steps=args.passos, warmup_steps=max(1, args.passos // 20), eval_every=args.passos)

    train_text, _ = ch05.split_by_position(ch05.machado_text())  # a validação do capítulo nem é carregada
    fit_text, dev_text = ch05.split_by_position(train_text, val_fraction=1 / 9)  # 80 % e 10 % do texto todo
    tokenizer = ch05.train_tokenizer(fit_text, recipe["vocab_size"])
    torch.manual_seed(123)
    train_loader, dev_loader = ch05.make_loaders(fit_text, dev_text, tokenizer, recipe)
    config = ch05.model_config(recipe, tokenizer.n_vocab)
    model = ch05.init_gpt2_weights(ch05.GPTModel(config))
    optimizer = ch05.make_optimizer(model, recipe["peak_lr"], recipe["weight_decay"])
    device = torch.device("cpu")
    start = time.perf_counter()
    history = ch05.train_model(model, train_loader, dev_loader, optimizer, device, recipe["max_steps"],
                               recipe["peak_lr"], recipe["warmup_steps"], recipe["eval_every"], 1)
    seconds = time.perf_counter() - start
    dev_loss = ch05.calc_loss_loader(dev_loader, model, device)
    dev_tokens = len(tokenizer.encode(dev_text, allowed_special="all"))
    result = {
        "mudancas": {k: v for k, v in changes.items() if v is not None}, "passos": recipe["max_steps"],
        "tokens_vistos": history["tokens"][-1], "segundos": round(seconds), "parametros":
        sum(p.numel() for p in model.parameters()), "perda_treino_lote": round(history["train_loss"][-1], 4),
        "perda_dev": round(dev_loss, 4), "bpc_dev": round(ch05.bits_per_char(dev_loss, dev_tokens, len(dev_text)), 4),
    }
    print(json.dumps(result, ensure_ascii=False))
    with open(args.saida, "a", encoding="utf-8") as out:
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    assert not math.isnan(dev_loss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
