"""Benchmark: o nosso código contra a referência, medidos lado a lado na mesma execução.

Uso:
    python ferramentas/benchmark.py                    # GPT-2 124M, 1 × 256 tokens, CPU ou GPU
    python ferramentas/benchmark.py --tokens 1024 --lote 2 --repeticoes 5

Compara, com os mesmos pesos e a mesma entrada:
- o GPTModel do capítulo 04 contra o GPT2LMHeadModel do `transformers` (passada para frente, sem gradientes);
- a MultiHeadAttention do capítulo 03 contra a mesma conta com F.scaled_dot_product_attention;
- um passo de treino inteiro (forward, perda, backward, AdamW), como o laço do capítulo 05, na configuração do
  modelo do curso e na do GPT-2 124M, em float32 e em precisão mista (bf16 onde o hardware tem; fp16 na GPU
  sem bf16), com o mesmo lote, a mesma sequência e as mesmas threads (`--treino` escolhe quais).
Imprime tempos (mediana), a razão nosso/referência e a memória dos pesos (e o pico de memória na GPU).
Os números dependem da máquina: o que vale é a razão, medida na mesma execução. Não é um teste.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blocos import load_blocks  # noqa: E402


def median_ms(function, repeats: int, device: torch.device) -> float:
    with torch.no_grad():
        function()  # aquecimento
        times = []
        for _ in range(repeats):
            if device.type == "cuda":
                torch.cuda.synchronize()
            start = time.perf_counter()
            function()
            if device.type == "cuda":
                torch.cuda.synchronize()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def peak_mb(function, device: torch.device) -> float | None:
    if device.type != "cuda":
        return None
    torch.cuda.reset_peak_memory_stats()
    with torch.no_grad():
        function()
    return torch.cuda.max_memory_allocated() / 2**20


def row(name: str, ours_ms: float, ref_ms: float, extra: str = "") -> None:
    print(f"{name:<38} {ours_ms:>10.1f} {ref_ms:>12.1f} {ours_ms / ref_ms:>8.2f}×  {extra}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Nosso GPT e nossa atenção contra as referências.")
    parser.add_argument("--tokens", type=int, default=256)
    parser.add_argument("--lote", type=int, default=1)
    parser.add_argument("--repeticoes", type=int, default=3)
    parser.add_argument("--dispositivo", default=None, help="cpu, cuda ou mps (padrão: o melhor disponível)")
    parser.add_argument("--treino", choices=["ambos", "curso", "124M", "nenhum"], default="ambos",
                        help="passos de treino a medir: na configuração do modelo do curso, na do GPT-2 124M, ambos")
    args = parser.parse_args(argv)

    from transformers import GPT2Config, GPT2LMHeadModel

    ch04 = load_blocks("04-gpt-do-zero/notebook.ipynb")
    device = torch.device(args.dispositivo) if args.dispositivo else ch04.choose_device()
    cfg = ch04.GPT_CONFIG_124M
    if not 1 <= args.tokens <= cfg["context_length"]:
        parser.error(f"--tokens precisa estar entre 1 e {cfg['context_length']}")

    torch.manual_seed(0)
    reference = GPT2LMHeadModel(GPT2Config(
        vocab_size=cfg["vocab_size"], n_positions=cfg["context_length"], n_embd=cfg["emb_dim"],
        n_layer=cfg["n_layers"], n_head=cfg["n_heads"],
    )).to(device).eval()
    ours = ch04.load_weights_into_gpt(ch04.GPTModel(cfg), reference.state_dict()).to(device).eval()
    ids = torch.randint(0, cfg["vocab_size"], (args.lote, args.tokens), device=device)
    with torch.no_grad():
        difference = (ours(ids) - reference(ids).logits).abs().max().item()

    print(f"dispositivo: {device}; torch {torch.__version__}; threads de CPU: {torch.get_num_threads()}")
    print(f"entrada: {args.lote} × {args.tokens} tokens; {args.repeticoes} repetições (mediana)\n")
    print(f"{'medida':<38} {'nosso (ms)':>10} {'referência':>12} {'razão':>9}")
    ours_ms = median_ms(lambda: ours(ids), args.repeticoes, device)
    ref_ms = median_ms(lambda: reference(ids), args.repeticoes, device)
    row("GPTModel vs GPT2LMHeadModel (forward)", ours_ms, ref_ms, f"maior diferença nos logits: {difference:.1e}")

    attention = ours.trf_blocks[0].att
    x = torch.randn(args.lote, args.tokens, cfg["emb_dim"], device=device)

    def sdpa():
        q, k, v = (attention.split_heads(W(x)) for W in (attention.W_query, attention.W_key, attention.W_value))
        context = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        return attention.out_proj(context.transpose(1, 2).reshape(x.shape))

    row("MultiHeadAttention vs SDPA (1 camada)", median_ms(lambda: attention(x), args.repeticoes, device),
        median_ms(sdpa, args.repeticoes, device))

    bytes_ours = sum(p.numel() * p.element_size() for p in ours.parameters())
    bytes_ref = sum(p.numel() * p.element_size() for p in reference.parameters())  # parâmetros únicos
    print(f"\nmemória dos pesos: nosso {bytes_ours / 2**20:.0f} MiB, referência {bytes_ref / 2**20:.0f} MiB "
          f"(razão {bytes_ours / bytes_ref:.2f}×: o GPT2LMHeadModel compartilha a matriz de saída com a de entrada)")
    ours_peak, ref_peak = peak_mb(lambda: ours(ids), device), peak_mb(lambda: reference(ids), device)
    if ours_peak is not None:
        print(f"pico de memória na GPU (forward): nosso {ours_peak:.0f} MiB, referência {ref_peak:.0f} MiB "
              f"(razão {ours_peak / ref_peak:.2f}×)")
    if args.treino != "nenhum":
        training_rows(args.treino, args.repeticoes, device)
    return 0


def training_rows(which: str, repeats: int, device: torch.device) -> None:
    """Um passo de treino do nosso GPTModel contra o do GPT2LMHeadModel, mesma configuração e mesmos pesos."""
    from transformers import GPT2Config, GPT2LMHeadModel

    ch05 = load_blocks("05-pre-treinamento/notebook.ipynb", "receita_do_curso", "precisao", "modelo_gpt", "pesos_gpt2",
                       "config_gpt2")
    recipe = ch05.COURSE_RECIPE
    course = {**ch05.model_config(recipe, recipe["vocab_size"]), "qkv_bias": True}  # o GPT-2 sempre tem viés em QKV
    setups = {"curso": (course, recipe["batch_size"], recipe["context_length"]),
              "124M": ({**ch05.GPT_CONFIG_124M, "drop_rate": 0.0}, 4, 256)}
    mixed = ch05.mixed_precision(device)[1]
    print(f"\npasso de treino (forward + perda + backward + AdamW); precisão mista aqui: {mixed or 'nenhuma'}")
    print(f"{'medida':<38} {'nosso (ms)':>10} {'referência':>12} {'razão':>9}")
    for name, (cfg, batch, tokens) in setups.items():
        if which not in ("ambos", name):
            continue
        for dtype in [None] + ([mixed] if mixed else []):
            torch.manual_seed(0)
            reference = GPT2LMHeadModel(GPT2Config(
                vocab_size=cfg["vocab_size"], n_positions=cfg["context_length"], n_embd=cfg["emb_dim"],
                n_layer=cfg["n_layers"], n_head=cfg["n_heads"], resid_pdrop=cfg["drop_rate"],
                embd_pdrop=cfg["drop_rate"], attn_pdrop=cfg["drop_rate"],
            )).to(device)
            ours = ch05.load_weights_into_gpt(ch05.GPTModel(cfg), reference.state_dict()).to(device)
            generator = torch.Generator().manual_seed(0)
            ids = torch.randint(0, cfg["vocab_size"], (batch, tokens + 1), generator=generator).to(device)
            ours_ms = median_train_ms(ours, lambda m, x: m(x), ids, dtype, repeats, device)
            ref_ms = median_train_ms(reference, lambda m, x: m(x).logits, ids, dtype, repeats, device)
            label = f"treino {name} {batch}×{tokens} {str(dtype or 'float32').removeprefix('torch.')}"
            row(label, ours_ms, ref_ms, f"{batch * tokens / ours_ms * 1000:,.0f} tokens/s (nosso)".replace(",", " "))


def median_train_ms(model, logits_of, ids, dtype, repeats: int, device: torch.device) -> float:
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    inputs, targets = ids[:, :-1], ids[:, 1:]
    model.train()

    def step():
        with torch.autocast(device.type, dtype=dtype, enabled=dtype is not None):
            logits = logits_of(model, inputs)
        loss = F.cross_entropy(logits.flatten(0, 1).float(), targets.flatten())
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        if device.type == "cuda":
            torch.cuda.synchronize()

    step()  # aquecimento (e o AdamW cria o seu estado)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
