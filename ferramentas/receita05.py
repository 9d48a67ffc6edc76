"""Escolha da receita do capítulo 05 sem olhar a validação nem o livro de teste.

Cada livro de treino é cortado por posição em três pedaços: 0–80 % (treino desta escolha), 80–90 % (o trecho
de escolha, "dev") e 90–100 % (a validação do capítulo, que nem é carregada aqui). O *Memorial de Ayres*, o
livro de teste, também fica de fora. Cada execução treina um modelo com a receita do curso, trocando o que os
argumentos pedem, por um número fixo de passos, e acrescenta uma linha JSON a `--saida` com a perda e os bits
por caractere no trecho dev, o tempo e os tokens por segundo.

Com `--velocidade`, não treina: mede, na mesma execução, os tokens por segundo de um passo de treino da receita
com alavancas de vazão (lotes maiores, `torch.compile`) e imprime a razão de cada uma contra a receita.

Uso:
    python ferramentas/receita05.py --passos 400 --vocabulario 4096 --dropout 0
    python ferramentas/receita05.py --passos 400 --vocabulario 2048 --lote 64
    python ferramentas/receita05.py --velocidade
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
from numeros import decimal  # noqa: E402


def dev_split(ch05):
    """(treino da escolha, dev): 0–80 % e 80–90 % de cada livro de treino, juntados como no capítulo."""
    parts = [ch05.split_by_position(ch05.split_by_position(ch05.read_book(name))[0], val_fraction=1 / 9)
             for name in ch05.TRAINING_BOOKS]
    return ch05.join_documents(fit for fit, _ in parts), ch05.join_documents(dev for _, dev in parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Um treino curto da receita do capítulo 05, medido no trecho dev.")
    parser.add_argument("--passos", type=int, default=400)
    parser.add_argument("--vocabulario", type=int)
    parser.add_argument("--camadas", type=int)
    parser.add_argument("--dimensao", type=int)
    parser.add_argument("--cabecas", type=int)
    parser.add_argument("--dropout", type=float)
    parser.add_argument("--lr", type=float)
    parser.add_argument("--decaimento", type=float)
    parser.add_argument("--lote", type=int)
    parser.add_argument("--saida", type=Path, default=Path("receita05.jsonl"))
    parser.add_argument("--velocidade", action="store_true", help="mede alavancas de vazão em vez de treinar")
    args = parser.parse_args(argv)

    ch05 = load_blocks("05-pre-treinamento/notebook.ipynb", "receita_do_curso", "dados_machado", "treino",
                       "otimizador", "inicializacao_gpt2", "perda", "modelo_gpt", "precisao")
    changes = {"vocab_size": args.vocabulario, "n_layers": args.camadas, "emb_dim": args.dimensao,
               "n_heads": args.cabecas, "drop_rate": args.dropout, "peak_lr": args.lr,
               "weight_decay": args.decaimento, "batch_size": args.lote}
    recipe = {**ch05.COURSE_RECIPE, **{k: v for k, v in changes.items() if v is not None}}
    recipe.update(max_steps=args.passos, warmup_steps=max(1, args.passos // 20))

    if args.velocidade:
        return measure_levers(ch05, recipe)
    fit_text, dev_text = dev_split(ch05)
    tokenizer = ch05.train_tokenizer(fit_text, recipe["vocab_size"])
    torch.manual_seed(123)
    train_loader, dev_loader = ch05.make_loaders(fit_text, dev_text, tokenizer, recipe)
    config = ch05.model_config(recipe, tokenizer.n_vocab)
    model = ch05.init_gpt2_weights(ch05.GPTModel(config))
    optimizer = ch05.make_optimizer(model, recipe["peak_lr"], recipe["weight_decay"])
    device = torch.device("cpu")
    start = time.perf_counter()
    history = ch05.train_model(model, train_loader, dev_loader, optimizer, device, max_steps=recipe["max_steps"],
                               peak_lr=recipe["peak_lr"], warmup_steps=recipe["warmup_steps"],
                               eval_every=recipe["max_steps"], eval_batches=1)
    seconds = time.perf_counter() - start
    dev_loss = ch05.calc_loss_loader(dev_loader, model, device)
    dev_tokens = len(tokenizer.encode(dev_text, allowed_special="all"))
    result = {
        "mudancas": {k: v for k, v in changes.items() if v is not None}, "passos": recipe["max_steps"],
        "tokens_vistos": history["tokens"][-1], "segundos": round(seconds),
        "tokens_por_segundo": round(history["tokens"][-1] / seconds),
        "parametros": sum(p.numel() for p in model.parameters()),
        "perda_treino_lote": round(history["train_loss"][-1], 4), "perda_dev": round(dev_loss, 4),
        "bpc_dev": round(ch05.bits_per_char(dev_loss, dev_tokens, len(dev_text)), 4),
    }
    print(json.dumps(result, ensure_ascii=False))
    with open(args.saida, "a", encoding="utf-8") as out:
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    assert not math.isnan(dev_loss)
    return 0


def measure_levers(ch05, recipe, steps=8):
    """Tokens por segundo de passos de treino (forward, backward, AdamW, em precisão mista) com cada alavanca."""
    device = torch.device("cpu")
    autocast, _, scaler = ch05.mixed_precision(device)

    def tokens_per_second(batch_size, compiled, vocab_size=recipe["vocab_size"]):
        config = ch05.model_config(recipe, vocab_size)
        torch.manual_seed(123)
        model = ch05.init_gpt2_weights(ch05.GPTModel(config)).train()
        step_model = torch.compile(model) if compiled else model
        optimizer = ch05.make_optimizer(model, recipe["peak_lr"], recipe["weight_decay"])
        batch = torch.randint(0, vocab_size, (batch_size, recipe["context_length"] + 1))
        times = []
        for _ in range(steps + 2):  # os dois primeiros aquecem (e, compilado, compilam) e não contam
            start = time.perf_counter()
            with autocast:
                loss = ch05.calc_loss_batch(batch[:, :-1], batch[:, 1:], step_model, device)
            ch05.optimizer_step(loss, model, optimizer, scaler)
            times.append(time.perf_counter() - start)
        return batch_size * recipe["context_length"] / sorted(times[2:])[len(times[2:]) // 2], sum(times[:2])

    base, _ = tokens_per_second(recipe["batch_size"], compiled=False)
    print(f"receita (lote {recipe['batch_size']}): {decimal(base, 0)} tokens/s")
    levers = [("lote 64", 64, False, recipe["vocab_size"]), ("lote 16", 16, False, recipe["vocab_size"]),
              ("torch.compile", recipe["batch_size"], True, recipe["vocab_size"])]
    levers += [(f"vocabulário {size}", recipe["batch_size"], False, size) for size in (2048, 4096, 8192, 16384)
               if size != recipe["vocab_size"]]
    for name, batch_size, compiled, vocab_size in levers:
        speed, warmup = tokens_per_second(batch_size, compiled, vocab_size)
        print(f"{name}: {decimal(speed, 0)} tokens/s, {decimal(speed / base)}× a receita "
              f"(primeiros dois passos: {decimal(warmup, 1)} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
